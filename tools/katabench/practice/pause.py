"""Named steps where a test can stop a command, to kill it there or interleave another clone's work.

In normal use this does nothing. With `KATABENCH_TEST_PAUSE_AT=<step>[,<step>...]`
the command writes `<step>.paused` (holding its process id) into
`KATABENCH_TEST_PAUSE_DIR` when it reaches the step, then waits until the
test creates `<step>.resume` (or kills it). That makes "a command killed
mid-way" a deterministic test instead of a race.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

PAUSE_AT = "KATABENCH_TEST_PAUSE_AT"
PAUSE_DIR = "KATABENCH_TEST_PAUSE_DIR"
MAX_WAIT = 300.0


def checkpoint(step: str) -> None:
    """Pause here if a test asked for it; otherwise return at once."""
    wanted = os.environ.get(PAUSE_AT, "")
    if not wanted or step not in wanted.split(","):
        return
    folder = Path(os.environ.get(PAUSE_DIR) or tempfile.gettempdir())
    (folder / f"{step}.paused").write_text(str(os.getpid()), encoding="utf-8")
    resume = folder / f"{step}.resume"
    deadline = time.monotonic() + MAX_WAIT
    while not resume.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
