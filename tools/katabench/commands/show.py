"""`kata show NAME`: the kata's brief."""

from __future__ import annotations

import argparse
import sys

from katabench import report
from katabench.repo import find_root, get_kata


def run(args: argparse.Namespace) -> int:
    kata = get_kata(find_root(args.root), args.name)
    if args.raw or not sys.stdout.isatty():
        sys.stdout.write(kata.brief_path.read_text(encoding="utf-8") if kata.brief_path.exists() else kata.title)
    else:
        report.render_brief(kata, report.console())
    return 0
