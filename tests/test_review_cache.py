"""The review cache: a second review of the same history reads everything back, keyed by git hashes."""

from __future__ import annotations

from pathlib import Path

from katabench.review.cache import Cache
from katabench.review.engine import ReviewRequest, review
from review_support import GREEN_STEP, LEGACY, commit, git, student_repo


def test_a_second_review_is_read_from_the_cache_and_says_the_same(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    commit(repo, "rename", {LEGACY: GREEN_STEP.replace("book_fee", "fee_for_books")})
    cache = tmp_path / "cache"
    first = review(ReviewRequest(repo, cache_dir=cache))
    with Cache(cache) as store:
        rows = {t: store.db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("files", "commits")}
    assert rows["files"] >= 3 and rows["commits"] >= 3
    second = review(ReviewRequest(repo, cache_dir=cache))
    strip = lambda r: {**r.to_json(), "generated": None}  # noqa: E731
    assert strip(second) == strip(first)


def test_the_cache_never_serves_a_stale_commit_after_history_is_rewritten(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    cache = tmp_path / "cache"
    before = review(ReviewRequest(repo, cache_dir=cache))
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    commit(repo, "rename a variable", {LEGACY: (repo / LEGACY).read_text().replace("days", "count")})
    after = review(ReviewRequest(repo, cache_dir=cache))
    assert before.commits[0].facts.sha != after.commits[0].facts.sha
    assert [r.type for r in after.commits[0].facts.refactorings] == ["rename"]


def test_a_metrics_only_review_does_not_reuse_a_full_reviews_commits(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    cache = tmp_path / "cache"
    quick = review(ReviewRequest(repo, cache_dir=cache, detect=False, rules=False))
    full = review(ReviewRequest(repo, cache_dir=cache))
    assert quick.commits[0].facts.refactorings == () and not quick.commits[0].facts.detected
    assert quick.commits[0].facts.metrics and quick.commits[0].facts.metrics.get("rule_findings") is None
    assert [r.type for r in full.commits[0].facts.refactorings] == ["extract-function"]
    assert full.commits[0].facts.metrics and full.commits[0].facts.metrics.get("rule_findings") is not None


def test_the_cache_lives_outside_the_reviewed_repository(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    repo = student_repo(tmp_path)
    monkeypatch.setenv("KATABENCH_CACHE_DIR", str(tmp_path / "elsewhere"))
    review(ReviewRequest(repo))
    assert (tmp_path / "elsewhere" / "review.sqlite").is_file()
    assert not list(repo.glob("**/*.sqlite"))


def test_a_metrics_only_review_loads_no_rule_and_no_libcst(tmp_path: Path) -> None:
    """Its spec is read without loading the design rules (LibCST takes a third of a second to import)."""
    import subprocess
    import sys

    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    script = (
        "import sys\nfrom katabench.cli import main\n"
        f"main(['review', {str(repo)!r}, '--metrics-only', '--format', 'json', '--cache', {str(tmp_path / 'c')!r}])\n"
        "print(sorted(m for m in ('libcst', 'katabench.rules', 'rich') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_broken_rule_in_the_spec_stops_a_full_review_even_after_a_metrics_only_one(tmp_path: Path) -> None:
    import pytest

    from katabench.errors import SpecError

    repo = student_repo(tmp_path)
    spec = repo / "katas/fees/kata.toml"
    spec.write_text(spec.read_text().replace("max_branches = 2", "max_branches = 2\nno_such_option = 1"))
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    cache = tmp_path / "cache"
    quick = review(ReviewRequest(repo, cache_dir=cache, detect=False, rules=False))  # runs no rule: reads no rule
    assert quick.commits[-1].facts.metrics is not None
    with pytest.raises(SpecError, match="no_such_option"):
        review(ReviewRequest(repo, cache_dir=cache))
