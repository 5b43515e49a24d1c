"""Real git repositories for the review tests: a student's history built commit by commit."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from helpers import MINIREPO, copy_repo

AUTHOR = {
    "GIT_AUTHOR_NAME": "Student",
    "GIT_AUTHOR_EMAIL": "student@example.invalid",
    "GIT_COMMITTER_NAME": "Student",
    "GIT_COMMITTER_EMAIL": "student@example.invalid",
}

LEGACY = "legacy/fees/core.py"
GREEN_STEP = """def fee(kind, days):
    if kind == "book":
        return book_fee(days)
    elif kind == "dvd":
        return days * 3 + 1
    elif kind == "game":
        return days * 4
    else:
        return -1


def book_fee(days):
    if days > 10:
        return days * 2
    return days
"""
RED_STEP = GREEN_STEP.replace("days * 3 + 1", "days * 3 + 2")


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | AUTHOR
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def student_repo(tmp: Path, name: str = "student") -> Path:
    """A copy of the mini repository with the `fees` kata, committed once: the student's starting point."""
    repo = copy_repo(MINIREPO, tmp / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start the fees kata")
    return repo


def commit(repo: Path, message: str, files: dict[str, str | bytes | None]) -> str:
    """Write (or delete, with None) files and commit them; returns the commit hash."""
    for path, content in files.items():
        target = repo / path
        if content is None:
            target.unlink()
        elif isinstance(content, bytes):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def fingerprint(repo: Path) -> dict[str, str]:
    """Every file's bytes (the work tree and .git, index included) and every ref: what a review must not change."""
    state = {
        p.relative_to(repo).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(repo.rglob("*"))
        if p.is_file()
    }
    state["<refs>"] = git(repo, "for-each-ref", "--format=%(refname) %(objectname)")
    state["<HEAD>"] = (repo / ".git" / "HEAD").read_text()
    return state
