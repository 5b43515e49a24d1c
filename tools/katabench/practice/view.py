"""How the practice commands look in a terminal: rich renderables built from their results.

Pure functions from results to `rich` objects; the commands print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from katabench.model import Status
from katabench.practice.mob import MobOutcome, MobStatus

if TYPE_CHECKING:  # kept out of `kata mob`'s start-up: these pull in every gate and rule
    from katabench.check import CheckReport
    from katabench.history import Run
    from katabench.practice.tcr import Attempt, RestoreOutcome, TcrOutcome, TcrStats

LIGHT_STYLE = {"green": "bold green", "red": "bold red", "amber": "bold yellow", "none": "dim"}
LIGHT_WORD = {"green": "GREEN", "red": "RED", "amber": "AMBER (the code did not run)", "none": "no harness run"}


def light_strip(lights: Sequence[str], width: int = 40) -> Text:
    text = Text()
    for light in lights[-width:]:
        text.append("●", style=LIGHT_STYLE.get(light, "dim"))
    return text


def _passing(report: CheckReport) -> tuple[int, int]:
    ran = [r for r in report.results if r.status is not Status.SKIPPED]
    return sum(1 for r in ran if r.status is Status.PASS), len(ran)


def run_line(report: CheckReport, run_number: int, lines_changed: int | None) -> Text:
    """One line per run, for logs and terminals without live redraw."""
    passing, ran = _passing(report)
    text = Text(f"[run {run_number} {datetime.now():%H:%M:%S}] harness ")
    text.append(report.light, style=LIGHT_STYLE.get(report.light, ""))
    text.append(f" · {passing}/{ran} gates and rules pass")
    if lines_changed is not None:
        text.append(f" · {lines_changed} lines changed")
    text.append(f" · {report.duration:.1f} s")
    return text


def prediction(predicted: str, light: str) -> Text:
    right = predicted == light
    text = Text(f"You predicted {predicted}: ")
    text.append("right" if right else f"wrong, it was {light}", style="green" if right else "yellow")
    return text


def watch_panel(
    report: CheckReport | None,
    *,
    run_number: int,
    lights: Sequence[str],
    lines_changed: int | None,
    watching: Sequence[str],
    busy: str = "",
    extra: Text | None = None,
) -> Panel:
    """The live status view of watch mode: the light, the gates, the strip of this session's lights."""
    parts: list[Text | Table] = []
    if report is None:
        parts.append(Text("first run…", style="dim"))
        light = "none"
    else:
        light = report.light
        head = Text("● ", style=LIGHT_STYLE.get(light, ""))
        head.append(LIGHT_WORD.get(light, light), style=LIGHT_STYLE.get(light, ""))
        passing, ran = _passing(report)
        head.append(f"   {passing}/{ran} gates and rules pass", style="bold" if report.passed else "")
        parts.append(head)
        failing = [r for r in report.results if r.status in (Status.FAIL, Status.ERROR)]
        for result in failing[:6]:
            line = Text(f"  ✘ {result.name}", style="red" if result.status is Status.FAIL else "magenta")
            line.append(f"  {result.measured_text} (target {result.target_text})", style="dim")
            if result.findings:
                line.append(f"  {result.findings[0].location}", style="cyan")
            parts.append(line)
        nxt = report.next_milestone
        if nxt is not None:
            parts.append(Text(f"next milestone: {nxt.milestone.title} — {nxt.milestone.hint}", style="yellow"))
        info = f"run {run_number} · {report.duration:.1f} s"
        if lines_changed is not None:
            info += f" · {lines_changed} lines changed"
        parts.append(Text(info, style="dim"))
    if extra is not None:
        parts.append(extra)
    strip = Text("lights ")
    strip.append_text(light_strip(lights))
    parts.append(strip)
    parts.append(Text(busy or f"watching {', '.join(watching)} · Ctrl-C to stop", style="dim italic"))
    border = {"green": "green", "red": "red", "amber": "yellow"}.get(light, "white")
    title = report.kata if report is not None else "watch"
    return Panel(Group(*parts), title=title, title_align="left", border_style=border)


def tcr_outcome(outcome: TcrOutcome) -> Text:
    words = f"{outcome.lines} lines in {len(outcome.files)} file(s)"
    styles = {
        "committed": ("green", f"✔ green: committed {words} on {outcome.branch} ({(outcome.commit or '')[:10]})"),
        "reverted": (
            "red",
            f"✘ {outcome.light}: reverted {words} of the kata's code; your attempt is saved as {outcome.attempt}\n"
            f"  bring it back with: kata tcr {outcome.report.kata} --restore latest",
        ),
        "unchanged": ("green", "✔ green: nothing to commit (the kata's code is as committed)"),
        "red-at-head": (
            "red",
            f"✘ {outcome.light} with no change to revert: the last commit itself is not green. "
            "Fix it with a small step (or git revert the commit)",
        ),
        "changed-during-run": ("yellow", "the code changed during the run: nothing committed or reverted; run again"),
    }
    style, message = styles[outcome.action]
    return Text(message, style=style)


