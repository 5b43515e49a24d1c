"""Workspaces: folders with the repository's layout that hold code to judge.

A check never runs student code in the student's folders: it stages a copy of
the kata's code and harness in a temporary folder. The same staging judges a
reference step or a commit of a student's history.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from katabench.spec import Kata, Layout

IGNORED = ("__pycache__", "*.pyc", "*.received.*", ".approval_tests_temp", ".pytest_cache", "mutants", ".mypy_cache")


def _ancestor_files(root: Path, folder: PurePosixPath, names: tuple[str, ...]) -> list[PurePosixPath]:
    """conftest.py / __init__.py files in the folders between the root and `folder`."""
    found = []
    for parent in reversed(folder.parents):
        if str(parent) == ".":
            continue
        for name in names:
            if (root / parent / name).is_file():
                found.append(parent / name)
    return found


def stage(kata: Layout, source_root: Path, dest: Path, code: Path | None = None, harness: Path | None = None) -> None:
    """Copy the kata's code and harness into `dest`.

    From the workspace's folders, or from `code` (a version of the package, such as a
    reference step) and `harness` (a version of the harness, such as a pin kata's step).
    """
    ignore = shutil.ignore_patterns(*IGNORED, "NOTES.md")
    code_dir = code if code is not None else source_root / kata.legacy
    if code_dir.is_dir():
        shutil.copytree(code_dir, dest / kata.legacy, symlinks=True, ignore=ignore)
    harness_dir = harness if harness is not None else source_root / kata.harness
    if harness_dir.is_dir():
        shutil.copytree(harness_dir, dest / kata.harness, symlinks=True, ignore=ignore)
    for extra in [
        *_ancestor_files(source_root, kata.legacy, ("__init__.py",)),
        *_ancestor_files(source_root, kata.harness, ("__init__.py", "conftest.py")),
    ]:
        (dest / extra).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source_root / extra, dest / extra)
    # Pins pytest's rootdir and keeps the repository's own pytest settings out.
    (dest / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")


# -- the lock: the harness (or a pin kata's code) and the baseline --------------------


def _is_ignored(path: Path) -> bool:
    return any(part in ("__pycache__", ".approval_tests_temp", ".pytest_cache") for part in path.parts) or (
        ".received." in path.name or path.suffix == ".pyc"
    )


def _digests(root: Path, paths: list[Path]) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not _is_ignored(p)] if folder.is_dir() else []


def locked_files(workspace: Path, kata: Kata) -> dict[str, str]:
    """{path relative to the root: sha256} of every file the kata's lock covers.

    A refactoring kata locks its harness (the student changes the code); a pin
    kata locks its code (the student writes the harness). Both lock the
    baseline in `katas/<name>/baseline/`, which lives in the workbench itself.
    """
    if kata.kind == "pin":
        files = _digests(workspace, _files_under(workspace / kata.legacy))
    else:
        ancestors = [workspace / p for p in _ancestor_files(workspace, kata.harness, ("conftest.py",))]
        files = _digests(workspace, _files_under(workspace / kata.harness) + ancestors)
    return files | _digests(kata.root, _files_under(kata.folder / "baseline"))


def write_lock(root: Path, kata: Kata) -> dict[str, str]:
    files = locked_files(root, kata)
    # sha256sum's format: `sha256sum -c katas/<name>/harness.sha256` works from the root.
    text = "".join(f"{digest}  {path}\n" for path, digest in files.items())
    kata.lock_path.write_text(text, encoding="utf-8")
    return files


def read_lock(kata: Kata) -> dict[str, str] | None:
    if not kata.lock_path.is_file():
        return None
    files: dict[str, str] = {}
    for line in kata.lock_path.read_text(encoding="utf-8").splitlines():
        digest, _, path = line.partition("  ")
        if digest and path:
            files[path] = digest
    return files


@dataclass(frozen=True)
class LockChange:
    path: str
    change: str  # "changed", "missing", "added"


def lock_changes(workspace: Path, kata: Kata, locked: dict[str, str]) -> list[LockChange]:
    current = locked_files(workspace, kata)
    changes = [LockChange(p, "missing") for p in sorted(set(locked) - set(current))]
    changes += [LockChange(p, "added") for p in sorted(set(current) - set(locked))]
    changes += [LockChange(p, "changed") for p in sorted(set(locked) & set(current)) if locked[p] != current[p]]
    return sorted(changes, key=lambda c: c.path)
