"""The local run history: lines changed between runs, and histories written by older versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from katabench import history
from katabench.check import CheckReport
from katabench.model import GateResult, Status

OLD_SCHEMA = """
create table runs (
    id integer primary key, kata text not null, started text not null, command text not null,
    light text not null, passed integer not null, gates_passed integer not null, gates_total integer not null,
    results text not null, lines_changed integer, predicted text, prediction_correct integer,
    duration real not null, code text not null
);
"""


def report(started: str) -> CheckReport:
    approvals = GateResult("approvals", "gate", Status.PASS, 1.0, "1/1 pass", "all pass")
    return CheckReport("fees", "Fees", started, 0.5, (approvals,), ())


def test_lines_changed_count_from_the_code_a_revert_left_behind(tmp_path: Path) -> None:
    first = history.record(tmp_path, report("t1"), {"core.py": "a = 1\n"})
    assert first.lines_changed is None
    second = history.record(tmp_path, report("t2"), {"core.py": "a = 2\nb = 3\n"})
    assert second.lines_changed == 3  # one line replaced, one added
    history.left_code(tmp_path, second.id, {"core.py": "a = 1\n"})  # the attempt was reverted
    third = history.record(tmp_path, report("t3"), {"core.py": "a = 1\n"})
    assert third.lines_changed == 0


def test_a_history_written_before_code_after_existed_is_upgraded_in_place(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "history.sqlite") as db:
        db.executescript(OLD_SCHEMA)
        db.execute(
            "insert into runs values (1, 'fees', 't0', 'check', 'green', 1, 1, 1, '{}', null, null, null, 0.4, ?)",
            ('{"core.py": "a = 1\\n"}',),
        )
    run = history.record(tmp_path, report("t1"), {"core.py": "a = 1\nb = 2\n"})
    assert run.lines_changed == 1
    assert [r.started for r in history.runs(tmp_path, "fees")] == ["t0", "t1"]
