"""Typing gate: mypy on the kata package (strict when the kata asks)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

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


MYPY_OPTIONS = (
    "--no-error-summary",
    "--show-column-numbers",
    "--show-error-codes",
    "--no-color-output",
    "--hide-error-context",
    "--no-pretty",
    "--explicit-package-bases",
    "--namespace-packages",
    "--follow-imports=silent",
)


def _digest(ctx: CheckContext, command: list[str]) -> str:
    h = hashlib.sha256(f"{metadata.version('mypy')}|{command[:-1]}".encode())
    for source in ctx.package.files:
        h.update(source.path.encode() + b"\0" + source.text.encode() + b"\0")
    return h.hexdigest()


def _remembered(path: Path, digest: str) -> list[Finding] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("digest") == digest:
            return [Finding(**f) for f in data["findings"]]
    except (OSError, ValueError, TypeError, KeyError):
        pass
    return None


def _run_mypy(options: list[str], ctx: CheckContext) -> list[Finding] | str:
    """mypy's findings, or why it could not give them."""
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mypy", *options],
            cwd=ctx.workspace,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"mypy did not finish within {TIMEOUT:g} s"
    findings = parse_mypy(done.stdout)
    if done.returncode not in (0, 1) and not findings:
        tail = (done.stdout + done.stderr).strip()[-1500:]
        return f"mypy failed (exit {done.returncode}): {tail}"
    if done.returncode == 1 and not findings:
        return "mypy reported errors that could not be read: " + done.stdout.strip()[-1500:]
    return findings


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
        # One mypy cache per workspace: its incremental cache makes the next run fast.
        where = hashlib.sha256(str(ctx.workspace.resolve()).encode()).hexdigest()[:12]
        cache = ctx.state / "mypy" / f"{ctx.kata.name}-{where}"
        command = [*MYPY_OPTIONS, "--cache-dir", str(cache)]
        if params.strict:
            command.append("--strict")
        command.append(str(ctx.kata.legacy))
        # mypy's verdict depends only on the code (the katas use the standard library)
        # and the options: when neither changed, reuse it instead of starting mypy.
        digest = _digest(ctx, command)
        remembered = cache / "katabench-verdict.json"
        findings = _remembered(remembered, digest)
        if findings is None:
            outcome = _run_mypy(command, ctx)
            if isinstance(outcome, str):
                return errored(self.name, "gate", outcome, target)
            findings = outcome
            remembered.parent.mkdir(parents=True, exist_ok=True)
            remembered.write_text(json.dumps({"digest": digest, "findings": [f.to_json() for f in findings]}))
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
