"""Run a kata's gates and rules on a workspace, and say where the student stands.

The harness run, mypy and the static gates run side by side (the two
subprocesses wait on I/O while the static analysis runs in this process);
mutation testing runs last, and only on a green harness.
"""

from __future__ import annotations

import functools
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from katabench.gates import GATES, CheckContext
from katabench.gates.base import unparseable
from katabench.model import GateResult, Status, errored, skipped
from katabench.prefetch import HarnessPrefetch
from katabench.rules import RULES
from katabench.spec import GateSpec, Kata, Milestone, RuleSpec
from katabench.workspace import stage

# Gates whose work is a subprocess: started first, on threads.
BACKGROUND = ("approvals", "coverage", "typing")


@dataclass(frozen=True)
class Selection:
    """Which gates and rules to run: `only` and `skip` hold gate names, rule ids or "rules"."""

    only: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()

    def wants(self, name: str, kind: str) -> bool:
        names = {name, "rules"} if kind == "rule" else {name}
        if self.only and not (names & self.only):
            return False
        return not (names & self.skip)


@dataclass(frozen=True)
class MilestoneStatus:
    index: int
    milestone: Milestone
    state: str  # "reached", "open", "unknown" (a gate it needs was not run)
    failing: tuple[str, ...]


@dataclass(frozen=True)
class CheckReport:
    kata: str
    title: str
    started: str
    duration: float
    results: tuple[GateResult, ...]
    milestones: tuple[MilestoneStatus, ...]

    @property
    def passed(self) -> bool:
        return all(r.status in (Status.PASS, Status.SKIPPED) for r in self.results) and any(
            r.status is Status.PASS for r in self.results
        )

    @property
    def next_milestone(self) -> MilestoneStatus | None:
        return next((m for m in self.milestones if m.state == "open"), None)

    def result(self, name: str) -> GateResult | None:
        return next((r for r in self.results if r.name == name), None)

    @property
    def light(self) -> str:
        """The traffic light of the harness: green, red, or amber (it could not run the code)."""
        approvals = self.result("approvals")
        if approvals is None or approvals.status is Status.SKIPPED:
            return "none"
        if approvals.status is Status.PASS:
            return "green"
        # Amber, as in cyber-dojo: the code could not even be imported and run by any test.
        return "amber" if approvals.status is Status.ERROR or approvals.data.get("tests") == 0 else "red"

    def to_json(self) -> dict[str, object]:
        nxt = self.next_milestone
        return {
            "schema": "katabench.check/1",
            "kata": self.kata,
            "title": self.title,
            "started": self.started,
            "duration": round(self.duration, 3),
            "passed": self.passed,
            "light": self.light,
            "results": [r.to_json() for r in self.results],
            "milestones": [
                {
                    "index": m.index,
                    "title": m.milestone.title,
                    "state": m.state,
                    "failing": list(m.failing),
                    "hint": m.milestone.hint,
                }
                for m in self.milestones
            ],
            "next_milestone": None
            if nxt is None
            else {
                "index": nxt.index,
                "title": nxt.milestone.title,
                "hint": nxt.milestone.hint,
                "failing": list(nxt.failing),
            },
        }


def _safely(name: str, kind: str, run: Callable[[], GateResult]) -> GateResult:
    started = time.perf_counter()
    try:
        result = run()
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        result = errored(
            name,
            kind,
            f"internal error in katabench ({type(error).__name__}: {error}, at "
            f"{Path(where.filename).name}:{where.lineno}); please report it",
        )
    if not result.duration:
        result = GateResult(**{**result.__dict__, "duration": time.perf_counter() - started})
    return result


def run_rule(spec: RuleSpec, ctx: CheckContext) -> GateResult:
    rule_class = RULES[spec.id]
    failed = unparseable(spec.id, "rule", ctx.package, "none")
    if failed:
        return failed
    findings = rule_class(spec.params).run(ctx.package)
    status = Status.PASS if not findings else Status.FAIL
    return GateResult(
        spec.id,
        "rule",
        status,
        len(findings),
        f"{len(findings)} finding(s)",
        "none",
        tuple(findings),
        details=rule_class.summary,
    )


