"""Cohesion gate: LCOM4 per class, over LibCST."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.model import Finding, GateResult


@dataclass(frozen=True)
class CohesionParams:
    max_lcom4: int = 1

    def __post_init__(self) -> None:
        if self.max_lcom4 < 1:
            raise ValueError("max_lcom4: expected an integer of at least 1")


class CohesionGate:
    name = "cohesion"
    title = "Cohesion"
    Params = CohesionParams
    slow = False

    def run(self, params: CohesionParams, ctx: CheckContext) -> GateResult:
        import libcst  # here: reading a spec imports every gate, and LibCST is slow to load

        from katabench.metrics.cohesion import lcom4

        target = f"LCOM4 ≤ {params.max_lcom4}"
        package = ctx.package
        failed = unparseable(self.name, "gate", package, target)
        if failed:
            return failed
        worst = 0
        findings: list[Finding] = []
        for source in package.files:
            try:
                classes = lcom4(source.cst)
            except libcst.ParserSyntaxError as error:
                findings.append(
                    Finding(
                        source.path,
                        error.raw_line,
                        error.raw_column,
                        self.name,
                        f"LibCST cannot parse this file: {error.message}",
                    )
                )
                continue
            for c in classes:
                worst = max(worst, c.lcom4)
                if c.lcom4 > params.max_lcom4:
                    groups = "; ".join("{" + ", ".join(g) + "}" for g in c.groups)
                    findings.append(
                        Finding(
                            source.path,
                            c.line,
                            0,
                            self.name,
                            f"`{c.name}` has LCOM4 {c.lcom4}: unrelated method groups {groups}",
                            "Extract class: each group of methods with the attributes it uses can be its own class.",
                        )
                    )
        text = f"LCOM4 {worst}" if worst else "no class with 2+ methods"
        return GateResult(self.name, "gate", status_of(not findings), worst or None, text, target, tuple(findings))
