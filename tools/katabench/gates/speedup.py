"""Speed-up gate: the kata's code against the untouched legacy code, on the same input, in the same run.

Both run the probe's workload on one generated input, alternately, each in a
fresh subprocess; the gate compares the medians as a ratio, so a slow or busy
machine slows both alike. The results must also agree: a fast wrong answer fails.
"""

from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.model import Finding, GateResult, errored
from katabench.probe import Overrun, Probe, ProbeError


@dataclass(frozen=True)
class SpeedupParams:
    min_speedup: float
    size: int = 10_000
    runs: int = 5
    probe: str = "probe.py"
    timeout: float = 120.0  # per run, for the legacy code as much as the student's

    def __post_init__(self) -> None:
        if self.min_speedup <= 0:
            raise ValueError("min_speedup: expected a positive ratio, e.g. 20")
        if self.runs < 1 or self.size < 1:
            raise ValueError("runs: expected a positive integer (and size >= 1)")


def paired_medians(probe: Probe, params: SpeedupParams) -> tuple[float, float, set[str]] | str:
    """Medians of (legacy, student) workload seconds, alternating runs; or why they could not be measured."""
    baseline: list[float] = []
    student: list[float] = []
    digests: set[str] = set()
    for _ in range(params.runs):
        for root, times in ((probe.baseline, baseline), (probe.student, student)):
            result = probe.measure(root, "time", params.timeout, params.size)
            if isinstance(result, Overrun):
                who = "the legacy code" if root == probe.baseline else "the kata's code"
                return f"{who} did not finish the workload within {result.seconds:g} s"
            times.append(result["seconds"])
            digests.add(f"{root.name}:{result['digest']}")
    return statistics.median(baseline), statistics.median(student), digests


class SpeedupGate:
    name = "speedup"
    title = "Speed-up"
    Params = SpeedupParams
    slow = False

    def run(self, params: SpeedupParams, ctx: CheckContext) -> GateResult:
        target = f"≥ {params.min_speedup:g}× legacy"
        failed = unparseable(self.name, "gate", ctx.package, target)
        if failed:
            return failed
        with tempfile.TemporaryDirectory(prefix="katabench-speedup-") as tmp:
            try:
                probe = Probe(ctx.kata, ctx.workspace, params.probe, Path(tmp))
                ctx.progress(f"timing the workload against the legacy code ({params.runs} runs each)")
                measured = paired_medians(probe, params)
            except ProbeError as error:
                return errored(self.name, "gate", str(error), target)
        if isinstance(measured, str):
            return errored(self.name, "gate", measured, target)
        legacy, student, digests = measured
        results = {d.split(":", 1)[1] for d in digests}
        ratio = legacy / student if student > 0 else float("inf")
        how = (
            f"median of {params.runs} runs each, alternating, on one generated input (size={params.size}): "
            f"legacy {legacy * 1000:.1f} ms, yours {student * 1000:.1f} ms"
        )
        findings: list[Finding] = []
        if len(results) > 1:
            findings.append(
                Finding(
                    str(ctx.kata.legacy),
                    0,
                    0,
                    self.name,
                    "the result on the generated input differs from the legacy code's",
                    "A faster wrong answer does not count: compare with the harness's cases.",
                )
            )
        if ratio < params.min_speedup:
            findings.append(
                Finding(
                    str(ctx.kata.legacy),
                    0,
                    0,
                    self.name,
                    f"{ratio:.1f}× faster than the legacy code; {params.min_speedup:g}× needed",
                    "Profile first (cProfile), then fix the hot spot: the right data structure "
                    "beats micro-optimisation.",
                )
            )
        return GateResult(
            self.name,
            "gate",
            status_of(not findings),
            round(ratio, 2),
            f"{ratio:.1f}×",
            target,
            tuple(findings),
            details=how,
            data={"legacy_seconds": legacy, "seconds": student, "runs": params.runs, "size": params.size},
        )
