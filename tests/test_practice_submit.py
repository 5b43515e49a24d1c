"""`kata submit`: one file for the instructor, built without touching the student's repository."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from katabench.practice.submit import submission_name
from practice_helpers import git, isolated_env, kata, kata_repo, state_of, write

CORE = "legacy/fees/core.py"
REFACTORED_TAIL = "        return -1  # an unknown kind has no fee\n"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def repo(tmp_path: Path, env: dict[str, str]) -> Path:
    """A student's repository: the kata, then two steps of their own."""
    repo = kata_repo(tmp_path, env)
    core = repo / CORE
    write(core, core.read_text().replace("        return -1\n", REFACTORED_TAIL))
    git(repo, "commit", "-qam", "name the unknown-kind case", env=env)
    write(repo / "legacy/fees/kinds.py", "KINDS = ('book', 'dvd', 'game')\n")
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-qm", "list the kinds", env=env)
    return repo


def test_submit_packs_the_branch_history_and_the_check_of_its_head(
    tmp_path: Path, repo: Path, env: dict[str, str]
) -> None:
    write(repo / CORE, "this uncommitted text is not part of the submission\n")
    before = state_of(repo, env)
    index = (repo / ".git" / "index").read_bytes()
    out_dir = tmp_path / "out"
    done = kata("submit", "fees", "--no-mutation", "--output", str(out_dir), "--json", cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    path = Path(result["file"])
    assert path.parent == out_dir and path.name == f"fees-{date.today().isoformat()}.kata.zip"
    assert result["uncommitted"] == [CORE]
    assert state_of(repo, env) == before and (repo / ".git" / "index").read_bytes() == index

    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["check.json", "manifest.json", "repo.bundle"]
        manifest = json.loads(archive.read("manifest.json"))
        check = json.loads(archive.read("check.json"))
        (tmp_path / "repo.bundle").write_bytes(archive.read("repo.bundle"))
    head = git(repo, "rev-parse", "HEAD", env=env)
    first = git(repo, "rev-list", "--max-parents=0", "HEAD", env=env)
    assert manifest["format"] == "katabench.submission/1" and manifest["kata"] == "fees"
    assert manifest["branch"] == "main" and manifest["head"] == head and manifest["base"] == first
    assert manifest["created"].endswith("Z") and manifest["katabench_version"]
    assert check["schema"] == "katabench.check/1" and check["light"] == "green"  # the committed code, not the text

    (tmp_path / "empty").mkdir()
    git(tmp_path / "empty", "init", "-q", env=env)  # a full-history bundle verifies in any repository
    git(tmp_path / "empty", "bundle", "verify", "-q", str(tmp_path / "repo.bundle"), env=env)
    git(tmp_path, "clone", "-q", str(tmp_path / "repo.bundle"), str(tmp_path / "clone"), env=env)
    assert git(tmp_path / "clone", "rev-parse", "HEAD", env=env) == head
    assert git(tmp_path / "clone", "log", "--format=%s", env=env).splitlines() == [
        "list the kinds",
        "name the unknown-kind case",
        "start the fees kata",
    ]

    again = kata("submit", "fees", "--no-mutation", "--output", str(out_dir), "--json", cwd=repo, env=env)
    second = Path(json.loads(again.stdout)["file"])
    assert second.name == f"fees-{date.today().isoformat()}-2.kata.zip"
    assert path.read_bytes() != b"" and path.exists()  # the first one is never replaced


def test_the_check_in_the_submission_is_the_same_as_kata_check_at_head(
    tmp_path: Path, repo: Path, env: dict[str, str]
) -> None:
    done = kata("submit", "fees", "--no-mutation", "--output", str(tmp_path), "--json", cwd=repo, env=env)
    with zipfile.ZipFile(json.loads(done.stdout)["file"]) as archive:
        packed = json.loads(archive.read("check.json"))
    direct = json.loads(kata("check", "fees", "--no-mutation", "--json", "--no-history", cwd=repo, env=env).stdout)
    strip = {"started", "duration"}
    summary = [(r["name"], r["status"], r["measured"]) for r in direct["results"]]
    assert [(r["name"], r["status"], r["measured"]) for r in packed["results"]] == summary
    assert {k: v for k, v in packed.items() if k not in strip | {"results"}} == {
        k: v for k, v in direct.items() if k not in strip | {"results"}
    }


def test_kata_review_accepts_the_submission_file(tmp_path: Path, repo: Path, env: dict[str, str]) -> None:
    done = kata("submit", "fees", "--no-mutation", "--output", str(tmp_path), "--json", cwd=repo, env=env)
    submitted = json.loads(done.stdout)
    review = kata("review", submitted["file"], "--format", "json", "--metrics-only", cwd=repo, env=env)
    assert review.returncode in (0, 1), review.stderr
    reviewed = json.loads(review.stdout)
    assert reviewed["schema"] == "katabench.review/1" and reviewed["kata"] == "fees"
    assert reviewed["head"] == submitted["manifest"]["head"] and reviewed["base"] == submitted["manifest"]["base"]
    assert reviewed["summary"]["commits"] == 2


def test_submit_on_a_detached_head_needs_a_branch(tmp_path: Path, repo: Path, env: dict[str, str]) -> None:
    git(repo, "switch", "-q", "--detach", "HEAD~1", env=env)
    before = state_of(repo, env)
    done = kata("submit", "fees", "--no-mutation", "--output", str(tmp_path), cwd=repo, env=env)
    assert done.returncode == 2 and "HEAD is detached" in done.stderr and "--branch" in done.stderr
    assert state_of(repo, env) == before
    done = kata("submit", "fees", "--no-mutation", "--branch", "main", "--output", str(tmp_path), cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "harness green" in done.stdout
    assert kata("submit", "fees", "--branch", "nope", cwd=repo, env=env).returncode == 2


def test_the_file_name_says_the_kata_and_the_date_and_never_replaces_a_file() -> None:
    taken = {"fees-2026-03-01.kata.zip", "fees-2026-03-01-2.kata.zip"}
    assert submission_name("fees", date(2026, 3, 1), taken.__contains__) == "fees-2026-03-01-3.kata.zip"
    assert submission_name("fees", date(2026, 3, 2), taken.__contains__) == "fees-2026-03-02.kata.zip"


@pytest.mark.slow
def test_a_full_submission_includes_mutation_testing(tmp_path: Path, repo: Path, env: dict[str, str]) -> None:
    done = kata("submit", "fees", "--output", str(tmp_path), "--json", cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(json.loads(done.stdout)["file"]) as archive:
        check = json.loads(archive.read("check.json"))
    mutation = next(r for r in check["results"] if r["name"] == "mutation")
    assert mutation["status"] in ("pass", "fail") and mutation["measured"] is not None
