"""`kata pre-commit [FILES]`: the hook that blocks a commit which turns a kata's harness red.

pre-commit stashes what is not staged before it runs hooks, so the files on
disk are what the commit will hold. Without FILES every kata is checked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.text import Text

from katabench import history, report
from katabench.check import run_check
from katabench.practice.hook import HOOK_SELECTION, katas_touched
from katabench.repo import find_root, kata_names, state_dir
from katabench.spec import load_kata


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    out = report.console()
    katas = [load_kata(root, name) for name in kata_names(root)]  # a broken kata.toml blocks too (exit 2)
    files = [Path(f).resolve() for f in args.files]
    chosen = katas_touched(katas, files) if args.files else katas
    state = state_dir(root)
    blocked = []
    for kata in chosen:
        result = run_check(kata, root, state, HOOK_SELECTION)
        history.record(state, result, history.snapshot(root / kata.legacy), command="pre-commit")
        if result.light == "green":
            out.print(Text(f"{kata.name}: harness green", style="green"))
            continue
        blocked.append(kata.name)
        warning = f"{kata.name}: harness {result.light}: this commit would break the kata's behaviour"
        out.print(Text(warning, style="bold red"))
        out.print(report.offenders(result))
        approvals = result.result("approvals")
        if approvals is not None and approvals.details:
            out.print(Text(approvals.details[:3000]))
    if blocked:
        out.print(
            Text(
                f"commit blocked: the harness of {', '.join(blocked)} is not green. Fix the step (or undo it), "
                "then commit again. (git commit --no-verify skips hooks.)",
                style="red",
            )
        )
        return 1
    return 0
