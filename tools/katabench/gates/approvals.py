"""Approvals gate: the harness, run by pytest in a staged copy, must be green.

A locked harness must also match its lock (katas/<name>/harness.sha256): a
changed approved file or test makes the gate fail, naming the files.
"""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext
from katabench.harness import HarnessRun
from katabench.model import Finding, GateResult, Status
from katabench.spec import Kata
from katabench.workspace import lock_changes, read_lock


@dataclass(frozen=True)
class ApprovalsParams:
    timeout: float = 60.0

    def __post_init__(self) -> None:
        if self.timeout <= 1:
            raise ValueError("timeout: expected a number of seconds above 1")


def _part(kata: Kata, path: str) -> str:
    if path.startswith(f"{kata.legacy}/"):
        return "code"  # a pin kata: pin the behaviour, do not change it
    return "baseline" if path.startswith("katas/") else "harness"


def _lock_findings(ctx: CheckContext) -> list[Finding]:
    kata = ctx.kata
    if not kata.has_lock:
        return []
    locked = read_lock(kata)
    if locked is None:
        return [
            Finding(
                str(kata.lock_path.relative_to(kata.root)),
                0,
                0,
                "approvals",
                "the kata is locked but its lock file is missing",
                f"Restore it from git, or (kata authors) run `kata lock {kata.name}`.",
            )
        ]
    return [
        Finding(
            change.path,
            0,
            0,
            "approvals",
            f"locked {_part(kata, change.path)} file {change.change}",
            f"Restore it: git checkout -- {change.path}"
            if change.change != "added"
            else f"Remove it: the {_part(kata, change.path)} of this kata is locked.",
        )
        for change in lock_changes(ctx.workspace, kata, locked)
    ]


def _run_findings(run: HarnessRun, ctx: CheckContext, timeout: float) -> tuple[list[Finding], str]:
    findings: list[Finding] = []
    details = ""
    if run.timed_out or (run.exit_code is not None and run.exit_code < 0):
        where = run.stalled_at
        if run.timed_out:
            what = f"the harness did not finish within {timeout:g} s"
            hint = "Look for a loop that never ends or recursion without a base case at this line."
        else:
            what = f"the harness crashed (signal {-run.exit_code if run.exit_code else '?'})"
            hint = "Runaway recursion or a crash in native code; look at this line."
        if run.last_test:
            what += f" (running {run.last_test})"
        findings.append(
            Finding(
                where.path if where else str(ctx.kata.legacy),
                where.line if where else 0,
                0,
                "approvals",
                what + (f", {where.message}" if where else ""),
                hint,
            )
        )
        return findings, what
    for received in run.received:
        findings.append(
            Finding(
                received.approved,
                0,
                0,
                "approvals",
                f"received output differs from the approved file ({received.changed_lines} lines)",
                "Behaviour changed: undo the last change, or find which step altered the output.",
            )
        )
        details += f"--- {received.approved}\n{received.diff}\n"
    for test in run.tests:
        if test.outcome not in ("failed", "error"):
            continue
        if test.approval_mismatch and run.received:
            continue  # shown through its received file
        location = test.location
        findings.append(
            Finding(
                location.path if location else test.nodeid,
                location.line if location else 0,
                0,
                "approvals",
                f"{test.nodeid}: {test.message}" if location else test.message,
                "The harness cannot import or run the code; read the message and the line.",
            )
        )
    if not run.tests and not findings:
        findings.append(
            Finding(
                str(ctx.kata.harness),
                0,
                0,
                "approvals",
                "the harness collected no tests" + (f" (pytest exit {run.exit_code})"),
                f"Restore the harness: git checkout -- {ctx.kata.harness}",
            )
        )
        details = run.output[-2000:]
    elif not findings and not run.green:
        findings.append(
            Finding(str(ctx.kata.harness), 0, 0, "approvals", f"pytest ended with exit code {run.exit_code}")
        )
        details = run.output[-2000:]
    return findings, details


class ApprovalsGate:
    name = "approvals"
    title = "Approvals"
    Params = ApprovalsParams
    slow = False

    def run(self, params: ApprovalsParams, ctx: CheckContext) -> GateResult:
        target = "all pass" + (", locked" if ctx.kata.has_lock else "")
        if not (ctx.workspace / ctx.kata.harness).is_dir():
            return GateResult(
                self.name,
                "gate",
                Status.FAIL,
                0,
                "no harness",
                target,
                (
                    Finding(
                        str(ctx.kata.harness),
                        0,
                        0,
                        self.name,
                        "the harness folder is missing",
                        f"Restore it: git checkout -- {ctx.kata.harness}",
                    ),
                ),
            )
        lock = _lock_findings(ctx)
        run = ctx.harness(params.timeout)
        findings, details = _run_findings(run, ctx, params.timeout)
        counted = [t for t in run.tests if "::" in t.nodeid]
        passed = run.passed
        ok = run.green and not findings and not lock
        measured_text = f"{passed}/{len(counted)} pass" if counted else "no test ran"
        if lock:
            measured_text += f", {len(lock)} locked file(s) changed"
        return GateResult(
            self.name,
            "gate",
            Status.PASS if ok else Status.FAIL,
            passed / len(counted) if counted else 0.0,
            measured_text,
            target,
            tuple(lock + findings),
            details=details.strip(),
            duration=run.duration,
            data={"tests": len(counted), "passed": passed, "duration": round(run.duration, 3)},
        )
