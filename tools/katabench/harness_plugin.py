"""A pytest plugin loaded (`-p katabench.harness_plugin`) into every harness run.

It runs in the student's subprocess, before the harness imports any student
code, so that a loop or a crash can be traced to a file and line:
- shortly before the deadline, faulthandler dumps every thread's stack to a
  file and ends the process (the parent reads the innermost student frame);
- a hard crash (segfault from runaway recursion) dumps the stack too.

When asked (`KATABENCH_COVERAGE_SOURCE`), it also measures branch coverage of
the kata's code, as pytest-cov does: tracing starts once pytest and its
plugins are loaded but before any conftest or test module imports the kata,
so pytest's own start-up is not traced (a `coverage run` wrapper traces it
all, a quarter more time on a typical harness). The child writes the JSON
report itself, sparing the parent an import of coverage.py.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
from typing import IO, Any

import pytest

_DUMP = pytest.StashKey[IO[str]]()
_COVERAGE = pytest.StashKey[Any]()  # the coverage.Coverage measuring this run, when asked


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    # The earliest hook after every plugin is imported and before any conftest.py is.
    source = os.environ.get("KATABENCH_COVERAGE_SOURCE")
    if not source or _COVERAGE in early_config.stash:
        return
    import coverage

    measuring = coverage.Coverage(branch=True, source=[source], data_file=None)
    measuring.start()
    early_config.stash[_COVERAGE] = measuring


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


def _write_coverage_report(config: pytest.Config) -> None:
    measuring = config.stash.get(_COVERAGE, None)
    report = os.environ.get("KATABENCH_COVERAGE_REPORT")
    if measuring is None or not report:
        return
    import coverage

    measuring.stop()
    # No report (nothing measured, a source that does not parse) means "not collected" to the parent.
    with contextlib.suppress(coverage.CoverageException, OSError):
        measuring.json_report(outfile=report, ignore_errors=True)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    _write_coverage_report(config)  # before the deadline is cancelled: a report cannot hang the run
    dump = config.stash.get(_DUMP, None)
    if dump is not None:
        faulthandler.cancel_dump_traceback_later()
        faulthandler.disable()
        dump.close()
