"""What every gate shares: the check context and the gate protocol.

A gate takes its parameters (a frozen dataclass from kata.toml) and a
`CheckContext`, and returns a `GateResult`. Gates never print: progress goes
through the context's callback, which the CLI renders.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from katabench.harness import HarnessRun, run_harness
from katabench.model import Finding, GateResult, Status
from katabench.prefetch import HarnessPrefetch
from katabench.sources import Package, load_package
from katabench.spec import Kata


def _no_progress(message: str) -> None:
    """Default progress sink: discard."""


@dataclass
class CheckContext:
    """One check of one kata in one workspace; caches what several gates share."""

    kata: Kata
    workspace: Path  # a folder with the repository layout (the repository itself, or a staged copy)
    state: Path  # .katabench/ of the repository: caches that survive between checks
    coverage_wanted: bool = False
    progress: Callable[[str], None] = _no_progress
    prefetched: HarnessPrefetch | None = None  # a harness run started before the spec was validated
    _package: Package | None = None
    _harness: HarnessRun | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def package(self) -> Package:
        if self._package is None:
            self._package = load_package(self.workspace, self.kata.legacy)
        return self._package

    def harness(self, timeout: float) -> HarnessRun:
        """The harness run shared by the approvals and coverage gates (run once)."""
        with self._lock:
            if self._harness is None:
                self.progress("running the harness")
                early = self.prefetched
                if early and early.serves(self.kata.legacy, self.kata.harness, timeout, self.coverage_wanted):
                    self._harness = early.result()
                else:
                    if early:
                        early.cancel()
                    self._harness = run_harness(
                        self.kata, self.workspace, timeout=timeout, with_coverage=self.coverage_wanted
                    )
            return self._harness

    def has_harness_run(self) -> bool:
        return self._harness is not None


class Gate(Protocol):
    """A gate: `slow` gates are left out of the fast loop (--no-mutation, watch)."""

    # Read-only members: gate classes declare them as plain class attributes.
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def Params(self) -> type: ...
    @property
    def slow(self) -> bool: ...

    def run(self, params: Any, ctx: CheckContext) -> GateResult: ...


def unparseable(name: str, kind: str, package: Package, target_text: str) -> GateResult | None:
    """A failing result when the package has files no gate can analyse, else None."""
    if not package.problems:
        return None
    findings = tuple(replace(p, source=name) for p in package.problems)
    first = package.problems[0]
    return GateResult(
        name,
        kind,
        Status.FAIL,
        None,
        "cannot analyse",
        target_text,
        findings,
        details=f"{first.location}: {first.message}",
    )


def harness_timeout(ctx: CheckContext) -> float:
    """The approvals gate's timeout: every gate that needs the harness run uses it."""
    approvals = ctx.kata.gate("approvals")
    return float(approvals.params.timeout) if approvals else 60.0


def status_of(ok: bool) -> Status:
    return Status.PASS if ok else Status.FAIL


def limit_findings(findings: list[Finding], limit: int = 50) -> tuple[Finding, ...]:
    return tuple(findings[:limit])
