"""Shared setup for every kata's approval harness.

Part of each harness: `kata lock` records its hash, so a change here makes
every locked harness fail its approvals gate.
"""

import os

# No network on the machines we run on: approvaltests downloads helper
# scripts at import time unless told not to.
os.environ.setdefault("APPROVALTESTS_DISABLE_SCRIPT_DOWNLOADS", "1")
# Print a diff instead of opening a GUI diff tool; a student may override it.
os.environ.setdefault(
    "APPROVAL_TESTS_USE_REPORTER",
    "approvaltests.reporters.python_native_reporter.PythonNativeReporter",
)

import pytest  # noqa: E402
from approvaltests.core.namer import Namer  # noqa: E402
from approvaltests.file_approver import FileApprover  # noqa: E402


@pytest.fixture(autouse=True)
def _one_verify_per_test_per_run() -> None:
    # approvaltests remembers every approved file it verified in this process
    # and refuses a second verify of the same file. Mutation testing re-runs the
    # same test many times in one (forked) process, so forget between tests.
    FileApprover.previous_approved.clear()
    if "MUTANT_UNDER_TEST" in os.environ:
        # mutmut runs one test in several processes at once: each must write and
        # compare its own received file, or one mutant's output is judged as another's.
        Namer.RECEIVED = f".received.{os.getpid()}"
