"""The `kata` command end to end, in temporary copies of the repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, kata, tree_digest
from katabench.repo import kata_names


def test_kata_list_shows_every_kata_of_the_repository(repo_copy: Path) -> None:
    done = kata("list", "--json", cwd=repo_copy)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [k["name"] for k in listed] == kata_names(ROOT)
    assert all(k["summary"] and k["steps"] >= 1 for k in listed)
    table = kata("list", cwd=repo_copy)
    assert "library-fines" in table.stdout


def test_kata_show_prints_the_brief(repo_copy: Path) -> None:
    done = kata("show", "library-fines", "--raw", cwd=repo_copy)
    assert done.returncode == 0
    assert done.stdout == (repo_copy / "katas" / "library-fines" / "README.md").read_text()


def test_check_on_legacy_code_fails_names_the_gates_and_shows_the_next_milestone(minirepo: Path) -> None:
    done = kata("check", "fees", "--no-mutation", cwd=minirepo)
    assert done.returncode == 1
    out = done.stdout
    for expected in (
        "approvals",
        "✔ pass",
        "complexity",
        "✘ fail",
        "legacy/fees/core.py:1",
        "type-switch",
        "Next milestone 1/2",
        "Replace conditional with polymorphism.",
        "harness green",
    ):
        assert expected in out, expected


def test_check_passes_with_exit_0_once_the_last_step_replaces_the_legacy_code(minirepo: Path) -> None:
    legacy = minirepo / "legacy" / "fees"
    step = minirepo / "katas" / "fees" / "path" / "01-replace-conditional-with-polymorphism"
    for path in step.iterdir():
        (legacy / path.name).write_text(path.read_text())
    done = kata("check", "fees", cwd=minirepo)
    assert done.returncode == 0, done.stdout
    assert "All 2 milestones reached." in done.stdout
    assert "all gates pass" in done.stdout


def test_check_json_is_the_same_result_as_data(minirepo: Path) -> None:
    done = kata("check", "fees", "--no-mutation", "--json", cwd=minirepo)
    report = json.loads(done.stdout)
    assert report["schema"] == "katabench.check/1"
    assert report["passed"] is False
    assert report["light"] == "green"
    names = [r["name"] for r in report["results"]]
    assert names == ["approvals", "complexity", "mutation", "coverage", "typing", "type-switch"]
    statuses = {r["name"]: r["status"] for r in report["results"]}
    assert statuses["mutation"] == "skipped"
    assert report["next_milestone"]["title"] == "Each kind knows its fee"
    assert report["next_milestone"]["failing"] == ["type-switch"]


def test_only_and_skip_select_gates_and_rules(minirepo: Path) -> None:
    report = json.loads(kata("check", "fees", "--only", "rules,complexity", "--json", cwd=minirepo).stdout)
    ran = {r["name"] for r in report["results"] if r["status"] != "skipped"}
    assert ran == {"complexity", "type-switch"}
    report = json.loads(kata("check", "fees", "--skip", "mutation,typing,coverage", "--json", cwd=minirepo).stdout)
    ran = {r["name"] for r in report["results"] if r["status"] != "skipped"}
    assert ran == {"approvals", "complexity", "type-switch"}
    wrong = kata("check", "fees", "--only", "speed", cwd=minirepo)
    assert wrong.returncode == 2
    assert "'speed' is not a gate or rule of fees" in wrong.stderr


def test_every_check_is_recorded_and_progress_shows_the_trend(minirepo: Path) -> None:
    kata("check", "fees", "--no-mutation", cwd=minirepo)
    core = minirepo / "legacy" / "fees" / "core.py"
    core.write_text(core.read_text().replace("days * 3 + 1", "days * 3 + 2"))
    kata("check", "fees", "--no-mutation", cwd=minirepo)
    runs = json.loads(kata("progress", "fees", "--json", cwd=minirepo).stdout)
    assert [r["light"] for r in runs] == ["green", "red"]
    assert runs[1]["lines_changed"] == 2
    assert runs[0]["lines_changed"] is None
    shown = kata("progress", "fees", cwd=minirepo)
    assert shown.returncode == 0
    assert "2 runs, 1 green" in shown.stdout
    assert "complexity" in shown.stdout
    assert (minirepo / ".katabench" / ".gitignore").read_text() == "*\n"


def test_hint_shows_the_next_milestone_and_all_of_them_on_request(minirepo: Path) -> None:
    done = kata("hint", "fees", cwd=minirepo)
    assert done.returncode == 0
    assert "→ 1. Each kind knows its fee" in done.stdout
    assert "Typed" not in done.stdout
    everything = kata("hint", "fees", "--all", cwd=minirepo)
    assert "2. Typed" in everything.stdout


def test_rules_lists_the_rules_and_documents_one(minirepo: Path) -> None:
    listing = kata("rules", cwd=minirepo)
    assert "type-switch" in listing.stdout and "sentinel-return" in listing.stdout
    one = kata("rules", "type-switch", cwd=minirepo)
    assert "What it does" in one.stdout and "max_branches" in one.stdout
    assert kata("rules", "no-such-rule", cwd=minirepo).returncode == 2


def test_help_explains_commands_and_exit_codes(minirepo: Path) -> None:
    done = kata("--help", cwd=minirepo)
    assert "exit codes" in done.stdout and "check" in done.stdout
    check_help = kata("check", "--help", cwd=minirepo)
    assert "--no-mutation" in check_help.stdout and "--json" in check_help.stdout


def test_check_never_modifies_the_repository_it_checks(minirepo: Path) -> None:
    before = {k: v for k, v in tree_digest(minirepo).items() if not k.startswith(".katabench/")}
    kata("check", "fees", cwd=minirepo)
    after = {k: v for k, v in tree_digest(minirepo).items() if not k.startswith(".katabench/")}
    assert after == before


def test_nox_lists_one_kata_session_per_kata_folder() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nox", "-l", "--json", "-t", "kata"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    sessions = json.loads(done.stdout)
    assert sorted(s["session"] for s in sessions) == [f"kata-{n}" for n in kata_names(ROOT)]
    assert all(s["description"] for s in sessions)
