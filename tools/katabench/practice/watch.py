"""Watch mode: run a step now, then again after every save of the kata's code or harness.

Changes are debounced (an editor's save is often several writes, a rename
or a formatter run) and filtered to what can change a verdict: Python files
and approved files, not caches or editor droppings. A bounded number of runs
(`max_runs`) makes the loop deterministic for scripts and tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import watchfiles

from katabench.spec import Kata

DEBOUNCE_MS = 1600  # longest time one batch of changes is gathered
STEP_MS = 100  # quiet time that ends a batch
IDLE_MS = 300  # how often the watcher wakes up when nothing happens


class KataFilter(watchfiles.DefaultFilter):
    """Python sources and approved files; no caches, received files or editor temporaries."""

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        name = os.path.basename(path)
        if ".received." in name:
            return False
        return name.endswith(".py") or ".approved." in name


def watch_paths(kata: Kata) -> list[Path]:
    """What a kata's watch mode watches: its code and its harness."""
    return [p for p in (kata.root / kata.legacy, kata.root / kata.harness) if p.is_dir()]


def watch_loop(
    paths: Sequence[Path],
    step: Callable[[int, frozenset[str]], bool],
    *,
    idle: Callable[[], None] = lambda: None,
    max_runs: int | None = None,
    debounce_ms: int = DEBOUNCE_MS,
    step_ms: int = STEP_MS,
) -> int:
    """Call `step(run_number, changed_paths)` now and after each batch of relevant changes.

    `step` returns whether it ran (a batch it judges irrelevant, e.g. the
    files it wrote itself, does not count). `idle` is called each time the
    loop starts waiting; the watcher is already running then, so a change
    made after `idle` returned is never missed. Returns the number of runs.
    """
    if not paths:
        return 0
    changes = watchfiles.watch(
        *paths,
        watch_filter=KataFilter(),
        debounce=debounce_ms,
        step=step_ms,
        rust_timeout=IDLE_MS,
        yield_on_timeout=True,
        raise_interrupt=False,
    )
    runs = 0
    try:
        pending = next(changes)  # the first answer comes once the watcher is running
        ran = step(runs + 1, frozenset(p for _, p in pending))
        runs += ran
        announce = True  # say "waiting" after the first step and after every run, not after skipped batches
        while max_runs is None or runs < max_runs:
            if announce:
                idle()
            batch: set[tuple[watchfiles.Change, str]] = set()
            while not batch:
                batch = next(changes)
            ran = step(runs + 1, frozenset(p for _, p in batch))
            runs += ran
            announce = ran
    except StopIteration:  # Ctrl-C while waiting: watchfiles stops quietly
        pass
    finally:
        changes.close()
    return runs
