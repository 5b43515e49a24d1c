"""Complexity gate: worst cyclomatic (radon) and cognitive (complexipy) complexity per function."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.metrics.complexity import cognitive, cyclomatic
from katabench.model import Finding, GateResult


@dataclass(frozen=True)
class ComplexityParams:
    max_cyclomatic: int = 10
    max_cognitive: int = 15

    def __post_init__(self) -> None:
        if self.max_cyclomatic < 1 or self.max_cognitive < 0:
            raise ValueError("max_cyclomatic: expected a positive integer (and max_cognitive >= 0)")


class ComplexityGate:
    name = "complexity"
    title = "Complexity"
    Params = ComplexityParams
    slow = False

    def run(self, params: ComplexityParams, ctx: CheckContext) -> GateResult:
        target = f"CC ≤ {params.max_cyclomatic}, cog ≤ {params.max_cognitive}"
        package = ctx.package
        failed = unparseable(self.name, "gate", package, target)
        if failed:
            return failed
        worst_cc, worst_cog = 0.0, 0.0
        offenders: list[tuple[float, Finding]] = []
        for source in package.files:
            scores = {s.name: [s.line, s.value, 0.0] for s in cyclomatic(source.text)}
            for s in cognitive(source.text):
                scores.setdefault(s.name, [s.line, 0.0, 0.0])[2] = s.value
            for name, (line, cc, cog) in scores.items():
                worst_cc, worst_cog = max(worst_cc, cc), max(worst_cog, cog)
                over = []
                if cc > params.max_cyclomatic:
                    over.append(f"CC {cc:g} > {params.max_cyclomatic}")
                if cog > params.max_cognitive:
                    over.append(f"cognitive {cog:g} > {params.max_cognitive}")
                if over:
                    excess = cc / params.max_cyclomatic + cog / max(1, params.max_cognitive)
                    offenders.append(
                        (
                            excess,
                            Finding(
                                source.path,
                                int(line),
                                0,
                                self.name,
                                f"`{name}`: {', '.join(over)}",
                                "Extract function, decompose conditional, or use guard clauses instead of nesting.",
                            ),
                        )
                    )
        offenders.sort(key=lambda pair: -pair[0])
        ok = worst_cc <= params.max_cyclomatic and worst_cog <= params.max_cognitive
        return GateResult(
            self.name,
            "gate",
            status_of(ok),
            worst_cc,
            f"CC {worst_cc:g}, cog {worst_cog:g}",
            target,
            tuple(f for _, f in offenders),
            data={"max_cyclomatic": worst_cc, "max_cognitive": worst_cog},
        )
