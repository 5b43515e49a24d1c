"""Gates: one module per kind; each measures and returns a GateResult."""

from __future__ import annotations

from katabench.gates.approvals import ApprovalsGate
from katabench.gates.base import CheckContext, Gate
from katabench.gates.cohesion import CohesionGate
from katabench.gates.complexity import ComplexityGate
from katabench.gates.coupling import CouplingGate
from katabench.gates.coverage import CoverageGate
from katabench.gates.diffsize import DiffSizeGate
from katabench.gates.duplication import DuplicationGate
from katabench.gates.maintainability import MaintainabilityGate
from katabench.gates.memory import MemoryGate
from katabench.gates.mutation import MutationGate
from katabench.gates.speedup import SpeedupGate
from katabench.gates.timebound import TimeBoundGate
from katabench.gates.typecheck import TypingGate

GATES: dict[str, Gate] = {
    gate.name: gate
    for gate in (
        ApprovalsGate(),
        ComplexityGate(),
        MaintainabilityGate(),
        CouplingGate(),
        CohesionGate(),
        DuplicationGate(),
        MutationGate(),
        CoverageGate(),
        TypingGate(),
        MemoryGate(),
        SpeedupGate(),
        TimeBoundGate(),
        DiffSizeGate(),
    )
}

__all__ = ["GATES", "CheckContext", "Gate"]
