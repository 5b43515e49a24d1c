"""The terminal side of watch mode (`kata check --watch`, `kata tcr --watch`).

On a terminal one status view is redrawn in place and the bell rings when
the light flips between green and red; elsewhere (a pipe, a log, a test)
each run prints one line, or one JSON object per line with --json, and
"watching ..." goes to stderr each time the loop starts waiting.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from katabench import history, report
from katabench.check import CheckReport, Selection, run_check
from katabench.errors import FatalError
from katabench.practice import view
from katabench.practice.watch import watch_loop, watch_paths
from katabench.repo import state_dir
from katabench.spec import Kata


class Screen:
    """Where watch mode shows its runs: a live panel on a terminal, lines elsewhere."""

    def __init__(self, watching: Sequence[str], json_lines: bool = False, out: Console | None = None) -> None:
        self.out = out or report.console()
        self.err = report.console(stderr=True)
        self.watching = list(watching)
        self.json_lines = json_lines
        self.lights: list[str] = []
        self.report: CheckReport | None = None
        self.run_number = 0
        self.lines: int | None = None
        self.extra: Text | None = None
        self.live = (
            Live(self._panel(""), console=self.out, auto_refresh=False, redirect_stderr=False)
            if self.out.is_terminal and not json_lines
            else None
        )

    def __enter__(self) -> Screen:
        if self.live is not None:
            self.live.start(refresh=True)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self.live is not None:
            self.live.stop()

    def _panel(self, busy: str) -> Panel:
        return view.watch_panel(
            self.report,
            run_number=self.run_number,
            lights=self.lights,
            lines_changed=self.lines,
            watching=self.watching,
            busy=busy,
            extra=self.extra,
        )

    def progress(self, message: str) -> None:
        if self.live is not None:
            self.live.update(self._panel(f"{message}…"), refresh=True)

    def show(
        self,
        result: CheckReport,
        run_number: int,
        lines: int | None,
        extra: Text | None = None,
        extra_json: Mapping[str, object] | None = None,
    ) -> None:
        previous = self.lights[-1] if self.lights else None
        self.report, self.run_number, self.lines, self.extra = result, run_number, lines, extra
        self.lights.append(result.light)
        flipped = previous is not None and (previous == "green") != (result.light == "green")
        if self.live is not None:
            self.live.update(self._panel(""), refresh=True)
            if flipped:
                self.out.bell()
        elif self.json_lines:
            data = {"run": run_number, "lines_changed": lines, **(extra_json or {}), **result.to_json()}
            sys.stdout.write(json.dumps(data) + "\n")
            sys.stdout.flush()
        else:
            line = view.run_line(result, run_number, lines)
            if flipped:
                line.append(f" · turned {result.light}", style="bold")
            self.out.print(line)
            if extra is not None:
                self.out.print(extra)

    def idle(self) -> None:
        if self.live is not None:
            self.live.update(self._panel(""), refresh=True)
        else:
            watching = ", ".join(self.watching)
            print(f"kata: watching {watching} for changes (Ctrl-C to stop)", file=sys.stderr, flush=True)


def fast_selection(selection: Selection) -> Selection:
    """Watch mode never runs the slow gates (mutation testing)."""
    return Selection(selection.only, selection.skip | {"mutation"})


def watched(kata: Kata, root: Path) -> tuple[list[Path], list[str]]:
    paths = watch_paths(kata)
    if not paths:
        raise FatalError(f"{kata.legacy} and {kata.harness} do not exist: nothing to watch")
    return paths, [p.relative_to(root).as_posix() for p in paths]


def watch_check(args: argparse.Namespace, kata: Kata, root: Path, selection: Selection) -> int:
    """`kata check NAME --watch`: the fast gates on every save."""
    if args.code:
        raise FatalError("--watch watches the kata's own code; leave out --code")
    if getattr(args, "predict", None):
        raise FatalError("--predict is for a single run: predict, then run `kata check NAME --predict COLOUR`")
    state = state_dir(root)
    selection = fast_selection(selection)
    paths, shown = watched(kata, root)
    results: list[CheckReport] = []
    with Screen(shown, json_lines=args.json) as screen:

        def step(number: int, changed: frozenset[str]) -> bool:
            screen.progress(f"run {number}: checking")
            result = run_check(kata, root, state, selection, screen.progress)
            lines = None
            if not args.no_history:
                code = history.snapshot(root / kata.legacy)
                lines = history.record(state, result, code, command="watch").lines_changed
            screen.show(result, number, lines)
            results.append(result)
            return True

        with contextlib.suppress(KeyboardInterrupt):
            watch_loop(paths, step, idle=screen.idle, max_runs=args.runs)
    return 0 if results and results[-1].passed else 1
