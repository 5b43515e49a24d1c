"""Coverage gate: branch coverage of the kata's code by the harness (coverage.py)."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, harness_timeout, status_of
from katabench.model import Finding, GateResult, skipped


@dataclass(frozen=True)
class CoverageParams:
    min_coverage: float = 0.90

    def __post_init__(self) -> None:
        if not 0 <= self.min_coverage <= 1:
            raise ValueError("min_coverage: expected a fraction from 0 to 1, e.g. 0.9")


def _ranges(lines: tuple[int, ...]) -> str:
    parts: list[str] = []
    start = previous = None
    for line in sorted(lines):
        if previous is not None and line == previous + 1:
            previous = line
            continue
        if start is not None:
            parts.append(f"{start}" if start == previous else f"{start}-{previous}")
        start = previous = line
    if start is not None:
        parts.append(f"{start}" if start == previous else f"{start}-{previous}")
    return ", ".join(parts)


class CoverageGate:
    name = "coverage"
    title = "Coverage"
    Params = CoverageParams
    slow = False

    def run(self, params: CoverageParams, ctx: CheckContext) -> GateResult:
        target = f"≥ {params.min_coverage:.0%}"
        run = ctx.harness(harness_timeout(ctx))
        if not run.green:
            return skipped(self.name, "gate", "the harness is not green; coverage is measured on a green run", target)
        if run.coverage is None:
            return skipped(self.name, "gate", "coverage data was not collected", target)
        statements = sum(f.statements for f in run.coverage)
        covered = sum(f.covered_statements for f in run.coverage)
        branches = sum(f.branches for f in run.coverage)
        covered_branches = sum(f.covered_branches for f in run.coverage)
        total = statements + branches
        ratio = (covered + covered_branches) / total if total else 1.0
        findings = tuple(
            Finding(
                f.path,
                f.missing_lines[0] if f.missing_lines else 0,
                0,
                self.name,
                f"{f.ratio:.0%} covered; lines never run: {_ranges(f.missing_lines) or 'none'}"
                + (
                    f"; {f.branches - f.covered_branches} branch(es) never taken"
                    if f.branches > f.covered_branches
                    else ""
                ),
                "Add a case to the harness that reaches these lines, or remove dead code.",
            )
            for f in sorted(run.coverage, key=lambda f: f.ratio)
            if f.ratio < 1.0
        )
        return GateResult(
            self.name,
            "gate",
            status_of(ratio >= params.min_coverage),
            round(ratio, 4),
            f"{ratio:.1%}",
            target,
            findings,
            details=f"{covered}/{statements} statements and {covered_branches}/{branches} branches run by the harness",
        )
