"""`kata review --class DIR`: one row per student, merged from repositories and per-repository JSON results."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import kata
from katabench.review.classroom import merge
from review_support import GREEN_STEP, LEGACY, commit, student_repo


def test_a_class_folder_of_repositories_and_ci_results_gives_one_row_per_student(tmp_path: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    ada = student_repo(course, "ada")
    commit(ada, "extract book_fee", {LEGACY: GREEN_STEP})
    bob = student_repo(tmp_path, "bob")  # reviewed by "CI", merged as JSON
    commit(bob, "rename", {LEGACY: (bob / LEGACY).read_text().replace("days", "count")})
    commit(bob, "and again", {LEGACY: (bob / LEGACY).read_text().replace("count", "n")})
    done = kata(
        "review", str(bob), "--format", "json", "--output", str(course / "bob.json"), "--no-cache", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    (course / "carol.json").write_text("{not json")
    (course / "README.txt").write_text("ignored")
    done = kata("review", "--class", str(course), "--format", "json", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "katabench.review-class/1"
    rows = {r["student"]: r for r in data["rows"]}
    assert set(rows) == {"ada", "bob"}
    assert rows["ada"]["commits"] == 1 and rows["ada"]["refactorings"] == 1
    assert rows["bob"]["commits"] == 2 and rows["bob"]["refactoring_types"] == ["rename"]
    assert data["errors"] == [{"student": "carol", "error": data["errors"][0]["error"]}]
    assert "not valid JSON" in data["errors"][0]["error"]
    table = kata("review", "--class", str(course), "--no-cache", cwd=tmp_path)
    assert "ada" in table.stdout and "bob" in table.stdout and "carol" in table.stdout
    markdown = kata("review", "--class", str(course), "--format", "markdown", "--no-cache", cwd=tmp_path)
    assert "| ada |" in markdown.stdout


def test_class_results_merge_again_so_courses_can_merge_sections() -> None:
    review = {
        "schema": "katabench.review/1",
        "kata": "fees",
        "source": "x",
        "head": "h",
        "summary": {
            "commits": 3,
            "lights": {"green": 3},
            "verdicts": {"big-bang": 1},
            "refactorings": {"rename": 2},
            "last": {"max_cyclomatic": 4},
        },
        "golf": {"strokes": 4, "par": 3, "target_reached": False, "summary": "target not reached"},
    }
    section = merge([("ada", review)])
    course = merge([("section-a", section), ("bob", review)])
    assert [r["student"] for r in course["rows"]] == ["ada", "bob"]
    assert course["rows"][0]["big_bang"] == 1 and course["rows"][0]["green"] == 3
    assert merge([("x", {"schema": "other"})])["errors"][0]["error"].startswith("not a review result")


def test_an_empty_class_folder_is_an_error_that_says_what_it_looks_for(tmp_path: Path) -> None:
    done = kata("review", "--class", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    assert "*.kata.zip" in done.stderr
