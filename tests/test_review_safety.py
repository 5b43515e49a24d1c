"""`kata review` never changes the student's repository, and survives every odd history.

Each test digests every file (work tree and .git, the index included) and
every ref before and after the review.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from helpers import kata
from katabench.review.engine import ReviewRequest, review
from review_support import GREEN_STEP, LEGACY, commit, fingerprint, git, student_repo


def odd_history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Renames, a binary file, a deletion, an unparseable commit, a merge, a detached HEAD, a dirty tree."""
    repo = student_repo(tmp_path)
    shas = {"green": commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})}
    (repo / "legacy/fees/core.py").rename(repo / "legacy/fees/tariffs.py")
    shas["rename"] = commit(
        repo, "rename the module", {"legacy/fees/__init__.py": "from .tariffs import fee\n\n__all__ = ['fee']\n"}
    )
    shas["binary"] = commit(repo, "a logo", {"legacy/fees/logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\xff"})
    shas["delete"] = commit(repo, "no logo", {"legacy/fees/logo.png": None})
    shas["broken"] = commit(repo, "oops", {"legacy/fees/tariffs.py": GREEN_STEP + "\ndef broken(:\n"})
    shas["fixed"] = commit(repo, "fix", {"legacy/fees/tariffs.py": GREEN_STEP})
    git(repo, "checkout", "-q", "-b", "side")
    shas["side"] = commit(
        repo, "side work", {"legacy/fees/tariffs.py": GREEN_STEP.replace("return -1", "return 0 - 1")}
    )
    git(repo, "checkout", "-q", "main")
    shas["main"] = commit(repo, "docs", {"NOTES.md": "my notes\n"})
    git(repo, "merge", "-q", "--no-ff", "side", "-m", "merge side")
    shas["merge"] = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "--detach", "HEAD")
    (repo / LEGACY.replace("core", "tariffs")).write_text(GREEN_STEP + "\n# not committed\n")
    (repo / "scratch.txt").write_text("untracked\n")
    return repo, shas


def test_a_review_of_an_odd_history_changes_nothing_and_reports_every_commit(tmp_path: Path) -> None:
    repo, shas = odd_history(tmp_path)
    before = fingerprint(repo)
    result = review(ReviewRequest(repo, cache_dir=tmp_path / "cache"))
    assert fingerprint(repo) == before
    by_sha = {c.facts.sha: c for c in result.commits}
    assert set(shas.values()) <= set(by_sha)
    assert by_sha[shas["rename"]].facts.lines < 10  # a file renamed is no line of work
    assert by_sha[shas["binary"]].facts.binary == ("legacy/fees/logo.png",)
    assert by_sha[shas["broken"]].has("unparseable")
    assert "tariffs.py:" in by_sha[shas["broken"]].verdicts[0].message
    assert not by_sha[shas["fixed"]].has("unparseable")
    merge = by_sha[shas["merge"]]
    assert merge.facts.is_merge and merge.strokes == 0
    assert by_sha[shas["main"]].strokes == 0  # no change to the kata's code
    assert any("uncommitted" in note for note in result.notes)
    assert [r.type for r in by_sha[shas["green"]].facts.refactorings] == ["extract-function"]


@pytest.mark.slow
def test_running_the_harness_on_every_commit_changes_nothing(tmp_path: Path) -> None:
    repo, shas = odd_history(tmp_path)
    before = fingerprint(repo)
    result = review(ReviewRequest(repo, run_tests=True, jobs=2, cache_dir=tmp_path / "cache"))
    assert fingerprint(repo) == before
    lights = {c.facts.sha: c.harness.light for c in result.commits}
    assert lights[shas["green"]] == "green"
    assert lights[shas["broken"]] == "red"
    assert lights[shas["side"]] == "green"  # 0 - 1 is still -1


