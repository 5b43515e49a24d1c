"""Every verdict, the golf card, and the limits calibrated on the reference paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT
from katabench.repo import get_kata, kata_names
from katabench.review.accuracy import read_package
from katabench.review.analyze import moved_lines
from katabench.review.detect import detect
from katabench.review.engine import ReviewRequest, review
from katabench.review.model import TIDY_TYPES, CommitFacts, Harness, Metrics
from katabench.review.verdicts import MAX_KINDS, MAX_LINES, Limits, judge, kata_targets, strokes
from review_support import GREEN_STEP, LEGACY, RED_STEP, commit, student_repo

SOLUTION = Path(__file__).parent / "fixtures/minirepo/katas/fees/path/01-replace-conditional-with-polymorphism"


def verdicts(result, sha: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {v.code for c in result.commits if c.facts.sha == sha for v in c.verdicts}


@pytest.mark.slow
def test_a_red_step_is_red_a_behaviour_change_and_costs_a_stroke_more(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    green = commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    red = commit(repo, "extract book_fee, but a dvd costs one more", {LEGACY: RED_STEP})
    result = review(ReviewRequest(repo, run_tests=True, jobs=2, cache_dir=tmp_path / "cache"))
    first, second = result.commits
    assert first.harness.light == "green" and first.verdicts == () and first.strokes == 1
    assert second.harness.light == "red"
    assert "test_fee" in second.harness.summary
    assert verdicts(result, red) == {"red", "behaviour-change"}
    assert second.strokes == 3  # one, one more for red, one more for hand-made: no refactoring in that change
    assert verdicts(result, green) == set()
    assert result.golf.red_steps == 1
    assert "1 red step" in result.golf.summary


def test_editing_the_approved_file_is_a_behaviour_change_and_editing_the_test_is_flagged(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    approved = "characterization/fees/test_fees.test_fee.approved.txt"
    text = (repo / approved).read_text()
    cheat = commit(repo, "approve the new numbers", {approved: text.replace("=> 4", "=> 5", 1)})
    test = commit(
        repo,
        "skip a case",
        {
            "characterization/fees/test_fees.py": (repo / "characterization/fees/test_fees.py")
            .read_text()
            .replace('"cd"', '"tape"')
        },
    )
    result = review(ReviewRequest(repo, cache_dir=None))
    assert verdicts(result, cheat) == {"behaviour-change"}
    assert verdicts(result, test) == {"harness-changed"}
    message = next(v.message for v in result.commits[1].verdicts)
    assert "test_fees.py" in message


def test_a_big_step_is_a_big_bang(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    small = commit(repo, "one constant", {LEGACY: GREEN_STEP + "\nX0 = 0\n"})
    big = commit(repo, "everything at once", {LEGACY: GREEN_STEP + "\n" + "\n".join(f"X{i} = {i}" for i in range(30))})
    result = review(ReviewRequest(repo, cache_dir=None, limits=Limits(max_lines=20)))
    assert "big-bang" in verdicts(result, big)
    assert "big-bang" not in verdicts(result, small)
    message = next(v.message for v in result.commits[1].verdicts if v.code == "big-bang")
    assert "limit 20" in message


def test_too_many_kinds_of_refactoring_in_one_step_is_a_big_bang(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    renamed = GREEN_STEP.replace("book_fee", "fee_for_books").replace("days", "count")
    mixed = commit(repo, "extract and rename", {LEGACY: renamed})
    result = review(ReviewRequest(repo, cache_dir=None, limits=Limits(max_kinds=1)))
    kinds = {r.type for r in result.commits[0].facts.refactorings}
    assert len(kinds) == 2, kinds
    assert "big-bang" in verdicts(result, mixed)


def test_a_step_that_makes_a_metric_miss_its_target_is_a_regression(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    worse = GREEN_STEP.replace(
        "    if days > 10:\n        return days * 2\n",
        "    if days > 10:\n        if days > 20:\n            if days > 30:\n                return days * 3\n"
        "            return days * 2\n        return days * 2\n",
    )
    first = commit(repo, "extract", {LEGACY: GREEN_STEP})
    regression = commit(repo, "more tiers", {LEGACY: worse})
    result = review(ReviewRequest(repo, cache_dir=None))
    assert "metric-regression" not in verdicts(result, first)
    assert "metric-regression" in verdicts(result, regression)
    message = next(v.message for v in result.commits[1].verdicts if v.code == "metric-regression")
    assert "max cognitive" in message and "book_fee" in message


def test_a_file_that_does_not_parse_is_unparseable_and_red_for_golf(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    broken = commit(repo, "half typed", {LEGACY: "def fee(kind, days)\n    return 0\n"})
    result = review(ReviewRequest(repo, cache_dir=None))
    assert verdicts(result, broken) == {"unparseable"}
    assert "core.py:1" in result.commits[0].verdicts[0].message
    assert result.commits[0].strokes == 3  # a step, red (it cannot run), hand-made


def test_reaching_the_target_ends_the_round_and_par_comes_from_the_reference_path(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    done = commit(repo, "polymorphism", {LEGACY: (SOLUTION / "core.py").read_text()})
    commit(repo, "afterwards", {LEGACY: (SOLUTION / "core.py").read_text() + "\n# done\n"})
    result = review(ReviewRequest(repo, cache_dir=None))
    golf = result.golf
    assert golf.target_reached and golf.reached_at == done
    assert golf.par == 1
    assert golf.strokes == 2
    assert golf.summary == "reached the target in 2 strokes, par 1"


def _facts(**changes: object) -> CommitFacts:
    base: dict[str, object] = dict(
        sha="a" * 40,
        parents=("b" * 40,),
        author="s",
        date="d",
        subject="s",
        added=3,
        removed=2,
        files=("legacy/fees/core.py",),
        binary=(),
        harness_changes=(),
        approved_changes=(),
        metrics=Metrics({}, {}, {}, ()),
        refactorings=(),
        detected=True,
    )
    base.update(changes)
    return CommitFacts(**base)  # type: ignore[arg-type]


def test_strokes_are_zero_for_merges_and_commits_that_leave_the_kata_alone() -> None:
    green, red = Harness("green", ""), Harness("red", "")
    assert strokes(_facts(), green) == 2  # hand-made
    assert strokes(_facts(), red) == 3
    assert strokes(_facts(files=()), green) == 0
    assert strokes(_facts(parents=("b" * 40, "c" * 40)), green) == 0
    assert strokes(_facts(detected=False), green) == 1  # not judged: no penalty


def test_a_merge_is_never_a_big_bang() -> None:
    kata = kata_targets(get_kata(ROOT, "library-fines"))
    merge = _facts(parents=("b" * 40, "c" * 40), added=900)
    assert judge(kata, merge, Harness("green", ""), None) == ()
    assert [v.code for v in judge(kata, _facts(added=900), Harness("green", ""), None)] == ["big-bang"]


def _size(before: dict[str, str], after: dict[str, str]) -> int:
    import difflib

    return sum(
        1
        for path in set(before) | set(after)
        for line in difflib.unified_diff(
            before.get(path, "").splitlines(), after.get(path, "").splitlines(), n=0, lineterm=""
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )


def test_the_default_limits_let_nearly_every_reference_step_pass() -> None:
    """The limits are calibrated on the reference paths: a kata's own steps are (nearly) never a big bang."""
    steps, too_big = 0, []
    for name in kata_names(ROOT):
        kata = get_kata(ROOT, name)
        before = read_package(ROOT / kata.legacy, "p")
        for step in kata.steps():
            after = read_package(step, "p")
            kinds = {r.type for r in detect(before, after) if r.type not in TIDY_TYPES}
            size = _size(before, after) - 2 * moved_lines(before, after)
            if size > MAX_LINES or len(kinds) > MAX_KINDS:
                too_big.append(f"{name}/{step.name}: {size} lines, {sorted(kinds)}")
            before = after
            steps += 1
    assert steps >= 20
    assert len(too_big) <= steps // 10, too_big


@pytest.mark.slow
def test_a_commit_that_never_finishes_is_red_with_where_it_hung(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    hang = commit(
        repo, "oops", {LEGACY: GREEN_STEP.replace("    return days\n", "    while days >= 0:\n        pass\n")}
    )
    result = review(ReviewRequest(repo, run_tests=True, timeout=4, cache_dir=None))
    harness = result.commits[0].harness
    assert harness.light == "red"
    assert "timed out after 4 s at legacy/fees/core.py:" in harness.summary
    assert verdicts(result, hang) == {"red", "behaviour-change"}
