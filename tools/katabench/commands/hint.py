"""`kata hint NAME`: the next milestone and its hint (all of them with --all)."""

from __future__ import annotations

import argparse

from katabench import report
from katabench.check import Selection, milestone_states, run_check
from katabench.repo import find_root, get_kata, state_dir


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    kata = get_kata(root, args.name)
    if not kata.milestones:
        report.console().print(f"{kata.name} has no milestones.")
        return 0
    # A fast check (no mutation testing) decides which milestone is next.
    checked = run_check(kata, root, state_dir(root), Selection(skip=frozenset({"mutation"})))
    report.render_hints(milestone_states(kata, checked.results), args.all, report.console())
    return 0
