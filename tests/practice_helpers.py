"""Real git repositories in temporary folders for the practice-loop tests (tests/test_practice_*.py).

Every repository here is real: a bare repository as the remote, clones as
the members of a mob, the real `kata` command in a subprocess. Git reads no
global or system configuration: each test gets its own (identity, default
branch), so the tests run the same on any machine.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from helpers import MINIREPO, copy_repo


def isolated_env(tmp: Path, **extra: str) -> dict[str, str]:
    """An environment whose git and katabench configuration live in `tmp` only."""
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    gitconfig = tmp / "gitconfig"
    if not gitconfig.exists():
        gitconfig.write_text(
            "[user]\n\tname = Student\n\temail = student@example.org\n"
            "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
            encoding="utf-8",
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "KATABENCH_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(tmp / "xdg"),
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        COLUMNS="200",
        NO_COLOR="1",
        TERM="dumb",
    )
    env.update(extra)
    return env


def git(cwd: Path, *args: str, env: dict[str, str], check: bool = True, input: str | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False, input=input, timeout=60
    )
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout.rstrip("\n")


def kata(*args: str, cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real `kata` command in a subprocess, with the test's environment."""
    done = subprocess.run(
        [sys.executable, "-m", "katabench.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@dataclass(frozen=True)
class RepoState:
    """Everything a student could lose: every file's content, every ref, where HEAD points.

    (`.katabench/`, katabench's own git-ignored history and caches, is not the student's work.)
    """

    files: dict[str, bytes]
    refs: dict[str, str]
    head: str

    def ref(self, name: str) -> str | None:
        return self.refs.get(name)


def state_of(repo: Path, env: dict[str, str]) -> RepoState:
    files = {
        p.relative_to(repo).as_posix(): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and not {".git", ".katabench", "__pycache__"} & set(p.relative_to(repo).parts)
    }
    listing = git(repo, "for-each-ref", "--format=%(refname) %(objectname)", env=env)
    refs = dict(line.split(" ", 1) for line in listing.splitlines() if line)
    symbolic = git(repo, "symbolic-ref", "-q", "HEAD", env=env, check=False)
    head = symbolic or git(repo, "rev-parse", "HEAD", env=env)
    return RepoState(files, refs, head)


def contains(repo: Path, commit: str, ref: str, env: dict[str, str]) -> bool:
    """Whether `commit` is reachable from `ref` (no commit lost)."""
    done = subprocess.run(["git", "merge-base", "--is-ancestor", commit, ref], cwd=repo, env=env, check=False)
    return done.returncode == 0


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# -- a mob: one bare remote, one clone per member ------------------------------------


def make_remote(tmp: Path, env: dict[str, str]) -> Path:
    """A bare repository holding one commit on main (a small project to mob on)."""
    seed = tmp / "seed"
    seed.mkdir()
    git(seed, "init", "-q", env=env)
    write(seed / "app.py", "def greet(name):\n    return 'hello ' + name\n")
    write(seed / "README.md", "# team project\n")
    git(seed, "add", "-A", env=env)
    git(seed, "commit", "-q", "-m", "project start", env=env)
    origin = tmp / "origin.git"
    git(tmp, "clone", "-q", "--bare", str(seed), str(origin), env=env)
    return origin


def member_clone(origin: Path, dest: Path, name: str, env: dict[str, str]) -> Path:
    git(dest.parent, "clone", "-q", str(origin), str(dest), env=env)
    git(dest, "config", "user.name", name, env=env)
    git(dest, "config", "user.email", f"{name}@example.org", env=env)
    return dest


def reject_pushes(origin: Path, message: str = "pushes are closed for maintenance") -> Path:
    """Install a pre-receive hook that rejects every push; returns the hook to delete later."""
    hook = origin / "hooks" / "pre-receive"
    hook.write_text(f"#!/bin/sh\necho '{message}' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    return hook


# -- a kata repository under git -------------------------------------------------------


def kata_repo(tmp: Path, env: dict[str, str]) -> Path:
    """A copy of the mini repository (kata `fees`) as a git repository with one commit."""
    repo = copy_repo(MINIREPO, tmp / "student")
    write(repo / ".gitignore", "__pycache__/\n.katabench/\n")
    git(repo, "init", "-q", env=env)
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-q", "-m", "start the fees kata", env=env)
    return repo


# -- stopping a command at a named step -------------------------------------------------


class Paused:
    """A `kata` command started with a pause at `step`: kill it there, or let it go on."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str], step: str, pause_dir: Path) -> None:
        pause_dir.mkdir(parents=True, exist_ok=True)
        self.marker = pause_dir / f"{step}.paused"
        self.resume_file = pause_dir / f"{step}.resume"
        full_env = {**env, "KATABENCH_TEST_PAUSE_AT": step, "KATABENCH_TEST_PAUSE_DIR": str(pause_dir)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "katabench.cli", *args],
            cwd=cwd,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_until_paused(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not self.marker.exists():
            if self.process.poll() is not None:
                out, err = self.process.communicate()
                raise AssertionError(f"the command ended before the pause: {out}\n{err}")
            if time.monotonic() > deadline:
                self.process.kill()
                raise AssertionError("the command never reached the pause")
            time.sleep(0.02)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process.communicate()

    def resume(self, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        self.resume_file.write_text("go", encoding="utf-8")
        out, err = self.process.communicate(timeout=timeout)
        return subprocess.CompletedProcess(self.process.args, self.process.returncode, out, err)
