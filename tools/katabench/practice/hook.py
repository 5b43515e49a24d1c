"""The pre-commit hook's question: which katas does a commit touch?

The hook then runs only those katas' harnesses (the one gate that decides
"green"), so a commit outside every kata costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from katabench.check import Selection
from katabench.spec import Kata

# The harness decides; the design gates are the kata's destination, not a condition of each commit.
HOOK_SELECTION = Selection(only=frozenset({"approvals"}))


def katas_touched(katas: Sequence[Kata], files: Sequence[Path]) -> list[Kata]:
    """The katas whose code, harness or spec folder holds one of `files` (absolute paths)."""
    touched = []
    for kata in katas:
        folders = [(kata.root / p).resolve() for p in (kata.legacy, kata.harness)] + [kata.folder.resolve()]
        if any(f.is_relative_to(folder) for f in files for folder in folders):
            touched.append(kata)
    return touched
