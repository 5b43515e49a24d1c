"""`kata check NAME`: run the kata's gates and rules, show where the student stands."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from katabench.errors import FatalError
from katabench.repo import find_root, get_kata, state_dir
from katabench.spec import Kata, peek_layout

if TYPE_CHECKING:
    from katabench.check import CheckReport, Selection
    from katabench.prefetch import HarnessPrefetch

# The analysis libraries (LibCST, radon, rich) are imported only once the
# harness is running: see `start_harness_early`.


def selection_from(args: argparse.Namespace, kata: Kata) -> Selection:
    from katabench.check import Selection

    known = {g.name for g in kata.gates} | {r.id for r in kata.rules} | {"rules"}
    only = {n.strip() for n in (args.only or "").split(",") if n.strip()}
    skip = {n.strip() for n in (args.skip or "").split(",") if n.strip()}
    if getattr(args, "no_mutation", False):
        skip.add("mutation")
    unknown = sorted((only | skip) - known - {"mutation"})
    if unknown:
        raise FatalError(
            f"--only/--skip: {unknown[0]!r} is not a gate or rule of {kata.name} "
            f"(choose from: {', '.join(sorted(known))})"
        )
    return Selection(frozenset(only), frozenset(skip))


@contextlib.contextmanager
def progress_display(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr that gates update with what they are doing."""
    if not enabled or not sys.stderr.isatty():
        announced: set[str] = set()

        def plain(message: str) -> None:
            # Without a terminal, say once that the slow part started.
            if message.startswith("mutation testing") and "mutation" not in announced:
                announced.add("mutation")
                print("katabench: mutation testing (this takes a while)...", file=sys.stderr, flush=True)

        yield plain
        return
    from katabench import report

    out = report.console(stderr=True)
    with out.status("checking…") as status:
        yield status.update


def start_harness_early(args: argparse.Namespace, root: Path) -> HarnessPrefetch | None:
    """Start the harness on the repository before the heavy imports (only for a plain check)."""
    if args.code or getattr(args, "harness", None):
        return None
    layout = peek_layout(root, args.name)
    if layout is None:
        return None
    from katabench.prefetch import HarnessPrefetch

    return HarnessPrefetch(root, layout)


def perform(
    args: argparse.Namespace,
    kata: Kata,
    root: Path,
    command: str = "check",
    prefetched: HarnessPrefetch | None = None,
) -> CheckReport:
    from katabench import history
    from katabench.check import check_code, run_check

    state = state_dir(root)
    selection = selection_from(args, kata)
    with progress_display(not args.json) as progress:
        harness = getattr(args, "harness", None)
        if args.code or harness:
            versions = {}
            for option, value in (("--code", args.code), ("--harness", harness)):
                if value:
                    versions[option] = Path(value).resolve()
                    if not versions[option].is_dir():
                        raise FatalError(f"{option} {value}: not a folder")
            code = versions.get("--code", root / kata.legacy)
            result = check_code(
                kata, versions.get("--code"), state, selection, progress, harness=versions.get("--harness")
            )
        else:
            code = root / kata.legacy
            result = run_check(kata, root, state, selection, progress, prefetched=prefetched)
    if not args.no_history:
        history.record(state, result, history.snapshot(code), command=command, predicted=getattr(args, "predict", None))
    return result


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if getattr(args, "runs", None) and not getattr(args, "watch", False):
        raise FatalError("--runs counts the runs of --watch; add --watch")
    if getattr(args, "watch", False):
        from katabench.commands.watch import watch_check

        kata = get_kata(root, args.name)
        return watch_check(args, kata, root, selection_from(args, kata))
    early = start_harness_early(args, root)
    try:
        kata = get_kata(root, args.name)
        result = perform(args, kata, root, prefetched=early)
    finally:
        if early is not None:
            early.cancel()  # a no-op once it has finished; stops it if the check did not use it
    from katabench import report

    predicted = getattr(args, "predict", None)
    if args.json:
        data = result.to_json()
        if predicted:
            data["prediction"] = {"predicted": predicted, "correct": predicted == result.light}
        report.print_json(data)
    else:
        report.render_check(result, report.console(), str(kata.legacy))
        if predicted:
            from katabench.practice.view import prediction

            report.console().print(prediction(predicted, result.light))
    return 0 if result.passed else 1
