"""The README's practice walk-throughs work as written: each block runs verbatim in bash.

A block is the ```sh fence right after a `<!-- practice: NAME -->` line of
README.md; the test runs it with the `kata` of this virtualenv on PATH and
then checks what a new user would see.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, copy_repo
from practice_helpers import git, isolated_env


def block(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- practice: {name} -->\n```sh\n(.*?)\n```", readme, re.S)
    assert found, f"README.md has no practice block {name!r}"
    return found.group(1)


def run_block(name: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", block(name)], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def environment(tmp: Path) -> dict[str, str]:
    path = str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]
    return isolated_env(tmp, PATH=path)


def test_the_readme_tcr_session_restores_a_red_step_and_commits_it_fixed(tmp_path: Path) -> None:
    env = environment(tmp_path)
    repo = copy_repo(ROOT, tmp_path / "katabench")
    (repo / ".gitignore").write_text(".katabench/\n__pycache__/\n", encoding="utf-8")
    git(repo, "init", "-q", env=env)
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-qm", "my clone of katabench", env=env)
    start = git(repo, "rev-parse", "HEAD", env=env)

    done = run_block("tcr", repo, env)
    out = done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    assert "reverted" in out and "You predicted green: wrong, it was red" in out
    assert "tcr attempt (red)" in out and "restored refs/katabench/tcr/" in out
    assert "green: committed" in out and "time in red" in out
    fines = (repo / "legacy/library_fines/fines.py").read_text()
    assert "min(days_late * 25, BOOK_FINE_CAP)" in fines and fines.endswith("BOOK_FINE_CAP = 800\n")
    assert git(repo, "branch", "--show-current", env=env) == "my-library-fines"
    assert git(repo, "rev-parse", "HEAD^", env=env) == start
    message = git(repo, "log", "-1", "--format=%B", env=env)
    assert message.startswith("extract the book fine cap") and "Driver: Student" in message
    assert git(repo, "status", "--porcelain", "--", "legacy", "characterization", "katas", env=env) == ""


def test_the_readme_mob_rotates_three_clones_and_credits_everyone(tmp_path: Path) -> None:
    env = environment(tmp_path)
    done = run_block("mob", tmp_path, env)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert out.count("you drive now") == 3 and "joined the session: mob/main from origin" in out
    assert "merged mob/main into main (3 WIP commits kept)" in out
    for who in ("alice", "bob", "carol"):
        assert f"Co-authored-by: {who} <{who}@example.org>" in out
    remote = tmp_path / "mob-demo" / "team.git"
    assert git(remote, "branch", "--list", "mob/main", env=env) == ""
    assert git(remote, "show", "main:shout.py", env=env) == "def shout(text): return text.upper()"
