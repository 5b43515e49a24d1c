"""`kata list`: the katas in this repository."""

from __future__ import annotations

import argparse

from katabench import report
from katabench.repo import find_root, kata_names
from katabench.spec import load_kata


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    katas = [load_kata(root, name) for name in kata_names(root)]
    if args.json:
        report.print_json(
            [
                {
                    "name": k.name,
                    "title": k.title,
                    "summary": k.summary,
                    "kind": k.kind,
                    "curriculum": list(k.curriculum),
                    "difficulty": k.difficulty,
                    "steps": len(k.steps()),
                }
                for k in katas
            ]
        )
    else:
        report.render_kata_list(katas, report.console())
    return 0
