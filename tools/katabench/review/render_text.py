"""A review as a terminal table (rich), as Markdown, and as JSON.

Only this layer (with `render_html`) turns a review into text; the command
decides where the text goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from katabench.review.model import METRICS, CommitReview, Refactoring, Review

LIGHT = {"green": ("● green", "green"), "red": ("● red", "red"), "not run": ("○ —", "dim")}
SEVERITY = {"error": "bold red", "warning": "yellow"}


def short(sha: str | None) -> str:
    return sha[:8] if sha else "—"


def _names(names: Sequence[str], most: int = 2) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" +{len(names) - most}" if len(names) > most else "")


def compact(refactoring: Refactoring) -> str:
    """A refactoring in a few words, for the terminal table."""
    if refactoring.type == "replace-conditional-with-polymorphism":
        members = sorted({name.rsplit(".", 1)[-1] for name in refactoring.after})
        classes = {name.rsplit(".", 1)[0] for name in refactoring.after}
        return f"polymorphism: {_names(refactoring.before, 1)} → {_names(members)} in {len(classes)} classes"
    if refactoring.type == "rename":
        return f"rename {refactoring.kind}: {_names(refactoring.before, 1)} → {_names(refactoring.after, 1)}"
    if refactoring.after:
        return f"{refactoring.type}: {_names(refactoring.after)}"
    return refactoring.description


def short_refactorings(commit: CommitReview) -> list[str]:
    """One short line per refactoring for the terminal table."""
    if not commit.facts.refactorings:
        return refactoring_lines(commit)
    return [compact(r) for r in commit.facts.refactorings]


def refactoring_lines(commit: CommitReview) -> list[str]:
    if not commit.facts.detected and commit.facts.code_changed and not commit.facts.is_merge:
        return ["(not detected)"]
    if commit.facts.is_merge:
        return ["(merge)"]
    if not commit.facts.code_changed:
        return ["(no change to the kata's code)"]
    if not commit.facts.refactorings:
        return ["hand-made: no named refactoring found"]
    return [r.description for r in commit.facts.refactorings]


def _metric_value(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def metric_rows(review: Review) -> list[tuple[str, str, str]]:
    """(metric, first, last) for the summary."""
    first = review.baseline
    last = next((c.facts.metrics for c in reversed(review.commits) if c.facts.metrics), first)
    rows = []
    for name, label, _better in METRICS:
        before = first.get(name) if first else None
        after = last.get(name) if last else None
        rows.append((label, _metric_value(before), _metric_value(after)))
    return rows


# -- terminal ---------------------------------------------------------------------


def render_table(review: Review, out: Console) -> None:
    out.print(Text(f"{review.kata} — {review.title}", style="bold"))
    out.print(
        Text(
            f"{review.source}  {short(review.base)}..{short(review.head)}  ({len(review.commits)} commits)", style="dim"
        )
    )
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("commit", max_width=24, overflow="fold")
    table.add_column("harness", no_wrap=True)
    table.add_column("+/-", no_wrap=True)
    table.add_column("strokes", justify="right", no_wrap=True)
    table.add_column("refactorings, verdicts", overflow="fold", min_width=26)
    for commit in review.commits:
        label, style = LIGHT.get(commit.harness.light, (commit.harness.light, ""))
        what = Text("\n".join(short_refactorings(commit)))
        for verdict in commit.verdicts:
            what.append(f"\n{verdict.code}", style=SEVERITY.get(verdict.severity, ""))
        title = Text(short(commit.facts.sha), style="cyan")
        title.append(f"\n{commit.facts.subject}")
        table.add_row(
            str(commit.index),
            title,
            Text(label, style=style),
            f"+{commit.facts.added}/-{commit.facts.removed}",
            str(commit.strokes),
            what,
        )
    out.print(table)
    details = Text()
    for commit in review.commits:
        for verdict in commit.verdicts:
            details.append(f"#{commit.index} {short(commit.facts.sha)} ", style="cyan")
            details.append(f"{verdict.code}: ", style=SEVERITY.get(verdict.severity, ""))
            details.append(f"{verdict.message}\n")
    if details:
        out.print(details)
    metrics = Table(title="metrics: base → head", title_justify="left")
    metrics.add_column("metric")
    metrics.add_column("base")
    metrics.add_column("head")
    for label, before, after in metric_rows(review):
        metrics.add_row(label, before, after)
    out.print(metrics)
    out.print(Text(f"golf: {review.golf.summary}", style="bold green" if review.golf.target_reached else "bold"))
    for note in review.notes:
        out.print(Text(f"note: {note}", style="dim"))


# -- Markdown ---------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(review: Review) -> str:
    lines = [
        f"# Review: {review.kata} — {review.title}",
        "",
        f"- source: `{review.source}`",
        f"- range: `{short(review.base)}..{short(review.head)}`, {len(review.commits)} commits",
        f"- golf: **{review.golf.summary}**",
        "",
        "| # | commit | subject | harness | +/- | refactorings | verdicts | strokes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for commit in review.commits:
        verdicts = "<br>".join(f"**{v.code}**: {v.message}" for v in commit.verdicts) or "—"
        lines.append(
            f"| {commit.index} | `{short(commit.facts.sha)}` | {_cell(commit.facts.subject)} | {commit.harness.light} "
            f"| +{commit.facts.added}/-{commit.facts.removed} | {_cell('<br>'.join(refactoring_lines(commit)))} "
            f"| {_cell(verdicts)} | {commit.strokes} |"
        )
    lines += ["", "## Metrics, base → head", "", "| metric | base | head |", "| --- | --- | --- |"]
    lines += [f"| {label} | {before} | {after} |" for label, before, after in metric_rows(review)]
    counts = review.counts()
    if counts:
        lines += ["", "## Refactorings found", ""]
        lines += [f"- {name}: {count}" for name, count in sorted(counts.items())]
    if review.notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {note}" for note in review.notes]
    return "\n".join(lines) + "\n"


# -- a class --------------------------------------------------------------------------


CLASS_COLUMNS: Sequence[tuple[str, str]] = (
    ("student", "student"),
    ("kata", "kata"),
    ("commits", "commits"),
    ("green", "green"),
    ("red", "red"),
    ("big_bang", "big-bang"),
    ("behaviour_changes", "behaviour changes"),
    ("refactorings", "refactorings"),
    ("strokes", "strokes"),
    ("par", "par"),
    ("target_reached", "target"),
    ("max_cyclomatic", "max CC"),
    ("min_mi", "worst MI"),
    ("golf", "golf"),
)


def _class_cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def render_class_table(data: dict[str, Any], out: Console) -> None:
    table = Table(title=f"class review: {len(data['rows'])} students", title_justify="left")
    for _key, title in CLASS_COLUMNS:
        table.add_column(title, overflow="fold")
    for row in data["rows"]:
        table.add_row(*(_class_cell(row, key) for key, _title in CLASS_COLUMNS))
    parts: list[Any] = [table]
    for problem in data["errors"]:
        parts.append(Text(f"{problem['student']}: {problem['error']}", style="red"))
    out.print(Group(*parts))


def render_class_markdown(data: dict[str, Any]) -> str:
    lines = [f"# Class review: {len(data['rows'])} students", ""]
    lines.append("| " + " | ".join(title for _k, title in CLASS_COLUMNS) + " |")
    lines.append("| " + " | ".join("---" for _ in CLASS_COLUMNS) + " |")
    for row in data["rows"]:
        lines.append("| " + " | ".join(_cell(_class_cell(row, key)) for key, _t in CLASS_COLUMNS) + " |")
    if data["errors"]:
        lines += ["", "## Not reviewed", ""]
        lines += [f"- {p['student']}: {p['error']}" for p in data["errors"]]
    return "\n".join(lines) + "\n"
