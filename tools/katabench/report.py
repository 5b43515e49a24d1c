"""Rendering for the terminal (rich) and as JSON. Only this layer and the CLI print."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from katabench.check import CheckReport, MilestoneStatus
from katabench.history import Run
from katabench.model import GateResult, Status
from katabench.spec import Kata

STATUS_STYLE = {
    Status.PASS: ("✔ pass", "green"),
    Status.FAIL: ("✘ fail", "red"),
    Status.ERROR: ("! error", "magenta"),
    Status.SKIPPED: ("- skipped", "dim"),
}
LIGHT_STYLE = {"green": "green", "red": "red", "amber": "yellow", "none": "dim"}
SPARK = "▁▂▃▄▅▆▇█"


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _short(location: str, package: str) -> str:
    return "(package)" if location == package else location.removeprefix(package + "/")


def _worst(result: GateResult, package: str) -> Text:
    if result.findings:
        text = Text(_short(result.findings[0].location, package), style="cyan")
        if len(result.findings) > 1:
            text.append(f" +{len(result.findings) - 1}", style="dim")
        return text
    if result.status in (Status.ERROR, Status.SKIPPED) and result.details:
        return Text(result.details.splitlines()[0][:70], style="dim")
    return Text("")


def check_table(report: CheckReport, package: str = "", width: int = 120) -> Table:
    """Gates first, then the design rules; locations relative to the kata's package.

    A narrow terminal drops the offender column: the offenders follow the table anyway.
    """
    wide = width >= 100
    table = Table(title=f"{report.kata} — {report.title}", title_justify="left", expand=False)
    table.add_column("gate", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("measured")
    table.add_column("target")
    if wide:
        table.add_column("worst offender", overflow="fold")
    rules_started = False
    for result in report.results:
        if result.kind == "rule" and not rules_started:
            rules_started = True
            table.add_section()
            table.add_row(Text("design rules", style="dim italic"))
        label, style = STATUS_STYLE[result.status]
        name = Text(result.name, style="bold" if result.kind == "gate" else "")
        cells: list[Text | str] = [name, Text(label, style=style), result.measured_text, result.target_text]
        table.add_row(*cells, *([_worst(result, package)] if wide else []))
    return table


def offenders(report: CheckReport, limit: int = 3) -> Text:
    """The worst offenders of each failing gate: file:line, what is wrong, and the hint."""
    text = Text()
    for result in report.results:
        if result.status not in (Status.FAIL, Status.ERROR):
            continue
        text.append(f"{result.name}", style="bold red" if result.status is Status.FAIL else "bold magenta")
        text.append(f"  {result.measured_text} (target {result.target_text})\n", style="dim")
        for finding in result.findings[:limit]:
            text.append(f"  {finding.location}", style="cyan")
            text.append(f"  {finding.message}\n")
        if len(result.findings) > limit:
            text.append(f"  … and {len(result.findings) - limit} more (kata check --json lists all)\n", style="dim")
        hints = [f.hint for f in result.findings[:limit] if f.hint]
        if hints:
            text.append(f"  hint: {hints[0]}\n", style="yellow")
        elif result.status is Status.ERROR and result.details:
            text.append(f"  {result.details[:600]}\n", style="magenta")
    return text


def _milestone_panel(report: CheckReport) -> Panel | Text:
    nxt = report.next_milestone
    total = len(report.milestones)
    reached = sum(1 for m in report.milestones if m.state == "reached")
    if nxt is None:
        if total and reached == total:
            return Text(f"All {total} milestones reached.", style="green")
        return Text("")
    body = Text()
    body.append(f"{nxt.milestone.title}\n", style="bold")
    body.append(f"Hint: {nxt.milestone.hint}\n")
    body.append("Not there yet: " + ", ".join(nxt.failing), style="dim")
    return Panel(
        body, title=f"Next milestone {nxt.index}/{total} ({reached} reached)", title_align="left", border_style="yellow"
    )


def render_check(report: CheckReport, out: Console, package: str = "") -> None:
    out.print(check_table(report, package, out.width))
    details = offenders(report)
    if details:
        out.print(details)
    approvals = report.result("approvals")
    if approvals is not None and approvals.status is not Status.PASS and approvals.details:
        out.print(
            Panel(
                Text(approvals.details[:4000]), title="approvals: what changed", title_align="left", border_style="red"
            )
        )
    out.print(_milestone_panel(report))
    passing = sum(1 for r in report.results if r.status is Status.PASS)
    ran = sum(1 for r in report.results if r.status is not Status.SKIPPED)
    light = report.light
    summary = Text(f"harness {light}", style=LIGHT_STYLE.get(light, ""))
    summary.append(f" · {passing}/{ran} gates and rules pass · {report.duration:.1f} s · ")
    summary.append(
        "all gates pass" if report.passed else "keep going: small, green steps",
        style="bold green" if report.passed else "",
    )
    out.print(summary)


def render_kata_list(katas: Sequence[Kata], out: Console) -> None:
    table = Table(title="katas", title_justify="left")
    table.add_column("name", no_wrap=True, style="bold")
    table.add_column("kind")
    table.add_column("modules")
    table.add_column("level")
    table.add_column("summary")
    for kata in katas:
        table.add_row(kata.name, kata.kind, ", ".join(kata.curriculum), "●" * kata.difficulty, kata.summary)
    out.print(table)
    out.print(Text("Start one: nox -s kata-<name>   or   kata check <name>", style="dim"))


def render_brief(kata: Kata, out: Console) -> None:
    text = kata.brief_path.read_text(encoding="utf-8") if kata.brief_path.exists() else f"# {kata.title}\n"
    out.print(Markdown(text))


def render_hints(milestones: Sequence[MilestoneStatus], show_all: bool, out: Console) -> None:
    shown = milestones if show_all else [m for m in milestones if m.state == "open"][:1]
    if not shown:
        out.print(
            Text(
                "Every milestone is reached. Run `kata check` with mutation testing for the full verdict.",
                style="green",
            )
        )
        return
    for m in shown:
        mark = {"reached": "✔", "open": "→", "unknown": "?"}[m.state]
        out.print(Text(f"{mark} {m.index}. {m.milestone.title}", style="bold"))
        out.print(f"   {m.milestone.hint}")


def sparkline(values: Sequence[float | None]) -> str:
    numbers = [v for v in values if v is not None]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1
    return "".join(" " if v is None else SPARK[int((v - low) / span * (len(SPARK) - 1))] for v in values)


def render_progress(kata: str, runs: Sequence[Run], out: Console) -> None:
    if not runs:
        out.print(f"No runs of {kata} yet. Run: kata check {kata}")
        return
    strip = Text("lights  ")
    for run in runs:
        strip.append("●", style=LIGHT_STYLE.get(run.light, ""))
    out.print(strip)
    greens = sum(1 for r in runs if r.light == "green")
    predicted = [r for r in runs if r.prediction_correct is not None]
    line = f"{len(runs)} runs, {greens} green, {len(runs) - greens} not green"
    if predicted:
        right = sum(1 for r in predicted if r.prediction_correct)
        line += f"; predictions right {right}/{len(predicted)}"
    out.print(Text(line, style="dim"))
    names: list[str] = []
    for run in runs:
        names.extend(n for n in run.results if n not in names)
    table = Table(title=f"{kata}: trend over the last {len(runs)} runs", title_justify="left")
    table.add_column("gate / rule")
    table.add_column("trend")
    table.add_column("first")
    table.add_column("last")
    table.add_column("now")
    for name in names:
        values: list[float | None] = []
        for run in runs:
            measured = run.results.get(name, {}).get("measured")
            values.append(float(measured) if isinstance(measured, int | float) else None)
        known = [v for v in values if v is not None]
        status = runs[-1].results.get(name, {}).get("status", "skipped")
        label, style = STATUS_STYLE[Status(str(status))]
        table.add_row(
            name,
            sparkline(values),
            f"{known[0]:g}" if known else "—",
            f"{known[-1]:g}" if known else "—",
            Text(label, style=style),
        )
    out.print(table)
    recent = Table(title="last runs", title_justify="left")
    for column in ("#", "time", "command", "light", "gates", "lines changed"):
        recent.add_column(column)
    for run in runs[-10:]:
        recent.add_row(
            str(run.id),
            run.started.replace("T", " ")[:19],
            run.command,
            Text(run.light, style=LIGHT_STYLE.get(run.light, "")),
            f"{run.gates_passed}/{run.gates_total}",
            "—" if run.lines_changed is None else str(run.lines_changed),
        )
    out.print(recent)
