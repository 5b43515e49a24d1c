"""Watch mode and traffic lights: `kata check --watch` re-runs the fast gates on every save.

The loop is driven by real file writes and stops after a bounded number of
runs; the test writes only after the command said it is watching (the
watcher is running by then), so nothing depends on sleeps.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from watchfiles import Change

from helpers import MINIREPO, copy_repo
from katabench.check import Selection, run_check
from katabench.commands.watch import Screen
from katabench.practice.watch import KataFilter, watch_loop
from katabench.repo import get_kata, state_dir
from practice_helpers import isolated_env, kata, write

CORE = "legacy/fees/core.py"


def watch(repo: Path, env: dict[str, str], args: list[str], saves: list[tuple[str, str]]) -> tuple[str, str]:
    """Run `kata check fees --watch ...`; each time it starts waiting, make the next save."""
    process = subprocess.Popen(
        [sys.executable, "-m", "katabench.cli", "check", "fees", "--watch", *args],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    pending = list(saves)
    err_lines = []
    for line in process.stderr:
        err_lines.append(line)
        if "watching" in line and pending:
            path, text = pending.pop(0)
            write(repo / path, text)
    out, err = process.communicate(timeout=300)
    assert process.returncode in (0, 1), "".join(err_lines) + err
    return out, "".join(err_lines) + err


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repo(MINIREPO, tmp_path / "repo")


def test_watch_reruns_the_fast_gates_on_every_save_and_records_each_light(repo: Path, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    core = (repo / CORE).read_text()
    red = core.replace("days * 3 + 1", "days * 3 + 2")
    # (typing is left out only to keep the test quick: mypy is the slowest of the fast gates)
    out, err = watch(repo, env, ["--runs", "3", "--json", "--skip", "typing"], [(CORE, red), (CORE, core)])
    runs = [json.loads(line) for line in out.splitlines()]
    assert [(r["run"], r["light"]) for r in runs] == [(1, "green"), (2, "red"), (3, "green")]
    assert all(r["schema"] == "katabench.check/1" for r in runs)
    assert {r["name"]: r["status"] for r in runs[0]["results"]}["mutation"] == "skipped"  # fast gates only
    assert [r["lines_changed"] for r in runs][1:] == [2, 2]
    assert err.count("kata: watching legacy/fees, characterization/fees for changes") == 2
    history = json.loads(kata("progress", "fees", "--json", cwd=repo, env=env).stdout)
    assert [(r["command"], r["light"]) for r in history] == [("watch", "green"), ("watch", "red"), ("watch", "green")]
    assert (repo / CORE).read_text() == core  # watch mode never writes the student's files


def test_without_a_terminal_each_run_is_one_line_and_a_flip_of_the_light_is_named(repo: Path, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    core = (repo / CORE).read_text()
    args = ["--runs", "2", "--no-history", "--only", "approvals"]
    out, _ = watch(repo, env, args, [(CORE, core.replace("return -1", "return -2"))])
    lines = out.splitlines()
    assert len(lines) == 2
    assert "[run 1 " in lines[0] and "harness green" in lines[0]
    assert "[run 2 " in lines[1] and "harness red" in lines[1] and "turned red" in lines[1]
    assert not (repo / ".katabench" / "history.sqlite").exists()


def test_a_prediction_is_for_one_run_and_is_recorded_with_the_light(repo: Path, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    done = kata("check", "fees", "--watch", "--predict", "green", cwd=repo, env=env)
    assert done.returncode == 2 and "--predict is for a single run" in done.stderr
    done = kata("check", "fees", "--only", "approvals", "--predict", "red", cwd=repo, env=env)
    assert "You predicted red: wrong, it was green" in done.stdout
    done = kata("check", "fees", "--only", "approvals", "--predict", "green", "--json", cwd=repo, env=env)
    assert json.loads(done.stdout)["prediction"] == {"predicted": "green", "correct": True}
    history = json.loads(kata("progress", "fees", "--json", cwd=repo, env=env).stdout)
    assert [(r["predicted"], r["prediction_correct"]) for r in history] == [("red", False), ("green", True)]
    assert "predictions right 1/2" in kata("progress", "fees", cwd=repo, env=env).stdout


def test_the_filter_keeps_sources_and_approved_files_and_drops_caches_and_editor_files() -> None:
    keep = KataFilter()
    assert keep(Change.modified, "/r/legacy/fees/core.py")
    assert keep(Change.added, "/r/characterization/fees/test_fees.test_fee.approved.txt")
    for path in (
        "/r/legacy/fees/__pycache__/core.cpython-311.pyc",
        "/r/characterization/fees/test_fees.test_fee.received.txt",
        "/r/legacy/fees/.core.py.swp",
        "/r/legacy/fees/core.py~",
        "/r/legacy/fees/notes.md",
    ):
        assert not keep(Change.modified, path), path


def test_the_loop_debounces_a_burst_and_never_misses_a_save_made_during_a_run(tmp_path: Path) -> None:
    folder = tmp_path / "code"
    folder.mkdir()
    seen: list[frozenset[str]] = []

    def step(number: int, changed: frozenset[str]) -> bool:
        seen.append(frozenset(Path(p).name for p in changed))
        if number == 2:
            (folder / "during.py").write_text("written while run 2 ran\n")
            time.sleep(0.3)
        return True

    def idle() -> None:
        if len(seen) == 1:
            for n in range(5):  # an editor's burst of writes: one run
                (folder / "burst.py").write_text(f"version {n}\n")

    runs = watch_loop([folder], step, idle=idle, max_runs=3, step_ms=150)
    assert runs == 3
    assert seen == [frozenset(), frozenset({"burst.py"}), frozenset({"during.py"})]


def test_a_batch_the_step_ignores_does_not_count_as_a_run(tmp_path: Path) -> None:
    folder = tmp_path / "code"
    folder.mkdir()
    calls: list[int] = []

    def step(number: int, changed: frozenset[str]) -> bool:
        calls.append(number)
        if len(calls) == 2:  # the second batch is "our own write": not a run; then the student saves again
            (folder / "again.py").write_text("y\n")
            return False
        return True

    def idle() -> None:
        (folder / f"save{len(calls)}.py").write_text("x\n")

    assert watch_loop([folder], step, idle=idle, max_runs=2) == 2
    assert calls == [1, 2, 2]


def test_on_a_terminal_one_panel_is_redrawn_and_the_bell_rings_when_the_light_flips(repo: Path) -> None:
    kata = get_kata(repo, "fees")
    only = Selection(only=frozenset({"approvals"}))
    green = run_check(kata, repo, state_dir(repo), only)
    write(repo / CORE, (repo / CORE).read_text().replace("days * 4", "days * 5"))
    red = run_check(kata, repo, state_dir(repo), only)
    terminal = io.StringIO()
    with Screen(["legacy/fees"], out=Console(file=terminal, force_terminal=True, width=100)) as screen:
        screen.show(green, 1, None)
        screen.show(green, 2, 0)
        assert "\a" not in terminal.getvalue()
        screen.show(red, 3, 1)
        screen.idle()
    shown = terminal.getvalue()
    assert shown.count("\a") == 1  # green -> red, once
    assert "RED" in shown and "approvals" in shown and "watching legacy/fees" in shown and "run 3" in shown
