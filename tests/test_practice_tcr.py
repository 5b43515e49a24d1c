"""`kata tcr`: green commits only the kata's code, red saves the attempt and reverts only the kata's code.

Each test runs the real harness of the mini kata `fees` in a real git
repository; after every step it checks every file and every ref.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import MINIREPO, copy_repo
from practice_helpers import Paused, RepoState, git, isolated_env, kata, kata_repo, state_of, write

CORE = "legacy/fees/core.py"
# Same behaviour, clearer code: the harness stays green.
REFACTORED = """def fee(kind, days):
    if kind == "book":
        return days * 2 if days > 10 else days
    elif kind == "dvd":
        return days * 3 + 1
    elif kind == "game":
        return days * 4
    else:
        return -1
"""


def broken(text: str) -> str:
    """A behaviour change the harness catches."""
    return text.replace("days * 3 + 1", "days * 3 + 2")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.fixture
def repo(tmp_path: Path, env: dict[str, str]) -> Path:
    return kata_repo(tmp_path, env)


def tcr(repo: Path, env: dict[str, str], *args: str) -> tuple[int, dict[str, object]]:
    done = kata("tcr", "fees", "--json", *args, cwd=repo, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def unchanged_except(before: RepoState, after: RepoState, *paths: str) -> None:
    for path in set(before.files) | set(after.files):
        if path not in paths:
            assert after.files.get(path) == before.files.get(path), path


def test_a_green_step_commits_only_the_kata_code_with_the_gates_and_the_driver(repo: Path, env: dict[str, str]) -> None:
    original = (repo / CORE).read_text()
    write(repo / CORE, REFACTORED)
    write(repo / "notes.txt", "my notes, not part of the step\n")
    write(repo / "katas/fees/README.md", "# edited brief, staged\n")
    git(repo, "add", "katas/fees/README.md", env=env)
    head = git(repo, "rev-parse", "HEAD", env=env)
    before = state_of(repo, env)

    code, out = tcr(repo, env, "--driver", "ada")
    assert code == 0 and out["action"] == "committed" and out["light"] == "green"
    after = state_of(repo, env)
    assert after.files == before.files
    commit = out["commit"]
    assert after.ref("refs/heads/main") == commit and git(repo, "rev-parse", f"{commit}^", env=env) == head
    assert git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", str(commit), env=env) == CORE
    message = git(repo, "log", "-1", "--format=%B", str(commit), env=env)
    assert message.startswith("tcr: 4 lines in core.py")
    assert "Passing: approvals" in message and "Not yet: complexity, type-switch" in message
    assert "Driver: ada" in message and "Kata: fees" in message and "Tcr-Lines: 4" in message
    status = git(repo, "status", "--porcelain", env=env).splitlines()
    assert sorted(status) == ["?? notes.txt", "M  katas/fees/README.md"]  # the staged change is still staged
    assert original != REFACTORED


def test_a_red_step_saves_the_attempt_then_reverts_only_the_kata_code(repo: Path, env: dict[str, str]) -> None:
    core = repo / CORE
    committed = core.read_text()
    write(core, broken(committed))
    write(repo / "legacy/fees/helper.py", "HELPER = 1\n")  # a new file of the attempt
    write(
        repo / "characterization/fees/test_fees.py",
        (repo / "characterization/fees/test_fees.py").read_text() + "# a note in the harness\n",
    )
    write(repo / "notes.txt", "outside the kata\n")
    before = state_of(repo, env)

    code, out = tcr(repo, env, "-m", "try a shortcut")
    assert code == 1 and out["action"] == "reverted" and out["light"] == "red"
    after = state_of(repo, env)
    assert core.read_text() == committed
    assert not (repo / "legacy/fees/helper.py").exists()
    unchanged_except(before, after, CORE, "legacy/fees/helper.py")  # harness and notes untouched
    assert after.ref("refs/heads/main") == before.ref("refs/heads/main")
    ref = str(out["attempt"])
    assert ref.startswith("refs/katabench/tcr/") and after.ref(ref)
    assert git(repo, "show", f"{ref}:{CORE}", env=env) + "\n" == broken(committed)
    assert git(repo, "show", f"{ref}:legacy/fees/helper.py", env=env) == "HELPER = 1"
    assert "Kata: fees" in git(repo, "log", "-1", "--format=%B", ref, env=env)
    assert git(repo, "status", "--porcelain", env=env).splitlines() == [
        " M characterization/fees/test_fees.py",
        "?? notes.txt",
    ]


def test_restore_lists_and_brings_back_an_attempt_saving_the_current_code_first(
    repo: Path, env: dict[str, str]
) -> None:
    core = repo / CORE
    committed = core.read_text()
    write(core, broken(committed))
    tcr(repo, env)
    listing = kata("tcr", "fees", "--restore", cwd=repo, env=env)
    assert listing.returncode == 0 and "tcr attempt (red): 2 lines in core.py" in listing.stdout
    write(core, committed + "# half-done thought\n")

    done = kata("tcr", "fees", "--restore", "latest", cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    assert core.read_text() == broken(committed)
    assert "the code you had is saved as refs/katabench/tcr/" in done.stdout
    attempts = json.loads(kata("tcr", "fees", "--restore", "--json", cwd=repo, env=env).stdout)
    assert len(attempts) == 2
    saved = attempts[0]["ref"]
    assert git(repo, "show", f"{saved}:{CORE}", env=env) + "\n" == committed + "# half-done thought\n"


def test_restoring_an_attempt_that_no_longer_applies_changes_nothing(repo: Path, env: dict[str, str]) -> None:
    core = repo / CORE
    committed = core.read_text()
    write(core, broken(committed))
    tcr(repo, env)
    # a later green step rewrites the very line the attempt changed
    write(core, committed.replace("days * 3 + 1", "1 + days * 3"))
    _, out = tcr(repo, env)
    assert out["action"] == "committed"
    before = state_of(repo, env)
    done = kata("tcr", "fees", "--restore", "2", cwd=repo, env=env)
    assert done.returncode == 2
    assert "there is no attempt number 2" in done.stderr
    done = kata("tcr", "fees", "--restore", "1", cwd=repo, env=env)
    assert done.returncode == 2 and "does not apply to the code of HEAD" in done.stderr
    assert state_of(repo, env) == before


def test_tcr_refuses_a_detached_head_and_uncommitted_kata_code_without_touching_anything(
    tmp_path: Path, repo: Path, env: dict[str, str]
) -> None:
    write(repo / CORE, broken((repo / CORE).read_text()))
    git(repo, "switch", "-q", "--detach", "HEAD", env=env)
    before = state_of(repo, env)
    done = kata("tcr", "fees", cwd=repo, env=env)
    assert done.returncode == 2 and "HEAD is detached" in done.stderr and "Nothing was changed" in done.stderr
    assert state_of(repo, env) == before

    fresh = copy_repo(MINIREPO, tmp_path / "fresh")
    git(fresh, "init", "-q", env=env)
    git(fresh, "add", "katas", "pyproject.toml", env=env)
    git(fresh, "commit", "-qm", "only the spec", env=env)
    done = kata("tcr", "fees", cwd=fresh, env=env)
    assert done.returncode == 2 and "legacy/fees is not committed yet" in done.stderr


def test_tcr_killed_between_saving_and_reverting_loses_nothing_and_runs_again(
    tmp_path: Path, repo: Path, env: dict[str, str]
) -> None:
    core = repo / CORE
    committed = core.read_text()
    write(core, broken(committed))
    head = git(repo, "rev-parse", "HEAD", env=env)
    paused = Paused(["tcr", "fees"], repo, env, "tcr-saved", tmp_path / "pause")
    paused.wait_until_paused()
    paused.kill()
    during = state_of(repo, env)
    assert core.read_text() == broken(committed)  # not reverted yet, and already saved:
    saved = [r for r in during.refs if r.startswith("refs/katabench/tcr/")]
    assert len(saved) == 1 and git(repo, "show", f"{saved[0]}:{CORE}", env=env) + "\n" == broken(committed)
    assert during.ref("refs/heads/main") == head

    _, out = tcr(repo, env)
    assert out["action"] == "reverted"
    assert core.read_text() == committed
    assert git(repo, "show", f"{out['attempt']}:{CORE}", env=env) + "\n" == broken(committed)
    assert state_of(repo, env).ref("refs/heads/main") == head


def test_tcr_killed_between_staging_and_committing_a_green_step_commits_it_on_the_next_run(
    tmp_path: Path, repo: Path, env: dict[str, str]
) -> None:
    write(repo / CORE, REFACTORED)
    head = git(repo, "rev-parse", "HEAD", env=env)
    paused = Paused(["tcr", "fees"], repo, env, "tcr-staged", tmp_path / "pause")
    paused.wait_until_paused()
    paused.kill()
    during = state_of(repo, env)
    assert during.ref("refs/heads/main") == head and (repo / CORE).read_text() == REFACTORED
    assert git(repo, "status", "--porcelain", env=env) == f"M  {CORE}"  # the step is staged, nothing else

    _, out = tcr(repo, env)
    assert out["action"] == "committed"
    assert git(repo, "rev-parse", "HEAD^", env=env) == head
    assert git(repo, "show", f"HEAD:{CORE}", env=env) + "\n" == REFACTORED
    assert git(repo, "status", "--porcelain", env=env) == ""


def test_stats_and_predictions_come_from_the_history_and_the_commits(repo: Path, env: dict[str, str]) -> None:
    core = repo / CORE
    committed = core.read_text()
    write(core, broken(committed))
    tcr(repo, env, "--predict", "green")  # wrong: it is red
    write(core, REFACTORED)
    tcr(repo, env, "--predict", "green")  # right
    stats = json.loads(kata("tcr", "fees", "--stats", "--json", cwd=repo, env=env).stdout)
    assert stats["runs"] == 2 and stats["green"] == 1 and stats["red"] == 1
    assert stats["commits"] == 1 and stats["attempts"] == 1
    assert stats["average_step"] == 4.0 and stats["average_attempt"] == 2.0
    assert stats["predictions"] == 2 and stats["predictions_right"] == 1
    assert stats["seconds_in_red"] > 0
    table = kata("tcr", "fees", "--stats", cwd=repo, env=env).stdout
    assert "time in red" in table and "average step" in table
    progress = json.loads(kata("progress", "fees", "--json", cwd=repo, env=env).stdout)
    assert [(r["command"], r["light"], r["prediction_correct"]) for r in progress] == [
        ("tcr", "red", False),
        ("tcr", "green", True),
    ]
    # Counted from the code the revert left behind, not from the reverted attempt.
    assert progress[1]["lines_changed"] == stats["average_step"]


def test_tcr_watch_commits_green_saves_and_reverts_red_on_every_save(repo: Path, env: dict[str, str]) -> None:
    import subprocess
    import sys

    core = repo / CORE
    committed = core.read_text()
    process = subprocess.Popen(
        [sys.executable, "-m", "katabench.cli", "tcr", "fees", "--watch", "--runs", "3", "--json"],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    saves = [REFACTORED, broken(REFACTORED)]
    for line in process.stderr:
        if "watching" in line:
            if not saves:
                break
            write(core, saves.pop(0))
    out, err = process.communicate(timeout=300)
    runs = [json.loads(line) for line in out.splitlines()]
    assert [(r["run"], r["light"]) for r in runs] == [(1, "green"), (2, "green"), (3, "red")], err
    assert core.read_text() == REFACTORED  # the red save was reverted to the green commit
    assert git(repo, "show", f"HEAD:{CORE}", env=env) + "\n" == REFACTORED
    attempts = json.loads(kata("tcr", "fees", "--restore", "--json", cwd=repo, env=env).stdout)
    assert len(attempts) == 1 and committed != REFACTORED
