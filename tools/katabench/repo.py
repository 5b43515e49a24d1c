"""Where the katabench repository is, and which katas it holds."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from katabench.errors import FatalError
from katabench.spec import Kata, load_kata


def find_root(start: Path | None = None) -> Path:
    """The repository root: KATABENCH_ROOT, or the nearest folder upward with a katas/ folder."""
    env = os.environ.get("KATABENCH_ROOT")
    if env:
        root = Path(env).resolve()
        if not (root / "katas").is_dir():
            raise FatalError(f"KATABENCH_ROOT={env} has no katas/ folder; point it at the katabench repository")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "katas").is_dir() and (folder / "pyproject.toml").is_file():
            return folder
    raise FatalError(
        f"not inside a katabench repository (no katas/ folder in {here} or above); "
        "run kata from the repository, or pass --root / set KATABENCH_ROOT"
    )


def kata_names(root: Path) -> list[str]:
    katas = root / "katas"
    return sorted(p.name for p in katas.iterdir() if (p / "kata.toml").is_file())


def state_dir(root: Path) -> Path:
    """`.katabench/` at the root: history, caches, mutation copies (git-ignored)."""
    path = root / ".katabench"
    path.mkdir(exist_ok=True)
    ignore = path / ".gitignore"
    if not ignore.exists():
        # Ignored even in a student's repository whose .gitignore lacks it.
        ignore.write_text("*\n", encoding="utf-8")
    return path


def get_kata(root: Path, name: str) -> Kata:
    names = kata_names(root)
    if name not in names:
        close = difflib.get_close_matches(name, names, n=1) or [n for n in names if name in n]
        suggestion = f" Did you mean {close[0]!r}?" if close else ""
        raise FatalError(f"unknown kata {name!r}.{suggestion} Known katas: {', '.join(names) or 'none'}")
    return load_kata(root, name)
