"""Coupling gate: efferent/afferent coupling and cycles in the package's import graph."""

from __future__ import annotations

from dataclasses import dataclass

from katabench.gates.base import CheckContext, status_of, unparseable
from katabench.metrics.imports import build_graph, coupling, cycles
from katabench.model import Finding, GateResult


@dataclass(frozen=True)
class CouplingParams:
    max_efferent: int = 5
    max_afferent: int = 0  # 0: no limit
    allow_cycles: bool = False

    def __post_init__(self) -> None:
        if self.max_efferent < 0 or self.max_afferent < 0:
            raise ValueError("max_efferent: expected an integer of at least 0 (and max_afferent >= 0)")


class CouplingGate:
    name = "coupling"
    title = "Coupling"
    Params = CouplingParams
    slow = False

    def run(self, params: CouplingParams, ctx: CheckContext) -> GateResult:
        target = f"Ce ≤ {params.max_efferent}" + (f", Ca ≤ {params.max_afferent}" if params.max_afferent else "")
        target += "" if params.allow_cycles else ", no cycles"
        package = ctx.package
        failed = unparseable(self.name, "gate", package, target)
        if failed:
            return failed
        graph = build_graph((s.module, s.is_package_init, s.tree) for s in package.files)
        paths = {s.module: s.path for s in package.files}
        numbers = coupling(graph)
        loops = [] if params.allow_cycles else cycles(graph)
        findings: list[Finding] = []
        for m in numbers:
            if m.efferent > params.max_efferent:
                findings.append(
                    Finding(
                        paths[m.module],
                        0,
                        0,
                        self.name,
                        f"imports {m.efferent} modules of the package (Ce > {params.max_efferent})",
                        "Move functions to the module whose data they use; depend on fewer modules.",
                    )
                )
            if params.max_afferent and m.afferent > params.max_afferent:
                findings.append(
                    Finding(
                        paths[m.module],
                        0,
                        0,
                        self.name,
                        f"imported by {m.afferent} modules (Ca > {params.max_afferent})",
                    )
                )
        for loop in loops:
            first = loop[0]
            line = graph[first].get(loop[1 % len(loop)], 0) if len(loop) > 1 else 0
            findings.append(
                Finding(
                    paths[first],
                    line,
                    0,
                    self.name,
                    "import cycle: " + " -> ".join([*loop, first]),
                    "Break the cycle: move the shared piece into a module both can import.",
                )
            )
        worst = max((m.efferent for m in numbers), default=0)
        data = {
            m.module: {"efferent": m.efferent, "afferent": m.afferent, "instability": round(m.instability, 2)}
            for m in numbers
        }
        return GateResult(
            self.name,
            "gate",
            status_of(not findings),
            worst,
            f"max Ce {worst}, {len(loops)} cycle(s)",
            target,
            tuple(findings),
            data={"modules": data},
        )
