"""Memory gate: peak memory while the kata's code processes a large generated input.

Measured with tracemalloc in a subprocess (killed on overrun), on an input
the kata's probe writes; a streaming design stays far below a budget that
code reading everything into lists exceeds several times over.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.model import Finding, GateResult, errored
from katabench.probe import Overrun, Probe, ProbeError

MB = 1024 * 1024


@dataclass(frozen=True)
class MemoryParams:
    max_peak_mb: float
    size: int = 100_000  # passed to the probe's make_input
    probe: str = "probe.py"  # inside the harness folder
    timeout: float = 120.0

    def __post_init__(self) -> None:
        if self.max_peak_mb <= 0:
            raise ValueError("max_peak_mb: expected a positive number of megabytes")
        if self.size < 1 or self.timeout <= 0:
            raise ValueError("size: expected a positive integer (and timeout > 0)")


class MemoryGate:
    name = "memory"
    title = "Peak memory"
    Params = MemoryParams
    slow = False

    def run(self, params: MemoryParams, ctx: CheckContext) -> GateResult:
        target = f"≤ {params.max_peak_mb:g} MB"
        failed = unparseable(self.name, "gate", ctx.package, target)
        if failed:
            return failed
        with tempfile.TemporaryDirectory(prefix="katabench-memory-") as tmp:
            try:
                probe = Probe(ctx.kata, ctx.workspace, params.probe, Path(tmp))
                ctx.progress("measuring peak memory")
                result = probe.measure(probe.student, "memory", params.timeout, params.size)
            except ProbeError as error:
                return errored(self.name, "gate", str(error), target)
        if isinstance(result, Overrun):
            return errored(self.name, "gate", f"the workload did not finish within {result.seconds:g} s", target)
        peak = result["peak_bytes"] / MB
        how = (
            f"tracemalloc peak while processing a generated input of {result['input_bytes'] / MB:.1f} MB "
            f"(size={params.size}), in a subprocess"
        )
        findings: tuple[Finding, ...] = ()
        if peak > params.max_peak_mb:
            findings = (
                Finding(
                    str(ctx.kata.legacy),
                    0,
                    0,
                    self.name,
                    f"peak memory {peak:.1f} MB is {peak / params.max_peak_mb:.1f}× "
                    f"the budget of {params.max_peak_mb:g} MB",
                    "Stream: iterate over the file and pass items through generators instead of building lists.",
                ),
            )
        return GateResult(
            self.name,
            "gate",
            status_of(peak <= params.max_peak_mb),
            round(peak, 2),
            f"{peak:.1f} MB",
            target,
            findings,
            details=how,
            data={"peak_mb": round(peak, 3), "input_mb": round(result["input_bytes"] / MB, 3), "size": params.size},
        )
