"""The git plumbing every practice command shares: the one place that runs `git`.

Every call is a subprocess with explicit arguments, a timeout and captured
output; a failing call becomes a `GitError` (a `FatalError`) carrying git's
own message. Snapshots of the working tree are commit objects built from a
temporary index, so the user's index, stash and branches are never touched
to save work.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from katabench.errors import FatalError

TIMEOUT = 120.0
ZERO = "0" * 40


class GitError(FatalError):
    """A git command failed; the message quotes git."""

    def __init__(self, args: Sequence[str], returncode: int | None, output: str) -> None:
        self.git_args = tuple(args)
        self.returncode = returncode
        self.output = output.strip()
        shown = self.output.splitlines()[-12:] if self.output else ["(no output)"]
        super().__init__(f"git {' '.join(args[:2])} failed: " + "\n  ".join(shown))


@dataclass(frozen=True)
class Change:
    """One line of `git status`: two status letters and a path."""

    code: str
    path: str


@dataclass(frozen=True)
class Git:
    """A work tree and the git commands run in it."""

    top: Path

    def run(
        self,
        *args: str,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
        check: bool = True,
        timeout: float = TIMEOUT,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {
            **os.environ,
            # Never wait for a password prompt; paths are paths, never globs.
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_LITERAL_PATHSPECS": "1",
            **(env or {}),
        }
        try:
            done = subprocess.run(
                ["git", *args],
                cwd=self.top,
                input=input,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=full_env,
                timeout=timeout,
                check=False,
                stdin=None if input is not None else subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise GitError(args, None, f"no answer within {timeout:.0f} s") from None
        except FileNotFoundError:
            raise FatalError("git is not installed (or not on PATH); katabench's practice commands need it") from None
        if check and done.returncode != 0:
            raise GitError(args, done.returncode, done.stderr or done.stdout)
        return done

    def run_bytes(self, *args: str, input: bytes | None = None) -> bytes:
        """For patches and archives: bytes in, bytes out, no decoding on the way."""
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1"}
        try:
            done = subprocess.run(
                ["git", *args], cwd=self.top, input=input, capture_output=True, env=env, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise GitError(args, None, f"no answer within {TIMEOUT:.0f} s") from None
        if done.returncode != 0:
            raise GitError(args, done.returncode, done.stderr.decode("utf-8", errors="replace"))
        return done.stdout

    def out(self, *args: str, input: str | None = None, env: Mapping[str, str] | None = None) -> str:
        """The command's standard output, without the final newline."""
        return self.run(*args, input=input, env=env).stdout.rstrip("\n")

    def ok(self, *args: str) -> bool:
        """Whether the command succeeds (for yes/no questions git answers with its exit code)."""
        return self.run(*args, check=False).returncode == 0

    # -- where we are ---------------------------------------------------------

    def git_path(self, name: str) -> Path:
        path = Path(self.out("rev-parse", "--git-path", name))
        return path if path.is_absolute() else self.top / path

    def head(self) -> str | None:
        """HEAD's commit, or None on an unborn branch."""
        return self.rev("HEAD")

    def branch(self) -> str | None:
        """The current branch's short name, or None when HEAD is detached."""
        done = self.run("symbolic-ref", "-q", "--short", "HEAD", check=False)
        return done.stdout.strip() or None if done.returncode == 0 else None

    def require_branch(self, why: str) -> str:
        """The current branch; a clear error when HEAD is detached or has no commit yet."""
        name = self.branch()
        if name is None:
            at = self.head()
            raise FatalError(
                f"HEAD is detached (at {at[:10] if at else 'nothing'}): {why}. Nothing was changed. "
                "Switch to a branch first, e.g. `git switch -c my-kata`."
            )
        if self.head() is None:
            raise FatalError(f"branch {name} has no commit yet: {why}. Commit your work first.")
        return name

    def operation_in_progress(self) -> str | None:
        """A merge, rebase, cherry-pick or revert that git is in the middle of, if any."""
        for marker, what in (
            ("MERGE_HEAD", "a merge"),
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase or am"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
            ("REVERT_HEAD", "a revert"),
        ):
            if self.git_path(marker).exists():
                return what
        return None

    def require_no_operation(self) -> None:
        what = self.operation_in_progress()
        if what:
            raise FatalError(f"git is in the middle of {what}; finish or abort it first. Nothing was changed.")

    def rev(self, ref: str) -> str | None:
        """The commit a ref names, or None when it does not exist."""
        done = self.run("rev-parse", "-q", "--verify", f"{ref}^{{commit}}", check=False)
        return done.stdout.strip() or None if done.returncode == 0 else None

    def is_ancestor(self, older: str, newer: str) -> bool:
        return self.ok("merge-base", "--is-ancestor", older, newer)

    def changes(self, *paths: str) -> list[Change]:
        """Uncommitted changes (staged, unstaged, untracked but not ignored), optionally under `paths`."""
        raw = self.out("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths)
        entries = raw.split("\0")
        found: list[Change] = []
        index = 0
        while index < len(entries):
            entry = entries[index]
            index += 1
            if len(entry) < 4:
                continue
            code, path = entry[:2], entry[3:]
            if "R" in code or "C" in code:
                index += 1  # the rename's source path follows
            found.append(Change(code, path))
        return found

    def remotes(self) -> list[str]:
        return self.out("remote").split()

    def refs(self, prefix: str) -> dict[str, str]:
        """{ref name: object} of every ref under `prefix`."""
        lines = self.out("for-each-ref", "--format=%(refname) %(objectname)", prefix).splitlines()
        return dict(line.split(" ", 1) for line in lines if line)

    def trailers(self, commit: str) -> list[tuple[str, str]]:
        """The trailers (`Key: value` lines at the end of the message) of a commit."""
        text = self.out("log", "-1", "--format=%(trailers:only,unfold)", commit)
        pairs = []
        for line in text.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                pairs.append((key.strip(), value.strip()))
        return pairs

    def trailer(self, commit: str, key: str) -> str | None:
        values = [v for k, v in self.trailers(commit) if k.lower() == key.lower()]
        return values[-1] if values else None

    # -- objects ----------------------------------------------------------------

    def tree_with_worktree(self, paths: Sequence[str], base: str | None) -> str:
        """The tree of `base` with `paths` as they are in the work tree (untracked files included).

        Built in a temporary index: the user's index is not touched.
        """
        with tempfile.TemporaryDirectory(prefix="katabench-index-") as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            if base:
                self.run("read-tree", base, env=env)
            else:
                self.run("read-tree", "--empty", env=env)
            self.run("add", "-A", "--", *(paths or ["."]), env=env)
            return self.out("write-tree", env=env)

    def commit_tree(self, tree: str, parents: Sequence[str], message: str) -> str:
        args = ["commit-tree", tree]
        for parent in parents:
            args += ["-p", parent]
        return self.out(*args, "-F", "-", input=message)

    def snapshot(self, paths: Sequence[str], message: str) -> str:
        """A commit object holding HEAD with `paths` as they are in the work tree (parent: HEAD)."""
        head = self.head()
        tree = self.tree_with_worktree(paths, head)
        return self.commit_tree(tree, [head] if head else [], message)

    def update_ref(self, ref: str, new: str, old: str | None, reason: str) -> None:
        """Point `ref` at `new` only if it still points at `old` (None: only if it does not exist)."""
        self.run("update-ref", "-m", reason, ref, new, old or ZERO)

    def delete_ref(self, ref: str, old: str, reason: str) -> None:
        self.run("update-ref", "-m", reason, "-d", ref, old)

    def numstat(self, old: str, new: str, paths: Sequence[str] = ()) -> tuple[int, tuple[str, ...]]:
        """(lines added + removed, files changed) between two trees or commits."""
        text = self.out("diff-tree", "-r", "--numstat", old, new, "--", *paths)
        lines, files = 0, []
        for row in text.splitlines():
            added, removed, path = row.split("\t", 2)
            lines += (int(added) if added.isdigit() else 0) + (int(removed) if removed.isdigit() else 0)
            files.append(path)
        return lines, tuple(files)

    def tree_of(self, commit: str) -> str:
        return self.out("rev-parse", f"{commit}^{{tree}}")

    def has_path(self, commit: str, path: str) -> bool:
        return bool(self.out("ls-tree", "--name-only", commit, "--", path))


def open_repo(start: Path) -> Git:
    """The git work tree holding `start`; a clear error outside one."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            check=False,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise FatalError("git is not installed (or not on PATH); katabench's practice commands need it") from None
    except NotADirectoryError:
        raise FatalError(f"{start} is not a folder") from None
    if done.returncode != 0 or not done.stdout.strip():
        raise FatalError(
            f"{start} is not inside a git work tree: the practice commands keep your steps in git. "
            "Run `git init` and commit the kata first."
        )
    return Git(Path(done.stdout.strip()))