def attempts_table(attempts: Sequence[Attempt]) -> Table | Text:
    from katabench.practice.tcr import TCR_REFS

    if not attempts:
        return Text("No saved TCR attempts.")
    table = Table(title="saved TCR attempts (newest first)", title_justify="left")
    for column in ("#", "saved", "attempt", "lines", "files", "ref"):
        table.add_column(column)
    for index, attempt in enumerate(attempts, start=1):
        table.add_row(
            str(index),
            attempt.created.replace("T", " ")[:19],
            attempt.subject,
            str(attempt.lines),
            ", ".join(attempt.files[:3]) + (" …" if len(attempt.files) > 3 else ""),
            attempt.ref.removeprefix(TCR_REFS),
        )
    return table


def restored(outcome: RestoreOutcome) -> Text:
    text = Text(f"restored {outcome.attempt.ref} ({', '.join(outcome.files) or 'no files'})", style="green")
    if outcome.saved:
        text.append(f"\nthe code you had is saved as {outcome.saved}", style="yellow")
    return text


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def tcr_stats(kata: str, stats: TcrStats, runs: Sequence[Run]) -> Group:
    table = Table(title=f"TCR on {kata}", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("value")
    table.add_row("runs", f"{stats.runs} ({stats.green} green, {stats.red} red)")
    table.add_row("commits", str(stats.commits))
    table.add_row("reverted attempts", str(stats.attempts))
    table.add_row("time in red", _duration(stats.seconds_in_red))
    table.add_row("average step", "—" if stats.average_step is None else f"{stats.average_step:.1f} lines")
    table.add_row("average attempt", "—" if stats.average_attempt is None else f"{stats.average_attempt:.1f} lines")
    if stats.predictions:
        table.add_row("predictions right", f"{stats.predictions_right}/{stats.predictions}")
    strip = Text("lights ")
    strip.append_text(light_strip([r.light for r in runs if r.command == "tcr"]))
    return Group(strip, table)


def mob_outcome(outcome: MobOutcome) -> Group:
    lines: list[Text] = [Text(f"· {step}", style="dim") for step in outcome.steps]
    if outcome.action in ("start", "next") and outcome.driver:
        ends = outcome.turn_ends
        until = f" until {datetime.fromisoformat(ends).astimezone():%H:%M}" if ends else ""
        if outcome.action == "start":
            line = Text(f"{outcome.driver} drives{until}", style="bold")
            if outcome.next_driver:
                line.append(f"; next: {outcome.next_driver}")
        else:
            line = Text(f"{outcome.driver} handed over. ", style="bold")
            who = outcome.next_driver or "the next driver"
            line.append(f"{who}, you drive now{until}", style="bold green")
            line.append(" (on your machine: kata mob start)" if outcome.remote else "", style="dim")
        lines.append(line)
    if outcome.action == "done":
        lines.append(Text(f"mob session on {outcome.base} done: {(outcome.commit or '')[:10]}", style="bold green"))
        for author in outcome.co_authors:
            lines.append(Text(f"  Co-authored-by: {author}", style="dim"))
    return Group(*lines)


def _sync_line(status: MobStatus) -> Text:
    if not status.remote:
        return Text("local session (no remote)")
    if status.ahead is None:
        return Text(f"not on {status.remote} yet", style="yellow")
    counts = f"{status.ahead} ahead, {status.behind} behind"
    return Text(f"{counts} {status.remote}/{status.wip} (as last fetched)")


def _turn_line(status: MobStatus) -> Text | None:
    if status.session is None:
        return None
    line = Text(f"driver: {status.session.driver}")
    left = status.seconds_left
    if left is not None:
        if left > 0:
            line.append(f" · {_duration(left)} left")
        else:
            line.append(" · time is up: kata mob next", style="bold yellow")
    if status.next_driver:
        line.append(f" · next: {status.next_driver}")
    return line


def mob_status(status: MobStatus) -> Group:
    if status.branch is None:
        return Group(Text("HEAD is detached: no mob session here (kata mob start needs a branch)", style="yellow"))
    if not status.wip_exists:
        return Group(Text(f"No mob session on {status.base}. Start one: kata mob start --team a,b,c"))
    where = "you are on it" if status.on_wip else f"you are on {status.branch}"
    parts: list[Text | Table] = [Text(f"mob session {status.wip} ({where})", style="bold"), _sync_line(status)]
    turn = _turn_line(status)
    if turn is not None:
        parts.append(turn)
    if status.team:
        parts.append(Text(f"team: {', '.join(status.team)}", style="dim"))
    if status.uncommitted:
        parts.append(Text(f"{len(status.uncommitted)} uncommitted change(s)", style="yellow"))
    if status.commits:
        table = Table(title=f"WIP commits ({len(status.commits)})", title_justify="left")
        for column in ("commit", "driver", "subject"):
            table.add_column(column)
        for commit in status.commits[-15:]:
            table.add_row(commit.sha[:10], commit.driver or "—", commit.subject)
        parts.append(table)
    return Group(*parts)
