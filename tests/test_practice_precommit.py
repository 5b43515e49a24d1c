"""The pre-commit hook: a commit that turns a kata's harness red is blocked; nothing else is touched.

The hook runs through the real pre-commit, installed in a real repository:
the test's configuration takes the exported hook from .pre-commit-hooks.yaml
and only swaps `language: python` (pre-commit would build a virtualenv from
the network) for `language: system` (this virtualenv's `kata`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from helpers import ROOT
from practice_helpers import git, isolated_env, kata, kata_repo, state_of, write

CORE = "legacy/fees/core.py"


def test_the_exported_hook_and_the_repository_config_are_valid_for_pre_commit() -> None:
    hooks = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["kata-harness-green"]
    assert hooks[0]["entry"] == "kata pre-commit" and hooks[0]["require_serial"]
    config = load_config(str(ROOT / ".pre-commit-config.yaml"))
    ids = [h["id"] for repo in config["repos"] for h in repo["hooks"]]
    assert ids == ["ruff", "ruff-format", "mypy", "kata-harness-green"]


@pytest.fixture
def hooked(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A student repository with katabench's hook installed by pre-commit."""
    bin_dir = str(Path(sys.executable).parent)
    env = isolated_env(
        tmp_path, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), PATH=bin_dir + os.pathsep + os.environ["PATH"]
    )
    repo = kata_repo(tmp_path, env)
    hook = dict(load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))[0])
    hook["language"] = "system"
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml", env=env)
    git(repo, "commit", "-qm", "use katabench's hook", env=env)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True, capture_output=True)
    return repo, env


def test_a_commit_that_turns_the_harness_red_is_blocked_and_loses_nothing(hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    core = repo / CORE
    write(core, core.read_text().replace("days * 3 + 1", "days * 3 + 2"))
    git(repo, "add", CORE, env=env)
    before = state_of(repo, env)
    done = subprocess.run(
        ["git", "commit", "-m", "a step too far"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "fees: harness red" in done.stderr and "commit blocked" in done.stderr  # git shows hook output on stderr
    after = state_of(repo, env)
    assert after == before  # no commit, the change still staged, every file as it was
    assert git(repo, "diff", "--cached", "--name-only", env=env) == CORE


def test_the_hook_judges_what_is_staged_not_what_is_in_the_work_tree(hooked: tuple[Path, dict[str, str]]) -> None:
    repo, env = hooked
    core = repo / CORE
    original = core.read_text()
    green = original.replace("        return -1", "        return -1  # unknown kinds")
    write(core, green)
    git(repo, "add", CORE, env=env)
    red_and_unstaged = green.replace("days * 4", "days * 5")
    write(core, red_and_unstaged)
    head = git(repo, "rev-parse", "HEAD", env=env)
    done = subprocess.run(
        ["git", "commit", "-m", "green step"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kata harness stays green" in done.stdout + done.stderr
    assert git(repo, "rev-parse", "HEAD^", env=env) == head
    assert git(repo, "show", f"HEAD:{CORE}", env=env) + "\n" == green
    assert core.read_text() == red_and_unstaged  # pre-commit put the unstaged change back


def test_the_hook_command_ignores_files_outside_every_kata(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    repo = kata_repo(tmp_path, env)
    write(repo / "README.md", "notes\n")
    done = kata("pre-commit", "README.md", cwd=repo, env=env)
    assert done.returncode == 0 and done.stdout == ""
    write(repo / CORE, (repo / CORE).read_text().replace("return -1", "return -2"))
    done = kata("pre-commit", CORE, cwd=repo, env=env)
    assert done.returncode == 1
    assert "fees: harness red" in done.stdout and "commit blocked" in done.stdout
