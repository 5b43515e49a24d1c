"""`kata demo-history`: a labelled history from a kata's reference path, and what `kata review` says of it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from helpers import kata

SCHEMA_KEYS = {
    "schema",
    "kata",
    "title",
    "source",
    "base",
    "head",
    "generated",
    "options",
    "summary",
    "golf",
    "baseline",
    "commits",
    "notes",
    "targets",
}
COMMIT_KEYS = {
    "index",
    "sha",
    "parents",
    "author",
    "date",
    "subject",
    "added",
    "removed",
    "moved",
    "files",
    "binary",
    "harness_changes",
    "approved_changes",
    "metrics",
    "refactorings",
    "detected",
    "harness",
    "verdicts",
    "strokes",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from helpers import ROOT, copy_repo

    tmp = tmp_path_factory.mktemp("demo")
    repo = copy_repo(ROOT, tmp / "repo")
    done = kata("demo-history", "library-fines", str(tmp / "demo"), cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "Step 05: replace conditional with polymorphism" in done.stdout
    return repo, tmp / "demo"


def test_the_demo_replays_the_reference_path_one_commit_per_step(demo: tuple[Path, Path]) -> None:
    repo, history = demo
    subjects = subprocess.run(
        ["git", "log", "--reverse", "--format=%s"], cwd=history, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    steps = sorted(p.name for p in (repo / "katas/library-fines/path").iterdir() if p.is_dir())
    assert len(subjects) == len(steps) + 1
    assert subjects[0].startswith("Start the library-fines kata")
    assert subjects[1] == "Step 01: extract function"
    body = subprocess.run(
        ["git", "log", "-1", "--format=%b", "HEAD"], cwd=history, capture_output=True, text=True, check=True
    ).stdout
    assert "add type hints" in body.lower()
    assert (history / "katas/library-fines/kata.toml").is_file()
    final = repo / "katas/library-fines/path" / steps[-1] / "fines.py"
    assert (history / "legacy/library_fines/fines.py").read_text() == final.read_text()


def _head(repo: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout


def test_the_same_kata_always_gives_the_same_demo_commits(demo: tuple[Path, Path], tmp_path: Path) -> None:
    repo, history = demo
    again = kata("demo-history", "library-fines", str(tmp_path / "again"), cwd=repo)
    assert again.returncode == 0
    assert _head(history) == _head(tmp_path / "again")


def test_the_review_of_the_demo_names_every_step_and_scores_the_par(demo: tuple[Path, Path]) -> None:
    repo, history = demo
    done = kata("review", str(history), "--format", "json", "--no-cache", cwd=repo)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == SCHEMA_KEYS
    assert set(data["commits"][0]) == COMMIT_KEYS
    assert data["golf"]["par"] is not None and data["golf"]["target_reached"]
    for commit in data["commits"]:
        label = commit["subject"].split(": ", 1)[1].replace(" ", "-")
        types = {r["type"] for r in commit["refactorings"]}
        assert label in types, (commit["subject"], types)
    assert all(c["verdicts"] == [] or c["verdicts"][0]["code"] == "metric-regression" for c in data["commits"])
    table = kata("review", str(history), "--no-cache", cwd=repo)
    assert "golf: reached the target" in table.stdout
    markdown = kata("review", str(history), "--format", "markdown", "--no-cache", cwd=repo)
    assert "| 5 |" in markdown.stdout and "replace conditional with polymorphism" in markdown.stdout


def test_demo_history_refuses_a_folder_that_is_not_empty(demo: tuple[Path, Path], tmp_path: Path) -> None:
    repo, _history = demo
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "file.txt").write_text("mine")
    done = kata("demo-history", "library-fines", str(tmp_path / "busy"), cwd=repo)
    assert done.returncode == 2
    assert "is not empty" in done.stderr
    assert (tmp_path / "busy" / "file.txt").read_text() == "mine"


def test_demo_history_of_an_unknown_kata_suggests_one(demo: tuple[Path, Path], tmp_path: Path) -> None:
    repo, _history = demo
    done = kata("demo-history", "library-fine", str(tmp_path / "x"), cwd=repo)
    assert done.returncode == 2
    assert "library-fines" in done.stderr
