"""`kata list`: the katas in this repository."""

from __future__ import annotations

import argparse
import sys

from katabench import report
from katabench.errors import SpecError
from katabench.repo import find_root, kata_names
from katabench.spec import Kata, load_kata


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    katas: list[Kata] = []
    broken: list[str] = []
    for name in kata_names(root):
        try:
            katas.append(load_kata(root, name))
        except SpecError as error:
            broken.append(str(error))
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
    for message in broken:
        print(f"kata list: {message}", file=sys.stderr)
    return 2 if broken else 0
