"""`kata submit NAME`: pack the kata branch for the instructor (docs/submission-format.md)."""

from __future__ import annotations

import argparse

from rich.text import Text

from katabench import report
from katabench.check import Selection
from katabench.commands.check import progress_display
from katabench.model import Status
from katabench.practice.gitops import open_repo
from katabench.practice.submit import submit
from katabench.repo import find_root, get_kata, state_dir


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    kata = get_kata(root, args.name)
    git = open_repo(root)
    selection = Selection(skip=frozenset({"mutation"})) if args.no_mutation else Selection()
    with progress_display(not args.json) as progress:
        result = submit(
            kata, git, state_dir(root), args.output, branch=args.branch, selection=selection, progress=progress
        )
    if args.json:
        data = {"file": str(result.path), "manifest": result.manifest, "uncommitted": list(result.uncommitted)}
        report.print_json(data)
        return 0
    out = report.console()
    checked = result.report
    passing = sum(1 for r in checked.results if r.status is Status.PASS)
    ran = sum(1 for r in checked.results if r.status is not Status.SKIPPED)
    out.print(Text(f"wrote {result.path}", style="bold green"))
    out.print(
        f"branch {result.manifest['branch']} at {str(result.manifest['head'])[:10]}; "
        f"harness {checked.light}; {passing}/{ran} gates and rules pass at that commit"
    )
    if result.uncommitted:
        out.print(
            Text(
                f"note: {len(result.uncommitted)} uncommitted change(s) in {kata.legacy} are not in the submission "
                "(only commits are); commit them and submit again to include them",
                style="yellow",
            )
        )
    out.print(Text("Send this file to your instructor; they open it with: kata review <file>", style="dim"))
    return 0
