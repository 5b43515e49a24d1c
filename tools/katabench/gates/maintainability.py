"""Maintainability gate: radon's maintainability index, worst module."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.metrics.complexity import maintainability
from katabench.model import Finding, GateResult


@dataclass(frozen=True)
class MaintainabilityParams:
    min_mi: float = 65.0

    def __post_init__(self) -> None:
        if not 0 <= self.min_mi <= 100:
            raise ValueError("min_mi: expected a number from 0 to 100")


class MaintainabilityGate:
    name = "maintainability"
    title = "Maintainability"
    Params = MaintainabilityParams
    slow = False

    def run(self, params: MaintainabilityParams, ctx: CheckContext) -> GateResult:
        target = f"MI ≥ {params.min_mi:g}"
        package = ctx.package
        failed = unparseable(self.name, "gate", package, target)
        if failed:
            return failed
        scores = sorted((maintainability(s.text), s.path) for s in package.files)
        if not scores:
            return GateResult(
                self.name,
                "gate",
                status_of(False),
                None,
                "no modules",
                target,
                details="the package has no Python files",
            )
        worst = scores[0][0]
        findings = tuple(
            Finding(
                path,
                0,
                0,
                self.name,
                f"maintainability index {mi:.1f} < {params.min_mi:g}",
                "Shorten long functions and reduce branching; MI falls with size and complexity.",
            )
            for mi, path in scores
            if mi < params.min_mi
        )
        return GateResult(
            self.name,
            "gate",
            status_of(worst >= params.min_mi),
            round(worst, 1),
            f"MI {worst:.1f} (worst module)",
            target,
            findings,
        )
