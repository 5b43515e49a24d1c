"""A pytest plugin loaded (`-p katabench.harness_plugin`) into every harness run.

It runs in the student's subprocess, before the harness imports any student
code, so that a loop or a crash can be traced to a file and line:
- shortly before the deadline, faulthandler dumps every thread's stack to a
  file and ends the process (the parent reads the innermost student frame);
- a hard crash (segfault from runaway recursion) dumps the stack too.
"""

from __future__ import annotations

import faulthandler
import os
from typing import IO

import pytest

_DUMP = pytest.StashKey[IO[str]]()


def pytest_configure(config: pytest.Config) -> None:
    path = os.environ.get("KATABENCH_STACK_DUMP")
    if not path:
        return
    dump = open(path, "w", encoding="utf-8")  # noqa: SIM115 -- closed in pytest_unconfigure
    config.stash[_DUMP] = dump
    faulthandler.enable(file=dump, all_threads=True)
    deadline = float(os.environ.get("KATABENCH_DEADLINE", "0"))
    if deadline > 0:
        faulthandler.dump_traceback_later(deadline, exit=True, file=dump)


def pytest_runtest_logstart(nodeid: str, location: object) -> None:
    # The last test that started: named in the report when the run stalls.
    path = os.environ.get("KATABENCH_CURRENT_TEST")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(nodeid)


def pytest_unconfigure(config: pytest.Config) -> None:
    dump = config.stash.get(_DUMP, None)
    if dump is not None:
        faulthandler.cancel_dump_traceback_later()
        faulthandler.disable()
        dump.close()
