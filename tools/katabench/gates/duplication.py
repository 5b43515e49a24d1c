"""Duplication gate: repeated token sequences inside the kata package."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.metrics.duplication import duplicated_lines, find_clones
from katabench.model import Finding, GateResult


@dataclass(frozen=True)
class DuplicationParams:
    max_duplicated_lines: int = 0
    min_tokens: int = 40

    def __post_init__(self) -> None:
        if self.max_duplicated_lines < 0:
            raise ValueError("max_duplicated_lines: expected an integer of at least 0")
        if self.min_tokens < 10:
            raise ValueError("min_tokens: expected an integer of at least 10")


class DuplicationGate:
    name = "duplication"
    title = "Duplication"
    Params = DuplicationParams
    slow = False

    def run(self, params: DuplicationParams, ctx: CheckContext) -> GateResult:
        target = f"≤ {params.max_duplicated_lines} lines"
        package = ctx.package
        failed = unparseable(self.name, "gate", package, target)
        if failed:
            return failed
        clones = find_clones([(s.path, s.text, s.tree) for s in package.files], params.min_tokens)
        lines = duplicated_lines(clones)
        findings = tuple(
            Finding(
                c.copy_path,
                c.copy_start,
                0,
                self.name,
                f"lines {c.copy_start}-{c.copy_end} repeat {c.original_path}:{c.original_start}-{c.original_end}"
                f" ({c.tokens} tokens)",
                "Extract function for the shared part and call it from both places (one source for each rule).",
            )
            for c in clones
        )
        return GateResult(
            self.name,
            "gate",
            status_of(lines <= params.max_duplicated_lines),
            lines,
            f"{lines} lines in {len(clones)} block(s)",
            target,
            findings,
        )
