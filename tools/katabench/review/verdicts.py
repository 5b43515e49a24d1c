"""Verdicts on a commit, judged from its facts and its parent's: pure functions, no git, no I/O.

- `red`: the harness failed at this commit;
- `behaviour-change`: the harness is red, or approved files changed (the
  pinned behaviour itself was edited);
- `harness-changed`: the approval harness was edited (loud: a kata's harness
  is locked);
- `big-bang`: too many lines, or too many kinds of refactoring, in one step;
- `metric-regression`: a metric the kata sets a target for (one of its gates,
  or its rules) moved the wrong way and now misses the target;
- `unparseable`: a file of the kata does not parse (nothing can judge it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from katabench.review.model import METRICS, TIDY_TYPES, CommitFacts, Harness, Metrics, Verdict
from katabench.spec import Kata

# Calibrated on the reference paths (tests/test_review_verdicts.py): fewer than one step in ten goes past
# either, and those are steps the kata authors would call large themselves.
MAX_LINES = 250
MAX_KINDS = 3


@dataclass(frozen=True)
class Limits:
    max_lines: int = MAX_LINES
    max_kinds: int = MAX_KINDS  # distinct refactoring types in one commit


@dataclass(frozen=True)
class Target:
    metric: str
    better: str  # "lower" or "higher"
    limit: float
    source: str  # the gate (or rule) that sets it

    def met(self, value: float | None) -> bool:
        if value is None:
            return True
        return value <= self.limit if self.better == "lower" else value >= self.limit

    @property
    def text(self) -> str:
        return f"{'≤' if self.better == 'lower' else '≥'} {self.limit:g}"


@dataclass(frozen=True)
class KataTargets:
    """A kata's targets, computed once from its spec (and cached with it: no gate module needed after)."""

    targets: dict[str, Target]
    judged: frozenset[str]  # the sources the kata sets targets with: its gates' names, and "rules"

    @property
    def own(self) -> dict[str, Target]:
        """The targets the kata itself sets (a gate it lacks judges nothing)."""
        return {name: t for name, t in self.targets.items() if t.source in self.judged}

    def to_json(self) -> dict[str, Any]:
        return {
            "targets": {n: [t.better, t.limit, t.source] for n, t in self.targets.items()},
            "judged": sorted(self.judged),
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> KataTargets:
        return KataTargets(
            {n: Target(n, better, float(limit), source) for n, (better, limit, source) in data["targets"].items()},
            frozenset(data["judged"]),
        )


def kata_targets(kata: Kata) -> KataTargets:
    return KataTargets(targets(kata), frozenset({g.name for g in kata.gates} | ({"rules"} if kata.rules else set())))


def targets(kata: Kata) -> dict[str, Target]:
    """Each metric's target: the kata's gate parameters, or the gate's defaults when it has none."""
    from katabench.gates import GATES

    def params(name: str) -> Any:
        spec = kata.gate(name)
        return spec.params if spec else GATES[name].Params()

    complexity = params("complexity")
    found = {
        "max_cyclomatic": Target("max_cyclomatic", "lower", complexity.max_cyclomatic, "complexity"),
        "max_cognitive": Target("max_cognitive", "lower", complexity.max_cognitive, "complexity"),
        "min_mi": Target("min_mi", "higher", params("maintainability").min_mi, "maintainability"),
        "max_efferent": Target("max_efferent", "lower", params("coupling").max_efferent, "coupling"),
        "max_lcom4": Target("max_lcom4", "lower", params("cohesion").max_lcom4, "cohesion"),
        "duplicated_lines": Target(
            "duplicated_lines", "lower", params("duplication").max_duplicated_lines, "duplication"
        ),
        "rule_findings": Target("rule_findings", "lower", 0, "rules"),
    }
    if not params("coupling").allow_cycles:
        found["cycles"] = Target("cycles", "lower", 0, "coupling")
    return found


def target_reached(kata: KataTargets, metrics: Metrics | None, harness: Harness) -> bool:
    """Every static gate and design rule of the kata passes, and the harness is not red."""
    if metrics is None or metrics.problems or harness.light == "red":
        return False
    for target in kata.own.values():
        if target.metric == "rule_findings" and metrics.get("rule_findings") is None:
            return False  # rules not run: the target cannot be confirmed
        if not target.met(metrics.get(target.metric)):
            return False
    return True


_LABELS = {name: label for name, label, _better in METRICS}


def regressions(kata: KataTargets, before: Metrics | None, after: Metrics | None) -> list[str]:
    """Metrics the kata sets a target for that got worse in this step and now miss it."""
    if before is None or after is None:
        return []
    found = []
    wanted = kata.own
    for name, label, better in METRICS:
        old, new = before.get(name), after.get(name)
        target = wanted.get(name)
        if old is None or new is None or target is None or better == "neutral":
            continue
        worse = new > old if better == "lower" else new < old - 0.5  # MI moves a little with every edit
        if worse and not target.met(new):
            where = after.worst.get(name)
            found.append(f"{label} {old:g} → {new:g} (target {target.text})" + (f" in {where}" if where else ""))
    return found


def judge(
    kata: KataTargets, facts: CommitFacts, harness: Harness, parent: Metrics | None, limits: Limits = Limits()
) -> tuple[Verdict, ...]:
    verdicts: list[Verdict] = []
    if harness.light == "red":
        verdicts.append(Verdict("red", "error", f"harness red: {harness.summary}"))
    if harness.light == "red" or facts.approved_changes:
        why = (
            f"approved files changed: {', '.join(facts.approved_changes)}"
            if facts.approved_changes
            else "the harness no longer passes"
        )
        verdicts.append(Verdict("behaviour-change", "error", f"behaviour changed: {why}"))
    other = [p for p in facts.harness_changes if p not in facts.approved_changes]
    if other:
        verdicts.append(Verdict("harness-changed", "error", f"the approval harness was edited: {', '.join(other)}"))
    if facts.unparseable:
        first = facts.unparseable[0]
        verdicts.append(Verdict("unparseable", "error", f"does not parse: {first.path}:{first.line}: {first.message}"))
    if not facts.is_merge:
        kinds = sorted({r.type for r in facts.refactorings if r.type not in TIDY_TYPES})
        if facts.rewritten > limits.max_lines:
            moved = f", {facts.moved} more only moved" if facts.moved else ""
            verdicts.append(
                Verdict(
                    "big-bang",
                    "warning",
                    f"{facts.rewritten} lines changed in one step{moved} (limit {limits.max_lines})",
                )
            )
        elif len(kinds) > limits.max_kinds:
            verdicts.append(
                Verdict(
                    "big-bang",
                    "warning",
                    f"{len(kinds)} kinds of refactoring in one step (limit {limits.max_kinds}): {', '.join(kinds)}",
                )
            )
    found = regressions(kata, parent, facts.metrics)
    if found:
        verdicts.append(Verdict("metric-regression", "warning", "; ".join(found)))
    return tuple(verdicts)


def is_hand_made(facts: CommitFacts) -> bool:
    """A step that changed the kata's code with no named refactoring found in it."""
    return facts.detected and facts.code_changed and not facts.refactorings and not facts.is_merge


def strokes(facts: CommitFacts, harness: Harness) -> int:
    """Golf: one stroke per step, one more when it was red (or did not parse), one more when hand-made."""
    if facts.is_merge or not facts.code_changed:
        return 0
    cost = 1
    if harness.light == "red" or facts.unparseable:
        cost += 1
    if is_hand_made(facts):
        cost += 1
    return cost
