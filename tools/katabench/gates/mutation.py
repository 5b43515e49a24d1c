"""Mutation gate: how many mutants of the kata's code the harness kills (mutmut 3)."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of
from katabench.model import Finding, GateResult, errored
from katabench.mutation import run_mutation

HINTS = {
    "survived": "The harness does not notice this change: add a case that pins this behaviour.",
    "no tests": "No test runs this function: reach it from the harness, or remove it if it is dead.",
    "timeout": "The mutant made the code loop; counted against the score.",
    "not checked": "mutmut did not get to this mutant.",
}


@dataclass(frozen=True)
class MutationParams:
    min_score: float = 0.85
    timeout_multiplier: float = 15.0

    def __post_init__(self) -> None:
        if not 0 <= self.min_score <= 1:
            raise ValueError("min_score: expected a fraction from 0 to 1, e.g. 0.85")
        if self.timeout_multiplier <= 0:
            raise ValueError("timeout_multiplier: expected a positive number")


class MutationGate:
    name = "mutation"
    title = "Mutation score"
    Params = MutationParams
    slow = True

    def run(self, params: MutationParams, ctx: CheckContext) -> GateResult:
        target = f"≥ {params.min_score:.2f}"
        result = run_mutation(
            ctx.kata, ctx.workspace, ctx.state, timeout_multiplier=params.timeout_multiplier, progress=ctx.progress
        )
        if not result.ok:
            return errored(self.name, "gate", result.error, target)
        score = result.score or 0.0
        findings = tuple(
            Finding(
                m.path,
                m.line,
                0,
                self.name,
                f"{m.status}: `{m.function}`" + (f": `{m.original}` -> `{m.mutated}`" if m.original else ""),
                HINTS.get(m.status, "Counted against the score."),
            )
            for m in result.not_killed
        )
        breakdown = ", ".join(f"{count} {status}" for status, count in sorted(result.counts.items()))
        return GateResult(
            self.name,
            "gate",
            status_of(score >= params.min_score),
            round(score, 4),
            f"{score:.2f} ({result.killed}/{result.total} killed)",
            target,
            findings,
            details=breakdown + (" (cached: nothing changed)" if result.cached else ""),
            data={"total": result.total, "counts": result.counts, "cached": result.cached},
        )
