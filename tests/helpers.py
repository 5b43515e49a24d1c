"""Helpers shared by the tests (importable as `helpers`: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIREPO = Path(__file__).parent / "fixtures" / "minirepo"
COPIED = ("katas", "legacy", "characterization", "pyproject.toml")
IGNORE = shutil.ignore_patterns("__pycache__", ".katabench", "mutants", ".approval_tests_temp", "*.received.*")


def copy_repo(source: Path, destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, destination / name, ignore=IGNORE)
        elif path.exists():
            shutil.copy2(path, destination / name)
    return destination


def kata(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the real `kata` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "katabench.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"},
    )


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file's content under `folder`: to prove a command left it alone."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
