"""Values that cross module boundaries: findings, gate results, check reports."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any


class Status(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"  # the gate could not measure (tool crashed, timeout of ours)
    SKIPPED = "skipped"  # not run: deselected, or a gate it needs failed


@dataclass(frozen=True)
class Finding:
    """One offender: where, what is wrong, and how to fix it.

    `source` is the rule id or gate name that produced it. `path` is relative
    to the repository (or workspace) root, in POSIX form; `line` and `column`
    are 1-based, or 0 when the finding is about a whole file or package.
    """

    path: str
    line: int
    column: int
    source: str
    message: str
    hint: str = ""

    @property
    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}" if self.column else f"{self.path}:{self.line}"
        return self.path

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class GateResult:
    """What a gate (or a design rule) measured, against which target.

    `measured` is the number the target applies to (None when nothing could be
    measured); `measured_text` and `target_text` are how a student reads them.
    """

    name: str
    kind: str  # "gate" or "rule"
    status: Status
    measured: float | None
    measured_text: str
    target_text: str
    findings: tuple[Finding, ...] = ()
    details: str = ""
    duration: float = 0.0
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def passed(self) -> bool:
        return self.status is Status.PASS

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "status": self.status.value,
            "measured": self.measured,
            "measured_text": self.measured_text,
            "target_text": self.target_text,
            "findings": [f.to_json() for f in self.findings],
            "details": self.details,
            "duration": round(self.duration, 3),
            "data": self.data,
        }


def skipped(name: str, kind: str, why: str, target_text: str = "") -> GateResult:
    return GateResult(name, kind, Status.SKIPPED, None, "—", target_text, details=why)


def errored(name: str, kind: str, why: str, target_text: str = "") -> GateResult:
    return GateResult(name, kind, Status.ERROR, None, "error", target_text, details=why)
