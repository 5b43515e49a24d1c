"""The values of a review: what was found per commit, the verdicts, the golf card, the whole review.

All frozen dataclasses with `to_json` / `from_json`, because the same values
travel through the SQLite cache, the JSON report (`katabench.review/1`) and
the class merge.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "katabench.review/1"
CLASS_SCHEMA = "katabench.review-class/1"

# The refactoring types the detector names (docs/review.md), in the order reports list them.
TYPES = (
    "rename",
    "extract-variable",
    "extract-function",
    "extract-method",
    "inline-function",
    "move-function",
    "extract-class",
    "introduce-parameter-object",
    "replace-conditional-with-polymorphism",
)
# Steps that change no behaviour-bearing code: named, but not refactorings of the catalogue.
TIDY_TYPES = ("add-type-hints", "tidy")


@dataclass(frozen=True)
class Refactoring:
    """One refactoring found between a commit and its parent, with the names involved."""

    type: str  # one of TYPES or TIDY_TYPES
    kind: str  # rename: function/method/parameter/variable/class; move: function/class; else ""
    description: str  # how a reader sees it: "extract function `check_return` from `assess_return`"
    before: tuple[str, ...]  # names as they were
    after: tuple[str, ...]  # names as they are
    path: str  # where it landed (the repository path of the file)
    line: int

    def to_json(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "before": list(self.before), "after": list(self.after)}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Refactoring:
        return Refactoring(
            data["type"],
            data["kind"],
            data["description"],
            tuple(data["before"]),
            tuple(data["after"]),
            data["path"],
            data["line"],
        )


# The metrics of a commit: names, how to show them, and which way is better.
METRICS: tuple[tuple[str, str, str], ...] = (
    ("max_cyclomatic", "max CC", "lower"),
    ("max_cognitive", "max cognitive", "lower"),
    ("min_mi", "worst MI", "higher"),
    ("max_efferent", "max Ce", "lower"),
    ("cycles", "import cycles", "lower"),
    ("max_lcom4", "max LCOM4", "lower"),
    ("duplicated_lines", "duplicated lines", "lower"),
    ("rule_findings", "rule findings", "lower"),
    ("lines", "lines", "neutral"),
)


@dataclass(frozen=True)
class Problem:
    """A file no metric can judge (it does not parse, is not UTF-8, is too large)."""

    path: str
    line: int
    message: str

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Metrics:
    """The foundation's metrics for the kata's package at one commit (None: could not measure)."""

    values: dict[str, float | None]
    worst: dict[str, str]  # metric -> where its worst value is, e.g. "fines.py: assess_return"
    rules: dict[str, int]  # rule id -> findings
    problems: tuple[Problem, ...]

    def get(self, name: str) -> float | None:
        return self.values.get(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "values": dict(self.values),
            "worst": dict(self.worst),
            "rules": dict(self.rules),
            "problems": [p.to_json() for p in self.problems],
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> Metrics:
        return Metrics(
            dict(data["values"]),
            dict(data["worst"]),
            dict(data["rules"]),
            tuple(Problem(**p) for p in data["problems"]),
        )


@dataclass(frozen=True)
class Harness:
    """The harness at one commit: green, red, or not run (and why)."""

    light: str  # "green", "red", "not run"
    summary: str  # "12 passed", "2 failed: test_x", "timed out after 60 s"
    failing: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"light": self.light, "summary": self.summary, "failing": list(self.failing)}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Harness:
        return Harness(data["light"], data["summary"], tuple(data.get("failing", ())))


NOT_RUN = Harness("not run", "run with --run-tests")


@dataclass(frozen=True)
class CommitFacts:
    """Everything measured about one commit; verdicts are judged from these (see `verdicts`)."""

    sha: str
    parents: tuple[str, ...]
    author: str
    date: str
    subject: str
    added: int  # lines added in the kata's code
    removed: int
    files: tuple[str, ...]  # kata files changed
    binary: tuple[str, ...]  # binary files changed in the kata's code
    harness_changes: tuple[str, ...]  # harness files changed (approved files included)
    approved_changes: tuple[str, ...]  # approved files changed
    metrics: Metrics | None  # None: the kata's package is not in this commit
    refactorings: tuple[Refactoring, ...]
    detected: bool  # False when detection was not run (metrics-only review)
    moved: int = 0  # lines removed in one place and added in another, unchanged

    @property
    def rewritten(self) -> int:
        """The size of the step: lines added and removed, moved lines left out."""
        return max(0, self.added + self.removed - 2 * self.moved)

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1

    @property
    def code_changed(self) -> bool:
        return bool(self.files)

    @property
    def lines(self) -> int:
        return self.added + self.removed

    @property
    def unparseable(self) -> tuple[Problem, ...]:
        return self.metrics.problems if self.metrics else ()

    def to_json(self) -> dict[str, Any]:
        return {
            "sha": self.sha,
            "parents": list(self.parents),
            "author": self.author,
            "date": self.date,
            "subject": self.subject,
            "added": self.added,
            "removed": self.removed,
            "files": list(self.files),
            "binary": list(self.binary),
            "harness_changes": list(self.harness_changes),
            "approved_changes": list(self.approved_changes),
            "metrics": None if self.metrics is None else self.metrics.to_json(),
            "refactorings": [r.to_json() for r in self.refactorings],
            "detected": self.detected,
            "moved": self.moved,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> CommitFacts:
        return CommitFacts(
            data["sha"],
            tuple(data["parents"]),
            data["author"],
            data["date"],
            data["subject"],
            data["added"],
            data["removed"],
            tuple(data["files"]),
            tuple(data["binary"]),
            tuple(data["harness_changes"]),
            tuple(data["approved_changes"]),
            None if data["metrics"] is None else Metrics.from_json(data["metrics"]),
            tuple(Refactoring.from_json(r) for r in data["refactorings"]),
            data["detected"],
            data.get("moved", 0),
        )


@dataclass(frozen=True)
class Verdict:
    code: str  # red, big-bang, behaviour-change, metric-regression, unparseable, harness-changed
    severity: str  # "error" or "warning"
    message: str

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class CommitReview:
    index: int  # 1-based position in the reviewed range
    facts: CommitFacts
    harness: Harness
    verdicts: tuple[Verdict, ...]
    strokes: int  # golf: what this step cost

    def has(self, code: str) -> bool:
        return any(v.code == code for v in self.verdicts)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            **self.facts.to_json(),
            "harness": self.harness.to_json(),
            "verdicts": [v.to_json() for v in self.verdicts],
            "strokes": self.strokes,
        }


@dataclass(frozen=True)
class Golf:
    """Refactoring golf: strokes to reach the target, against the par of the reference path."""

    strokes: int
    par: int | None
    steps: int
    red_steps: int
    hand_made_steps: int
    target_reached: bool
    reached_at: str | None  # the commit that first reached the target
    summary: str

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Review:
    kata: str
    title: str
    source: str  # the repository (or submission) reviewed
    base: str | None
    head: str
    generated: str
    options: dict[str, Any]
    baseline: Metrics | None  # the metrics at base
    commits: tuple[CommitReview, ...]
    golf: Golf
    notes: tuple[str, ...]  # things the reader should know (dirty tree, unreadable commits, ...)
    targets: dict[str, tuple[str, float]] = field(default_factory=dict)  # metric -> ("≤ 8", 8.0)

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for commit in self.commits:
            for refactoring in commit.facts.refactorings:
                found[refactoring.type] = found.get(refactoring.type, 0) + 1
        return found

    def to_json(self) -> dict[str, Any]:
        verdicts: dict[str, int] = {}
        for commit in self.commits:
            for verdict in commit.verdicts:
                verdicts[verdict.code] = verdicts.get(verdict.code, 0) + 1
        lights: dict[str, int] = {}
        for commit in self.commits:
            lights[commit.harness.light] = lights.get(commit.harness.light, 0) + 1
        last = next((c.facts.metrics for c in reversed(self.commits) if c.facts.metrics), self.baseline)
        return {
            "schema": SCHEMA,
            "kata": self.kata,
            "title": self.title,
            "source": self.source,
            "base": self.base,
            "head": self.head,
            "generated": self.generated,
            "options": self.options,
            "summary": {
                "commits": len(self.commits),
                "lights": lights,
                "verdicts": verdicts,
                "refactorings": self.counts(),
                "first": None if self.baseline is None else self.baseline.to_json()["values"],
                "last": None if last is None else last.to_json()["values"],
            },
            "golf": self.golf.to_json(),
            "baseline": None if self.baseline is None else self.baseline.to_json(),
            "commits": [c.to_json() for c in self.commits],
            "notes": list(self.notes),
            "targets": {name: {"text": text, "limit": limit} for name, (text, limit) in self.targets.items()},
        }


def json_text(data: dict[str, Any]) -> str:
    """A review (or a class's) as the JSON report prints it: here, so printing it needs no Rich."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
