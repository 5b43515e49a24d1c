"""`kata progress NAME`: the traffic lights and metric trends from the local history."""

from __future__ import annotations

import argparse
import dataclasses

from katabench import history, report
from katabench.repo import find_root, get_kata, state_dir


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    kata = get_kata(root, args.name)
    runs = history.runs(state_dir(root), kata.name, args.limit)
    if args.json:
        report.print_json([dataclasses.asdict(r) for r in runs])
    else:
        report.render_progress(kata.name, runs, report.console())
    return 0
