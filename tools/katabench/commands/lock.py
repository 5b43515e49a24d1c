"""`kata lock NAME`: record the harness's hashes (for kata authors)."""

from __future__ import annotations

import argparse

from katabench import report
from katabench.errors import FatalError
from katabench.repo import find_root, get_kata
from katabench.workspace import write_lock


def run(args: argparse.Namespace) -> int:
    kata = get_kata(find_root(args.root), args.name)
    if not (kata.root / kata.harness).is_dir():
        raise FatalError(f"{kata.harness} does not exist: nothing to lock")
    files = write_lock(kata.root, kata)
    out = report.console()
    out.print(f"locked {len(files)} harness file(s) of {kata.name} in {kata.lock_path.relative_to(kata.root)}")
    return 0
