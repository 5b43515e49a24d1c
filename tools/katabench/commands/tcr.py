"""`kata tcr NAME`: test && commit || revert on the kata's harness (docs/practice.md)."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
from pathlib import Path

from katabench import history, report
from katabench.commands.watch import Screen, watched
from katabench.errors import FatalError
from katabench.practice import view
from katabench.practice.config import load_config
from katabench.practice.gitops import Git, open_repo
from katabench.practice.mob import load_session, whoami
from katabench.practice.tcr import (
    TcrOutcome,
    code_path,
    code_tree,
    list_attempts,
    restore_attempt,
    tcr_commit_sizes,
    tcr_stats,
    tcr_step,
)
from katabench.practice.watch import watch_loop
from katabench.repo import find_root, get_kata, state_dir
from katabench.spec import Kata


def driver_of(git: Git, explicit: str | None) -> str:
    """Who is at the keyboard: --driver, else the mob session's driver on its WIP branch, else git's user.name."""
    if explicit:
        return explicit
    session = load_session(git)
    if session is not None and git.branch() == session.wip:
        return session.driver
    return whoami(git, load_config(git.top, os.environ))


def outcome_json(outcome: TcrOutcome) -> dict[str, object]:
    return {
        "action": outcome.action,
        "light": outcome.light,
        "branch": outcome.branch,
        "lines": outcome.lines,
        "files": list(outcome.files),
        "commit": outcome.commit,
        "attempt": outcome.attempt,
        "check": outcome.report.to_json(),
    }


def _restore(args: argparse.Namespace, kata: Kata, git: Git) -> int:
    out = report.console()
    if not args.restore:
        attempts = list_attempts(git, kata.name)
        if args.json:
            report.print_json([dataclasses.asdict(a) for a in attempts])
        else:
            out.print(view.attempts_table(attempts))
            if attempts:
                out.print(f"Restore one: kata tcr {kata.name} --restore latest   (or a number from the list)")
        return 0
    outcome = restore_attempt(kata, git, args.restore, driver=driver_of(git, args.driver))
    if args.json:
        report.print_json({"restored": outcome.attempt.ref, "saved": outcome.saved, "files": list(outcome.files)})
    else:
        out.print(view.restored(outcome))
    return 0


def _stats(args: argparse.Namespace, kata: Kata, git: Git, root: Path) -> int:
    runs = history.runs(state_dir(root), kata.name, limit=100_000)
    stats = tcr_stats(runs, tcr_commit_sizes(git, kata.name), list_attempts(git, kata.name))
    if args.json:
        report.print_json(dataclasses.asdict(stats))
    else:
        report.console().print(view.tcr_stats(kata.name, stats, runs))
    return 0


def _watch(args: argparse.Namespace, kata: Kata, git: Git, root: Path) -> int:
    if args.predict:
        raise FatalError("--predict is for a single run: predict, then run `kata tcr NAME --predict COLOUR`")
    paths, shown = watched(kata, root)
    code = code_path(kata, git)
    state = state_dir(root)
    driver = driver_of(git, args.driver)
    last_tree: list[str] = []
    outcomes: list[TcrOutcome] = []
    with Screen(shown, json_lines=args.json) as screen:

        def step(number: int, changed: frozenset[str]) -> bool:
            # TCR's own revert (and a save that changed nothing) is not a new step.
            if last_tree and code_tree(git, code) == last_tree[-1]:
                return False
            screen.progress(f"run {number}: test && commit || revert")
            outcome = tcr_step(kata, git, state, driver=driver, message=args.message, progress=screen.progress)
            last_tree.append(code_tree(git, code))
            outcomes.append(outcome)
            tcr = {"tcr": {k: v for k, v in outcome_json(outcome).items() if k != "check"}}
            screen.show(outcome.report, number, outcome.lines, view.tcr_outcome(outcome), tcr)
            return True

        with contextlib.suppress(KeyboardInterrupt):
            watch_loop(paths, step, idle=screen.idle, max_runs=args.runs)
    return 0 if outcomes and outcomes[-1].light == "green" else 1


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if args.runs and not args.watch:
        raise FatalError("--runs counts the runs of --watch; add --watch")
    kata = get_kata(root, args.name)
    git = open_repo(root)
    if args.restore is not None:
        return _restore(args, kata, git)
    if args.stats:
        return _stats(args, kata, git, root)
    if args.watch:
        return _watch(args, kata, git, root)
    from katabench.commands.check import progress_display

    with progress_display(not args.json) as progress:
        outcome = tcr_step(
            kata,
            git,
            state_dir(root),
            driver=driver_of(git, args.driver),
            message=args.message,
            predicted=args.predict,
            progress=progress,
        )
    if args.json:
        report.print_json(outcome_json(outcome))
    else:
        out = report.console()
        out.print(view.run_line(outcome.report, 1, outcome.lines))
        out.print(view.tcr_outcome(outcome))
        approvals = outcome.report.result("approvals")
        if outcome.light != "green" and approvals is not None:
            # TCR's verdict is the harness: show why it is not green, not the design gates.
            out.print(report.offenders(dataclasses.replace(outcome.report, results=(approvals,))))
        if args.predict:
            out.print(view.prediction(args.predict, outcome.light))
    return 0 if outcome.light == "green" else 1
