"""Diff-size gate: how far the kata's code moved from the untouched legacy code.

For a bug hunt, the fix is the smallest change that turns the harness green:
the gate counts the lines added and removed against `katas/<name>/baseline/`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import PurePosixPath

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.model import Finding, GateResult, errored
from katabench.sources import load_package


@dataclass(frozen=True)
class DiffSizeParams:
    max_changed_lines: int = 6

    def __post_init__(self) -> None:
        if self.max_changed_lines < 0:
            raise ValueError("max_changed_lines: expected an integer of at least 0")


class DiffSizeGate:
    name = "diff-size"
    title = "Diff size"
    Params = DiffSizeParams
    slow = False

    def run(self, params: DiffSizeParams, ctx: CheckContext) -> GateResult:
        target = f"≤ {params.max_changed_lines} lines changed"
        failed = unparseable(self.name, "gate", ctx.package, target)
        if failed:
            return failed
        baseline_dir = ctx.kata.folder / "baseline"
        if not baseline_dir.is_dir():
            return errored(self.name, "gate", f"katas/{ctx.kata.name}/baseline/ is missing", target)
        original = load_package(ctx.kata.root, PurePosixPath(baseline_dir.relative_to(ctx.kata.root).as_posix()))
        baseline = {original.relative(s): s.text for s in original.files}
        current = {ctx.package.relative(s): s.text for s in ctx.package.files}
        findings: list[Finding] = []
        total = 0
        for name in sorted(set(baseline) | set(current)):
            before, after = baseline.get(name, "").splitlines(), current.get(name, "").splitlines()
            changed = 0
            first_line = 0
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
                if tag != "equal":
                    changed += (i2 - i1) + (j2 - j1)
                    first_line = first_line or j1 + 1
            if changed:
                total += changed
                findings.append(
                    Finding(
                        f"{ctx.kata.legacy}/{name}",
                        first_line,
                        0,
                        self.name,
                        f"{changed} line(s) added or removed since the legacy code",
                        "Keep the fix minimal: revert what the bug did not need.",
                    )
                )
        ok = total <= params.max_changed_lines
        details = "; ".join(f"{f.path}: {f.message}" for f in findings)
        return GateResult(
            self.name,
            "gate",
            status_of(ok),
            total,
            f"{total} lines",
            target,
            () if ok else tuple(findings),
            details=details,
        )
