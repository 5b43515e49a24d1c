"""Typing gate: mypy on the kata package (strict when the kata asks)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.model import Finding, GateResult, errored

_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?:(?P<column>\d+):)? error: (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$"
)
TIMEOUT = 180.0


@dataclass(frozen=True)
class TypingParams:
    strict: bool = False
    max_errors: int = 0

    def __post_init__(self) -> None:
        if self.max_errors < 0:
            raise ValueError("max_errors: expected an integer of at least 0")


def parse_mypy(output: str) -> list[Finding]:
    findings = []
    for raw in output.splitlines():
        match = _LINE.match(raw.strip())
        if match:
            message = match["message"] + (f" [{match['code']}]" if match["code"] else "")
            findings.append(
                Finding(
                    match["path"].replace(os.sep, "/"),
                    int(match["line"]),
                    int(match["column"] or 0),
                    "typing",
                    message,
                    "Annotate the function, or fix the type the checker found.",
                )
            )
    return findings


class TypingGate:
    name = "typing"
    title = "Typing"
    Params = TypingParams
    slow = False

    def run(self, params: TypingParams, ctx: CheckContext) -> GateResult:
        target = f"≤ {params.max_errors} errors" + (", strict" if params.strict else "")
        failed = unparseable(self.name, "gate", ctx.package, target)
        if failed:
            return failed
        # One cache per workspace: mypy's incremental cache makes the second run fast.
        key = hashlib.sha256(str(ctx.workspace.resolve()).encode()).hexdigest()[:12]
        cache = ctx.state / "mypy" / f"{ctx.kata.name}-{key}"
        command = [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(cache),
            "--no-error-summary",
            "--show-column-numbers",
            "--show-error-codes",
            "--no-color-output",
            "--hide-error-context",
            "--no-pretty",
            "--explicit-package-bases",
            "--namespace-packages",
            "--follow-imports=silent",
        ]
        if params.strict:
            command.append("--strict")
        command.append(str(ctx.kata.legacy))
        env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
        try:
            done = subprocess.run(
                command,
                cwd=ctx.workspace,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                env=env,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return errored(self.name, "gate", f"mypy did not finish within {TIMEOUT:g} s", target)
        findings = parse_mypy(done.stdout)
        if done.returncode not in (0, 1) and not findings:
            tail = (done.stdout + done.stderr).strip()[-1500:]
            return errored(self.name, "gate", f"mypy failed (exit {done.returncode}): {tail}", target)
        if done.returncode == 1 and not findings:
            return errored(
                self.name, "gate", "mypy reported errors that could not be read: " + done.stdout.strip()[-1500:], target
            )
        count = len(findings)
        return GateResult(
            self.name,
            "gate",
            status_of(count <= params.max_errors),
            count,
            f"{count} error(s)",
            target,
            tuple(findings),
        )
