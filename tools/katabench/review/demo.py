"""`kata demo-history`: a git repository whose commits replay a kata's reference path.

The first commit holds the kata as a student gets it (its spec and brief, the
legacy code, the approval harness, the repository's pyproject.toml, so that
`kata check` works inside it); each next commit replaces the legacy code by
one step of the reference path, with the step's name as the subject and its
NOTES.md as the body. Dates and author are fixed, so the same kata always
gives the same commit hashes. It is both a demo for `kata review` and a
labelled history: each commit names the refactoring it applies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

from katabench.errors import FatalError
from katabench.spec import Kata

AUTHOR = ("katabench demo", "demo@katabench.invalid")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.received.*", ".approval_tests_temp", ".pytest_cache")


@dataclass(frozen=True)
class DemoCommit:
    sha: str
    step: str | None  # the reference step's folder name; None for the first commit
    subject: str


def step_label(folder: str) -> str:
    """`03-extract-function` -> `extract-function` (the refactoring the step names)."""
    number, _, name = folder.partition("-")
    return name if number.isdigit() else folder


def _git(dest: Path, *args: str, when: datetime | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    if when is not None:
        stamp = when.isoformat()
        env.update(
            GIT_AUTHOR_NAME=AUTHOR[0],
            GIT_AUTHOR_EMAIL=AUTHOR[1],
            GIT_COMMITTER_NAME=AUTHOR[0],
            GIT_COMMITTER_EMAIL=AUTHOR[1],
            GIT_AUTHOR_DATE=stamp,
            GIT_COMMITTER_DATE=stamp,
        )
    done = subprocess.run(["git", *args], cwd=dest, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise FatalError(f"git {args[0]} failed in {dest}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip()


def _copy(source: Path, dest: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, dest, ignore=IGNORE, dirs_exist_ok=True)
    elif source.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest)


def _ancestors(root: Path, folder: PurePosixPath, names: tuple[str, ...]) -> list[PurePosixPath]:
    found = []
    for parent in reversed(folder.parents):
        if str(parent) == ".":
            continue
        found += [parent / n for n in names if (root / parent / n).is_file()]
    return found


def _message(kata: Kata, step: Path) -> tuple[str, str]:
    number, _, name = step.name.partition("-")
    subject = f"Step {number}: {name.replace('-', ' ')}"
    notes = step / "NOTES.md"
    body = notes.read_text(encoding="utf-8").strip() if notes.is_file() else ""
    return subject, body


def build_demo(kata: Kata, dest: Path) -> list[DemoCommit]:
    """Create `dest` (absent or empty) as a repository replaying the kata's reference path."""
    steps = kata.steps()
    if not steps:
        raise FatalError(f"kata {kata.name} has no reference path (katas/{kata.name}/path/NN-<step>/)")
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise FatalError(f"{dest} exists and is not empty: choose a new folder for the demo repository")
    dest.mkdir(parents=True, exist_ok=True)
    root = kata.root
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "config", "core.autocrlf", "false")
    for relative in (
        PurePosixPath("katas") / kata.name,
        kata.legacy,
        kata.harness,
        *_ancestors(root, kata.harness, ("__init__.py", "conftest.py")),
        *_ancestors(root, kata.legacy, ("__init__.py",)),
        PurePosixPath("pyproject.toml"),
        PurePosixPath(".gitignore"),
    ):
        _copy(root / relative, dest / relative)
    (dest / "README.md").write_text(
        f"# {kata.title}\n\nA demo history made by `kata demo-history {kata.name}`: the first commit is the "
        f"kata as a student gets it, each next commit one step of its reference path.\n\n"
        f"    kata review . --format html --output review.html\n",
        encoding="utf-8",
    )
    commits: list[DemoCommit] = []
    when = START
    subject = f"Start the {kata.name} kata: the legacy code and its approval harness"
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", subject, when=when)
    commits.append(DemoCommit(_git(dest, "rev-parse", "HEAD"), None, subject))
    legacy = dest / kata.legacy
    for step in steps:
        when += timedelta(minutes=12)
        shutil.rmtree(legacy)
        shutil.copytree(step, legacy, ignore=shutil.ignore_patterns("NOTES.md", "__pycache__", "*.pyc"))
        subject, body = _message(kata, step)
        _git(dest, "add", "-A")
        _git(dest, "commit", "-q", "--allow-empty", "-m", subject, *(["-m", body] if body else []), when=when)
        commits.append(DemoCommit(_git(dest, "rev-parse", "HEAD"), step.name, subject))
    return commits
