"""Time-bound gate: pathological inputs finish within a bound, and throughput holds against the legacy code.

Each pathological input (say, a log line that makes a backtracking regex
explode) runs in its own subprocess, killed on overrun: a catastrophic
pattern takes seconds to forever, a sound one microseconds, so a generous
bound tells them apart on any machine. Throughput on a generated input is a
ratio against the untouched legacy code measured in the same run.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.gates.speedup import SpeedupParams, paired_medians
from katabench.model import Finding, GateResult, errored
from katabench.probe import Overrun, Probe, ProbeError

STARTUP_ALLOWANCE = 5.0  # seconds for the subprocess to start and import, on top of the bound


@dataclass(frozen=True)
class TimeBoundParams:
    max_seconds: float = 1.0  # per pathological input
    min_throughput_ratio: float = 1.0  # the kata's code against the legacy code on a generated input
    size: int = 10_000
    runs: int = 5
    probe: str = "probe.py"

    def __post_init__(self) -> None:
        if self.max_seconds <= 0 or self.min_throughput_ratio < 0:
            raise ValueError("max_seconds: expected a positive number of seconds (and min_throughput_ratio >= 0)")


def _overrun_finding(ctx: CheckContext, index: int, text: str, result: dict[str, float] | Overrun) -> Finding:
    shown = text if len(text) <= 60 else text[:57] + "..."
    took = f"over {result.seconds:g} s (killed)" if isinstance(result, Overrun) else f"{result['seconds']:.2f} s"
    return Finding(
        str(ctx.kata.legacy),
        0,
        0,
        "timebound",
        f"pathological input {index} ({len(text)} chars, {shown!r}) took {took}",
        "Catastrophic backtracking: avoid nested quantifiers over the same characters; "
        "anchor the pattern and use specific character classes.",
    )


def run_pathological(probe: Probe, params: TimeBoundParams, ctx: CheckContext) -> tuple[list[Finding], float, int]:
    """(findings, worst seconds, inputs run). The first overrun ends the run: it already fails the
    gate, and every further catastrophic input would cost its full deadline again."""
    inputs = probe.pathological_inputs(60.0)
    worst = 0.0
    for index, text in enumerate(inputs, start=1):
        ctx.progress(f"pathological input {index}/{len(inputs)}")
        result = probe.measure(probe.student, "one", params.max_seconds + STARTUP_ALLOWANCE, text=text)
        seconds = result.seconds if isinstance(result, Overrun) else float(result["seconds"])
        worst = max(worst, seconds)
        if isinstance(result, Overrun) or seconds > params.max_seconds:
            return [_overrun_finding(ctx, index, text, result)], worst, index
    return [], worst, len(inputs)


class TimeBoundGate:
    name = "timebound"
    title = "Time bound"
    Params = TimeBoundParams
    slow = False

    def run(self, params: TimeBoundParams, ctx: CheckContext) -> GateResult:
        target = f"each ≤ {params.max_seconds:g} s, throughput ≥ {params.min_throughput_ratio:g}× legacy"
        failed = unparseable(self.name, "gate", ctx.package, target)
        if failed:
            return failed
        with tempfile.TemporaryDirectory(prefix="katabench-timebound-") as tmp:
            try:
                probe = Probe(ctx.kata, ctx.workspace, params.probe, Path(tmp))
                findings, worst, tried = run_pathological(probe, params, ctx)
                ctx.progress("measuring throughput against the legacy code")
                speed = paired_medians(probe, SpeedupParams(1.0, params.size, params.runs, params.probe))
            except ProbeError as error:
                return errored(self.name, "gate", str(error), target)
        if isinstance(speed, str):
            return errored(self.name, "gate", speed, target)
        legacy, student, _digests = speed
        ratio = legacy / student if student > 0 else float("inf")
        if ratio < params.min_throughput_ratio:
            findings.append(
                Finding(
                    str(ctx.kata.legacy),
                    0,
                    0,
                    self.name,
                    f"throughput {ratio:.2f}× the legacy code's; {params.min_throughput_ratio:g}× needed",
                    "Compile patterns once (module level) and match each line once.",
                )
            )
        how = (
            f"{tried} pathological input(s) run, each in its own subprocess killed after "
            f"{params.max_seconds + STARTUP_ALLOWANCE:g} s (the first overrun ends them); throughput: median of "
            f"{params.runs} runs each on a generated input (size={params.size}), legacy {legacy * 1000:.1f} ms, "
            f"yours {student * 1000:.1f} ms"
        )
        return GateResult(
            self.name,
            "gate",
            status_of(not findings),
            round(worst, 3),
            f"worst {worst:.2f} s, {ratio:.1f}× legacy",
            target,
            tuple(findings),
            details=how,
            data={"worst_seconds": worst, "throughput_ratio": ratio, "inputs_run": tried},
        )