def milestone_states(kata: Kata, results: Iterable[GateResult]) -> tuple[MilestoneStatus, ...]:
    by_name = {r.name: r for r in results}
    states = []
    for index, milestone in enumerate(kata.milestones, start=1):
        failing = tuple(
            n for n in milestone.checks if n in by_name and by_name[n].status in (Status.FAIL, Status.ERROR)
        )
        unknown = any(n not in by_name or by_name[n].status is Status.SKIPPED for n in milestone.checks)
        state = "open" if failing else ("unknown" if unknown else "reached")
        states.append(MilestoneStatus(index, milestone, state, failing))
    return tuple(states)


def run_check(
    kata: Kata,
    workspace: Path,
    state: Path,
    selection: Selection = Selection(),
    progress: Callable[[str], None] = lambda message: None,
    *,
    prefetched: HarnessPrefetch | None = None,
) -> CheckReport:
    """Check the kata's code in `workspace` (a folder with the repository layout).

    `prefetched` is a harness run already started on this workspace, used if it matches the spec.
    """
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    gates = [g for g in kata.gates if selection.wants(g.name, "gate")]
    rules = [r for r in kata.rules if selection.wants(r.id, "rule")]
    ctx = CheckContext(
        kata,
        workspace,
        state,
        coverage_wanted=any(g.name == "coverage" for g in gates),
        progress=progress,
        prefetched=prefetched,
    )
    results: dict[str, GateResult] = {}

    def gate_job(spec: GateSpec) -> Callable[[], GateResult]:
        return lambda: GATES[spec.name].run(spec.params, ctx)

    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="gate") as pool:
        futures: dict[str, Future[GateResult]] = {
            g.name: pool.submit(_safely, g.name, "gate", gate_job(g)) for g in gates if g.name in BACKGROUND
        }
        for spec in gates:
            if spec.name not in BACKGROUND and not GATES[spec.name].slow:
                progress(f"measuring {spec.name}")
                results[spec.name] = _safely(spec.name, "gate", gate_job(spec))
        if rules:
            progress("checking design rules")
        for rule in rules:
            results[rule.id] = _safely(rule.id, "rule", functools.partial(run_rule, rule, ctx))
        for name, future in futures.items():
            results[name] = future.result()

    for spec in gates:
        if GATES[spec.name].slow:
            approvals = results.get("approvals")
            if approvals is not None and approvals.status is not Status.PASS:
                results[spec.name] = skipped(
                    spec.name, "gate", "the harness is not green; mutation testing needs a green harness"
                )
            else:
                results[spec.name] = _safely(spec.name, "gate", gate_job(spec))

    ordered: list[GateResult] = []
    for g in kata.gates:
        ordered.append(results.get(g.name) or skipped(g.name, "gate", "not selected"))
    for r in kata.rules:
        ordered.append(results.get(r.id) or skipped(r.id, "rule", "not selected"))
    return CheckReport(
        kata.name,
        kata.title,
        started_at,
        time.perf_counter() - started,
        tuple(ordered),
        milestone_states(kata, ordered),
    )


def check_code(
    kata: Kata,
    code: Path | None,
    state: Path,
    selection: Selection = Selection(),
    progress: Callable[[str], None] = lambda message: None,
    *,
    harness: Path | None = None,
) -> CheckReport:
    """Check a version of the kata's package (`code`, a reference step say) and/or of its harness.

    A pin kata's reference steps are versions of the harness: pass them as `harness`.
    """
    with tempfile.TemporaryDirectory(prefix="katabench-code-") as tmp:
        workspace = Path(tmp)
        stage(kata, kata.root, workspace, code, harness)
        (workspace / "pytest.ini").unlink()
        return run_check(kata, workspace, state, selection, progress)


def check_step(
    kata: Kata,
    step: Path,
    state: Path,
    selection: Selection = Selection(),
    progress: Callable[[str], None] = lambda message: None,
) -> CheckReport:
    """Check a reference step: a version of the code, or of the harness for a pin kata."""
    if kata.kind == "pin":
        return check_code(kata, None, state, selection, progress, harness=step)
    return check_code(kata, step, state, selection, progress)