def test_the_cli_review_leaves_the_repository_alone_in_every_format(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    before = fingerprint(repo)
    for fmt in ("table", "markdown", "json", "html"):
        out = tmp_path / f"review.{fmt}"
        done = kata(
            "review", str(repo), "--format", fmt, "--output", str(out), "--cache", str(tmp_path / "c"), cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 200
    assert fingerprint(repo) == before
    data = json.loads((tmp_path / "review.json").read_text())
    assert data["schema"] == "katabench.review/1"
    assert data["kata"] == "fees"


def make_submission(repo: Path, dest: Path, **manifest: object) -> Path:
    head = git(repo, "rev-parse", "HEAD")
    bundle = dest.parent / "repo.bundle"
    git(repo, "bundle", "create", "-q", str(bundle), "main")
    data = {
        "format": "katabench.submission/1",
        "kata": "fees",
        "created": "2026-11-26T10:00:00+00:00",
        "branch": "main",
        "head": head,
        "base": git(repo, "rev-list", "--max-parents=0", "HEAD"),
        "katabench_version": "0.1.0",
        **manifest,
    }
    with zipfile.ZipFile(dest, "w") as archive:
        archive.writestr("manifest.json", json.dumps(data))
        archive.write(bundle, "repo.bundle")
        archive.writestr("check.json", "{}")
    return dest


def test_a_submission_file_is_reviewed_from_its_bundle(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    commit(repo, "extract book_fee", {LEGACY: GREEN_STEP})
    submission = make_submission(repo, tmp_path / "fees-2026-11-26.kata.zip")
    done = kata("review", str(submission), "--format", "json", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"] == "fees-2026-11-26.kata.zip"
    assert [c["subject"] for c in data["commits"]] == ["extract book_fee"]
    assert data["commits"][0]["refactorings"][0]["type"] == "extract-function"


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ({"format": "something/9"}, "format is 'something/9'"),
        ({"head": "0" * 40}, "is not in repo.bundle"),
        ({"kata": ""}, "kata: expected a non-empty string"),
    ],
)
def test_a_bad_submission_gives_a_clear_message(tmp_path: Path, tamper: dict[str, object], message: str) -> None:
    repo = student_repo(tmp_path)
    submission = make_submission(repo, tmp_path / "fees.kata.zip", **tamper)
    done = kata("review", str(submission), "--no-cache", cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_submission_whose_bundle_is_not_a_bundle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fees.kata.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "manifest.json",
            json.dumps({"format": "katabench.submission/1", "kata": "fees", "head": "a" * 40, "branch": "main"}),
        )
        archive.writestr("repo.bundle", "not a bundle")
    done = kata("review", str(path), "--no-cache", cwd=tmp_path)
    assert done.returncode == 2
    assert "not a valid git bundle" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/nowhere"], "no such folder"),
        (["{tmp}"], "not a git repository"),
        (["{repo}", "--kata", "nope"], "kata 'nope' is not in"),
        (["{repo}", "--base", "no-such-ref"], "'no-such-ref' is not a commit"),
        (["{repo}", "--jobs", "0"], "--jobs 0"),
        ([], "what to review?"),
    ],
)
def test_impossible_requests_exit_2_with_a_message(tmp_path: Path, args: list[str], message: str) -> None:
    repo = student_repo(tmp_path)
    done = kata("review", *(a.format(tmp=tmp_path, repo=repo) for a in args), "--no-cache", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stderr


def test_a_clone_is_reviewed_from_where_it_left_its_upstream(tmp_path: Path) -> None:
    upstream = student_repo(tmp_path, "course")
    commit(upstream, "the teacher's warm-up", {LEGACY: GREEN_STEP})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(upstream), str(clone))
    mine = commit(clone, "rename days", {LEGACY: GREEN_STEP.replace("days", "count")})
    before = fingerprint(clone)
    result = review(ReviewRequest(clone, cache_dir=None))
    assert [c.facts.sha for c in result.commits] == [mine]
    assert result.base == git(upstream, "rev-parse", "HEAD")
    assert fingerprint(clone) == before


def test_the_blob_reader_answers_each_thread_its_own_question(tmp_path: Path) -> None:
    # `--run-tests --jobs N` extracts commits from several threads through one `git cat-file --batch`:
    # unguarded, threads read each other's answers, or wait forever for one another's.
    import threading

    from katabench.review.gitread import Repository

    repo = student_repo(tmp_path)
    shas = [commit(repo, f"step {n}", {LEGACY: GREEN_STEP + f"\n# step {n}\n"}) for n in range(4)]
    reader = Repository(repo)
    wrong: list[str] = []

    def ask(n: int, sha: str) -> None:
        for _ in range(60):
            text = reader.read_text(sha, LEGACY)
            if text is None or not text.endswith(f"# step {n}\n") or reader.has_path(sha, "no/such/file.py"):
                wrong.append(sha)

    threads = [threading.Thread(target=ask, args=pair, daemon=True) for pair in [*enumerate(shas)] * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    stuck = sum(thread.is_alive() for thread in threads)
    reader.close()  # ends git, which frees any thread still waiting on it
    assert stuck == 0 and not wrong
