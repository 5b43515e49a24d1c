"""The local history of runs: `.katabench/history.sqlite` (ignored by git).

Every check (and watch, and TCR step) appends one row: when, which command,
the traffic light of the harness, which gates passed, the measured values,
how many lines changed since the previous run, and, when the student
predicted the light, whether the prediction was right. `kata progress` reads
it back as a strip of lights and a trend per gate.
"""

from __future__ import annotations

import difflib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from katabench.model import Status

if TYPE_CHECKING:
    from katabench.check import CheckReport

SCHEMA = """
create table if not exists runs (
    id integer primary key,
    kata text not null,
    started text not null,
    command text not null,
    light text not null,
    passed integer not null,
    gates_passed integer not null,
    gates_total integer not null,
    results text not null,
    lines_changed integer,
    predicted text,
    prediction_correct integer,
    duration real not null,
    code text not null,
    code_after text
);
create index if not exists runs_by_kata on runs (kata, id);
"""
# `code_after`: the code a command left in the work tree when it changed it (a TCR revert), so the
# next run counts the lines changed since then, not the reverted attempt undone.


@dataclass(frozen=True)
class Run:
    id: int
    kata: str
    started: str
    command: str
    light: str
    passed: bool
    gates_passed: int
    gates_total: int
    results: dict[str, dict[str, Any]]  # name -> {"status", "measured", "kind"}
    lines_changed: int | None
    predicted: str | None
    prediction_correct: bool | None
    duration: float


@contextmanager
def _connect(state: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(state / "history.sqlite", timeout=10)) as connection:
        connection.executescript(SCHEMA)
        columns = {row[1] for row in connection.execute("pragma table_info(runs)")}
        if "code_after" not in columns:  # a history written before the column existed
            connection.execute("alter table runs add column code_after text")
        with connection:
            yield connection


def snapshot(folder: Path) -> dict[str, str]:
    """{relative path: text} of the kata's Python files, for lines-changed counts."""
    files: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(folder.rglob("*.py")):
            if "__pycache__" not in path.parts and path.stat().st_size <= 512 * 1024:
                files[path.relative_to(folder).as_posix()] = path.read_text(encoding="utf-8", errors="replace")
    return files


def lines_changed(before: dict[str, str], after: dict[str, str]) -> int:
    changed = 0
    for name in set(before) | set(after):
        old, new = before.get(name, "").splitlines(), after.get(name, "").splitlines()
        for line in difflib.unified_diff(old, new, n=0, lineterm=""):
            if line[:1] in "+-" and not line.startswith(("+++", "---")):
                changed += 1
    return changed


def left_code(state: Path, run_id: int, code: dict[str, str]) -> None:
    """Note the code a run's command left behind after changing it (a TCR revert)."""
    with _connect(state) as db:
        db.execute("update runs set code_after = ? where id = ?", (json.dumps(code), run_id))


def record(
    state: Path, report: CheckReport, code: dict[str, str], command: str = "check", predicted: str | None = None
) -> Run:
    """Append a run to the history and return it as stored."""
    results = {r.name: {"status": r.status.value, "measured": r.measured, "kind": r.kind} for r in report.results}
    ran = [r for r in report.results if r.status is not Status.SKIPPED]
    gates_passed = sum(1 for r in ran if r.status is Status.PASS)
    with _connect(state) as db:
        row = db.execute(
            "select coalesce(code_after, code) from runs where kata = ? order by id desc limit 1", (report.kata,)
        ).fetchone()
        changed = lines_changed(json.loads(row[0]), code) if row else None
        correct = None if predicted is None else int(predicted == report.light)
        cursor = db.execute(
            "insert into runs (kata, started, command, light, passed, gates_passed, gates_total, results,"
            " lines_changed, predicted, prediction_correct, duration, code)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report.kata,
                report.started,
                command,
                report.light,
                int(report.passed),
                gates_passed,
                len(ran),
                json.dumps(results),
                changed,
                predicted,
                correct,
                report.duration,
                json.dumps(code),
            ),
        )
        run_id = cursor.lastrowid or 0
    return Run(
        run_id,
        report.kata,
        report.started,
        command,
        report.light,
        report.passed,
        gates_passed,
        len(ran),
        results,
        changed,
        predicted,
        None if correct is None else bool(correct),
        report.duration,
    )


def runs(state: Path, kata: str, limit: int = 50) -> list[Run]:
    """The kata's last `limit` runs, oldest first."""
    if not (state / "history.sqlite").exists():
        return []
    with _connect(state) as db:
        rows = db.execute(
            "select id, kata, started, command, light, passed, gates_passed, gates_total, results, lines_changed,"
            " predicted, prediction_correct, duration from runs where kata = ? order by id desc limit ?",
            (kata, limit),
        ).fetchall()
    return [
        Run(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            bool(r[5]),
            r[6],
            r[7],
            json.loads(r[8]),
            r[9],
            r[10],
            None if r[11] is None else bool(r[11]),
            r[12],
        )
        for r in reversed(rows)
    ]
