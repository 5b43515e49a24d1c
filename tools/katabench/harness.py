"""Run a kata's approval harness with pytest, in a staged copy, in a subprocess.

The student's code is untrusted: it may loop, recurse without end, crash the
interpreter or eat memory. The run has a deadline (faulthandler names the
file and line that was running when it passed, then a hard kill follows), an
address-space limit, and output captured to files. Results are read from a
JUnit XML report and the received files approvaltests leaves behind, never
from pytest's exit code alone.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from katabench.model import Finding
from katabench.spec import Layout
from katabench.untrusted import kill_group, popen
from katabench.workspace import stage

OUTPUT_TAIL = 8000
# Traceback frames (`File "x.py", line 3, in f`), faulthandler frames (`File "x.py", line 3 in f`)
# and SyntaxError locations (`File "x.py", line 3`, no function).
_FRAME = re.compile(r'File "(?P<path>[^"]+)", line (?P<line>\d+)(?:,? in (?P<function>\S+))?')


@dataclass(frozen=True)
class TestOutcome:
    nodeid: str
    outcome: str  # passed, failed, error, skipped
    message: str = ""
    location: Finding | None = None
    approval_mismatch: bool = False  # shown through its received file instead


@dataclass(frozen=True)
class ReceivedFile:
    approved: str  # path relative to the workspace
    diff: str  # unified diff, approved -> received, shortened
    changed_lines: int


@dataclass(frozen=True)
class FileCoverage:
    path: str
    statements: int
    covered_statements: int
    branches: int
    covered_branches: int
    missing_lines: tuple[int, ...]

    @property
    def ratio(self) -> float:
        total = self.statements + self.branches
        return (self.covered_statements + self.covered_branches) / total if total else 1.0


@dataclass(frozen=True)
class HarnessRun:
    exit_code: int | None
    timed_out: bool
    duration: float
    tests: tuple[TestOutcome, ...]
    received: tuple[ReceivedFile, ...]
    stalled_at: Finding | None  # where the code was when the deadline passed (or it crashed)
    last_test: str
    output: str
    coverage: tuple[FileCoverage, ...] | None

    @property
    def passed(self) -> int:
        return sum(1 for t in self.tests if t.outcome == "passed")

    @property
    def green(self) -> bool:
        return (
            self.exit_code == 0
            and not self.timed_out
            and self.passed > 0
            and all(t.outcome in ("passed", "skipped") for t in self.tests)
        )


def _relative(path: str, staging: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(staging.resolve()).as_posix()
    except ValueError:
        return None


def innermost_frame(text: str, staging: Path, prefer: str, source: str) -> Finding | None:
    """The last frame of a traceback inside the staged code (`prefer`), else inside the staging."""
    best: Finding | None = None
    for match in _FRAME.finditer(text):
        relative = _relative(match["path"], staging)
        if relative is None:
            continue
        finding = Finding(
            relative, int(match["line"]), 0, source, f"in {match['function']}" if match["function"] else ""
        )
        if relative.startswith(prefer) or best is None or not best.path.startswith(prefer):
            best = finding
    return best


def _stack_dump_location(text: str, staging: Path, prefer: str) -> Finding | None:
    # faulthandler writes the most recent call first; take the first frame in the code.
    for match in _FRAME.finditer(text):
        relative = _relative(match["path"], staging)
        if relative is not None and relative.startswith(prefer):
            return Finding(
                relative, int(match["line"]), 0, "approvals", f"in {match['function']}" if match["function"] else ""
            )
    return None


def _last_line(text: str) -> str:
    # pytest prefixes the lines of its own error report with "E   ".
    lines = [line.strip().removeprefix("E ").strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _read_junit(path: Path, staging: Path, prefer: str) -> list[TestOutcome]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return []
    outcomes = []
    for case in root.iter("testcase"):
        classname, name = case.get("classname", ""), case.get("name", "")
        # A collection error has no class name; its name is the module's dotted path.
        nodeid = f"{classname.replace('.', '/')}.py::{name}" if classname else f"{name.replace('.', '/')}.py"
        outcome, message, location, text = "passed", "", None, ""
        for tag in ("failure", "error", "skipped"):
            child = case.find(tag)
            if child is not None:
                outcome = "failed" if tag == "failure" else tag
                text = child.text or ""
                message = _last_line(text) or child.get("message", "")
                location = innermost_frame(text, staging, prefer, "approvals")
                break
        mismatch = "Approval Mismatch" in (text if outcome != "passed" else "")
        outcomes.append(TestOutcome(nodeid, outcome, message[:500], location, mismatch))
    return outcomes


def _received_files(staging: Path, harness: str) -> list[ReceivedFile]:
    received = []
    for path in sorted((staging / harness).rglob("*.received.*")):
        approved_path = path.with_name(path.name.replace(".received.", ".approved."))
        try:
            new = path.read_text(encoding="utf-8", errors="replace").splitlines()
            exists = approved_path.exists()
            old = approved_path.read_text(encoding="utf-8", errors="replace").splitlines() if exists else []
        except OSError:
            continue
        diff = list(difflib.unified_diff(old, new, "approved", "received", n=1, lineterm=""))
        changed = sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))
        shown = diff[:60] + ([f"... {len(diff) - 60} more diff lines"] if len(diff) > 60 else [])
        received.append(ReceivedFile(approved_path.relative_to(staging).as_posix(), "\n".join(shown), changed))
    return received


def _read_coverage(report: Path, staging: Path) -> tuple[FileCoverage, ...] | None:
    # Written by the harness plugin in the child (coverage.py's JSON report).
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = []
    for path, info in sorted(data.get("files", {}).items()):
        summary = info["summary"]
        relative = _relative(path if os.path.isabs(path) else str(staging / path), staging) or path
        files.append(
            FileCoverage(
                relative,
                summary.get("num_statements", 0),
                summary.get("covered_lines", 0),
                summary.get("num_branches", 0),
                summary.get("covered_branches", 0),
                tuple(info.get("missing_lines", [])),
            )
        )
    return tuple(files)


def run_harness(
    kata: Layout,
    workspace: Path,
    *,
    code: Path | None = None,
    harness: Path | None = None,
    timeout: float = 60.0,
    with_coverage: bool = False,
    on_start: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> HarnessRun:
    """Stage the kata and run its harness once.

    The code comes from `code` or the workspace, the harness from `harness` or the workspace.
    """
    with tempfile.TemporaryDirectory(prefix="katabench-harness-") as tmp:
        staging = Path(tmp) / "ws"
        staging.mkdir()
        stage(kata, workspace, staging, code, harness)
        junit = Path(tmp) / "junit.xml"
        dump = Path(tmp) / "stack.txt"
        current = Path(tmp) / "current-test.txt"
        coverage_report = Path(tmp) / "coverage.json"
        pytest_args = [
            "-m",
            "pytest",
            "-p",
            "katabench.harness_plugin",
            "-p",
            "no:cacheprovider",
            "-q",
            "--tb=native",
            "--no-header",
            f"--junitxml={junit}",
            "-o",
            "junit_family=xunit1",
            str(kata.harness),
        ]
        command = [sys.executable, *pytest_args]
        env = {
            **os.environ,
            "APPROVALTESTS_DISABLE_SCRIPT_DOWNLOADS": "1",
            "APPROVAL_TESTS_USE_REPORTER": "approvaltests.reporters.report_quietly.ReportQuietly",
            "PYTHONDONTWRITEBYTECODE": "1",
            "KATABENCH_STACK_DUMP": str(dump),
            "KATABENCH_CURRENT_TEST": str(current),
            # faulthandler fires first and names the line; the hard kill is the backstop.
            "KATABENCH_DEADLINE": str(max(1.0, timeout - 1.0)),
        }
        for key in ("KATABENCH_COVERAGE_SOURCE", "KATABENCH_COVERAGE_REPORT"):
            env.pop(key, None)
        if with_coverage:  # measured by the harness plugin
            env["KATABENCH_COVERAGE_SOURCE"] = str(staging / kata.legacy)
            env["KATABENCH_COVERAGE_REPORT"] = str(coverage_report)
        env.pop("PYTHONPATH", None)
        out_path = Path(tmp) / "output.txt"
        started = time.perf_counter()
        timed_out = False
        with open(out_path, "wb") as out:
            process = popen(
                command, cwd=staging, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
            if on_start:
                on_start(process)
            try:
                exit_code: int | None = process.wait(timeout=timeout + 5)
            except subprocess.TimeoutExpired:
                timed_out = True
                kill_group(process)
                exit_code = None
            except BaseException:
                kill_group(process)  # Ctrl-C or a cancelled check: never leave the harness running
                raise
        duration = time.perf_counter() - started
        output = out_path.read_bytes()[-OUTPUT_TAIL:].decode("utf-8", errors="replace")
        dump_text = dump.read_text(encoding="utf-8", errors="replace") if dump.exists() else ""
        if "Timeout (" in dump_text:
            timed_out = True
        prefer = str(kata.legacy)
        stalled = _stack_dump_location(dump_text, staging, prefer) if dump_text.strip() else None
        tests = _read_junit(junit, staging, prefer) if junit.exists() else []
        return HarnessRun(
            exit_code=exit_code,
            timed_out=timed_out,
            duration=duration,
            tests=tuple(tests),
            received=tuple(_received_files(staging, str(kata.harness))),
            stalled_at=stalled,
            last_test=current.read_text(encoding="utf-8") if current.exists() else "",
            output=output,
            coverage=_read_coverage(coverage_report, staging) if with_coverage else None,
        )
