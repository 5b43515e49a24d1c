"""Read a git history without touching it: plumbing only, one `git cat-file --batch` for blobs.

A review must never change the student's repository: no checkout, no stash,
no new refs, no index writes. Only read-only plumbing runs here (`rev-parse`,
`rev-list`, `log`, `ls-tree`, `cat-file`, `archive`, `merge-base`), with
`GIT_OPTIONAL_LOCKS=0` so that nothing refreshes the index behind our back.
Every failure becomes a `FatalError` carrying git's own message.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from katabench.errors import FatalError

ZERO = "0" * 40
_MARK = "\x1ekatabench-commit\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    author: str
    date: str  # ISO 8601, the author date
    subject: str

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class FileChange:
    """One file changed by a commit against its first parent (`--no-renames`)."""

    path: str
    old_blob: str  # ZERO when added
    new_blob: str  # ZERO when deleted
    added: int | None  # None for a binary file
    removed: int | None

    @property
    def binary(self) -> bool:
        return self.added is None


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in ("GIT_EXEC_PATH",)}
    # Never refresh or lock the index, never ask for credentials, never page.
    env.update({"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"})
    return env


def unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual paths ("a\\tb", octal escapes for UTF-8 bytes)."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    body = path[1:-1]
    out = bytearray()
    simple = {
        "n": b"\n",
        "t": b"\t",
        '"': b'"',
        "\\": b"\\",
        "a": b"\a",
        "b": b"\b",
        "f": b"\f",
        "r": b"\r",
        "v": b"\v",
    }
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            nxt = body[index + 1]
            if nxt in simple:
                out += simple[nxt]
                index += 2
                continue
            if nxt.isdigit():
                out.append(int(body[index + 1 : index + 4], 8))
                index += 4
                continue
        out += char.encode("utf-8")
        index += 1
    return out.decode("utf-8", errors="replace")


class Repository:
    """A git repository read through plumbing; `close()` (or `with`) ends the blob reader."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._batch: subprocess.Popen[bytes] | None = None
        # One request and its answer at a time: `kata review --run-tests --jobs N` reads from several threads.
        self._batch_lock = threading.Lock()
        self._resolved: dict[str, str] = {}
        top = self.git("rev-parse", "--show-toplevel", "--git-dir", check_repo=True).splitlines()
        self.top = Path(top[0]) if top and top[0] else path
        self.git_dir = (path / top[1]).resolve() if len(top) > 1 else self.top / ".git"
        self.path = self.top

    # -- running git ----------------------------------------------------------

    def git(self, *args: str, check_repo: bool = False, input: bytes | None = None) -> str:
        return self.git_bytes(*args, check_repo=check_repo, input=input).decode("utf-8", errors="replace")

    def git_bytes(self, *args: str, check_repo: bool = False, input: bytes | None = None) -> bytes:
        command = ["git", "-c", "core.quotePath=false", *args]
        try:
            done = subprocess.run(
                command, cwd=self.path, env=_env(), capture_output=True, input=input, timeout=120, check=False
            )
        except FileNotFoundError:
            raise FatalError("git is not installed (or not on PATH); kata review reads histories with git") from None
        except subprocess.TimeoutExpired:
            raise FatalError(f"git {args[0]} took more than 120 s in {self.path}") from None
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
            text = message[-1] if message else f"exit code {done.returncode}"
            if check_repo:
                raise FatalError(f"{self.path} is not a git repository ({text})")
            raise FatalError(f"git {' '.join(args[:2])} failed in {self.path}: {text}")
        return done.stdout

    # -- revisions ------------------------------------------------------------

    def resolve(self, rev: str) -> str:
        """The commit a revision names, or a FatalError naming the revision (asked of git once per review)."""
        if rev not in self._resolved:
            try:
                sha = self.git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").strip()
            except FatalError:
                raise FatalError(f"{rev!r} is not a commit of {self.path}") from None
            self._resolved[rev] = sha
        return self._resolved[rev]

    def try_resolve(self, rev: str) -> str | None:
        try:
            return self.resolve(rev)
        except FatalError:
            return None

    def upstream_merge_base(self, head: str) -> str | None:
        """The merge-base of head with the upstream of the checked-out branch, if there is one."""
        upstream = self.try_resolve("@{upstream}")
        if upstream is None:
            return None
        try:
            base = self.git("merge-base", head, upstream).strip()
        except FatalError:
            return None
        return base if base and base != head else None

    def first_commit_with(self, head: str, path: str) -> str | None:
        """The oldest commit in head's history that added `path` (the commit that introduced the kata)."""
        out = self.git("rev-list", "--reverse", "--topo-order", head, "--", path).split()
        for sha in out:
            if self.has_path(sha, path):
                return sha
        return None

    def has_path(self, commit: str, path: str) -> bool:
        """Whether the commit holds the file or folder (asked of the blob reader: no git process each time)."""
        path = path.rstrip("/")
        if path and not any(c in path for c in "\n\r\0"):
            return self._read_object(f"{commit}:{path}") is not None
        return bool(self.git("ls-tree", commit, "--", path).strip())

    def root_commits(self, head: str) -> list[str]:
        return self.git("rev-list", "--max-parents=0", head).split()

    def is_ancestor(self, ancestor: str, head: str) -> bool:
        done = subprocess.run(
            ["git", "merge-base", "--is-ancestor", ancestor, head],
            cwd=self.path,
            env=_env(),
            capture_output=True,
            check=False,
        )
        return done.returncode == 0

    def commits(self, base: str | None, head: str) -> list[Commit]:
        """The commits after `base` up to `head`, oldest first (parents before children)."""
        rng = [head] if base is None else [f"{base}..{head}"]
        out = self.git("log", "--topo-order", "--reverse", f"--format={_MARK}%H%x1f%P%x1f%an%x1f%aI%x1f%s", *rng)
        commits = []
        for record in out.split(_MARK)[1:]:
            sha, parents, author, date, subject = (record.rstrip("\n").split("\x1f") + [""] * 5)[:5]
            commits.append(Commit(sha, tuple(parents.split()), author, date, subject))
        return commits

    def changes(self, base: str | None, head: str, paths: Sequence[str]) -> dict[str, list[FileChange]]:
        """Per commit, the files under `paths` it changed against its first parent (one git process)."""
        rng = [head] if base is None else [f"{base}..{head}"]
        out = self.git(
            "log",
            "--raw",
            "--numstat",
            "--no-renames",
            "--no-abbrev",
            "--diff-merges=first-parent",
            "--root",
            f"--format={_MARK}%H",
            *rng,
            "--",
            *paths,
        )
        result: dict[str, list[FileChange]] = {}
        for record in out.split(_MARK)[1:]:
            lines = record.split("\n")
            sha = lines[0].strip()
            blobs: dict[str, tuple[str, str]] = {}
            counts: dict[str, tuple[int | None, int | None]] = {}
            for line in lines[1:]:
                if line.startswith(":"):
                    meta, _, path = line.partition("\t")
                    fields = meta.split()
                    blobs[unquote(path)] = (fields[2], fields[3])
                elif line.count("\t") >= 2:
                    added, removed, path = line.split("\t", 2)
                    counts[unquote(path)] = (
                        None if added == "-" else int(added),
                        None if removed == "-" else int(removed),
                    )
            result[sha] = [
                FileChange(path, old, new, *counts.get(path, (0, 0))) for path, (old, new) in sorted(blobs.items())
            ]
        return result

    def list_tree(self, commit: str, paths: Iterable[str]) -> dict[str, str]:
        """{path: blob sha} of every file under `paths` in the commit (submodules left out)."""
        out = self.git("ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
        files: dict[str, str] = {}
        for entry in out.split("\0"):
            if not entry:
                continue
            meta, _, path = entry.partition("\t")
            _mode, kind, sha = meta.split()
            if kind == "blob":
                files[path] = sha
        return files

    def tree_id(self, commit: str, path: str) -> str | None:
        """The tree object of a folder in a commit (a hash of everything under it)."""
        out = self.git("ls-tree", "--full-tree", commit, "--", path.rstrip("/")).strip()
        if not out:
            return None
        meta = out.partition("\t")[0].split()
        return meta[2] if len(meta) == 3 and meta[1] == "tree" else None

    # -- blobs ----------------------------------------------------------------

    def read_blob(self, sha: str) -> bytes | None:
        """A blob's bytes through the one `git cat-file --batch` process (None when missing)."""
        return self._read_object(sha)

    def _read_object(self, name: str) -> bytes | None:
        """An object's content (`<sha>`, or `<commit>:<path>`) from `git cat-file --batch`; None when missing."""
        with self._batch_lock:
            return self._ask_batch(name)

    def _ask_batch(self, name: str) -> bytes | None:
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.path,
                env=_env(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(name.encode() + b"\n")
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode(errors="replace").split()
        if len(header) != 3 or not header[2].isdigit():  # "<name> missing" (a name may hold spaces)
            return None
        size = int(header[2])
        data = self._batch.stdout.read(size)
        self._batch.stdout.read(1)  # the newline after the content
        return data

    def read_text(self, commit: str, path: str) -> str | None:
        """A file's text at a commit (`<commit>:<path>`), or None when it is not there."""
        data = self.read_blob(f"{commit}:{path}")
        return None if data is None else data.decode("utf-8", errors="replace")

    def extract(self, commit: str, paths: Sequence[str], destination: Path) -> None:
        """Write the files under `paths` at `commit` into `destination` (git archive, no checkout)."""
        present = [p for p in paths if self.has_path(commit, p)]
        if not present:
            return
        data = self.git_bytes("archive", "--format=tar", commit, "--", *present)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(destination, filter="data")

    def ancestor_files(self, commit: str, folder: str, names: Sequence[str]) -> list[str]:
        """`conftest.py` / `__init__.py` in the folders between the root and `folder`, at the commit."""
        found = []
        for parent in reversed(PurePosixPath(folder).parents):
            if str(parent) == ".":
                continue
            for name in names:
                if self.has_path(commit, f"{parent}/{name}"):
                    found.append(f"{parent}/{name}")
        return found

    def close(self) -> None:
        if self._batch is not None:
            assert self._batch.stdin is not None
            self._batch.stdin.close()
            self._batch.wait(timeout=10)
            if self._batch.stdout is not None:
                self._batch.stdout.close()
            self._batch = None

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
