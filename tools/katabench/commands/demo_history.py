"""`kata demo-history NAME DIR`: a git repository whose commits replay the kata's reference path."""

from __future__ import annotations

import argparse
from pathlib import Path

from katabench.repo import find_root, get_kata
from katabench.review.demo import build_demo


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    kata = get_kata(root, args.name)
    commits = build_demo(kata, Path(args.dir))
    print(f"{args.dir}: {len(commits)} commits, the legacy code of {kata.name} and {len(commits) - 1} reference steps")
    for commit in commits:
        print(f"  {commit.sha[:8]}  {commit.subject}")
    print(f"next: kata review {args.dir} --format html --output review.html")
    return 0
