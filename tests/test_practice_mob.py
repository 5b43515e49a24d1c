"""`kata mob`: a three-person mob on one machine, and mob.sh's data-loss bugs made impossible.

The mob is three clones of one bare remote in temporary folders (plus the
no-remote, single-clone case). After every fault the tests check every
file's content and every ref: no commit and no working change is lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from katabench.errors import FatalError
from katabench.practice.config import load_config, parse_layer
from katabench.practice.mob import co_authors, first_driver, split_branch, successor
from practice_helpers import (
    Paused,
    RepoState,
    contains,
    git,
    isolated_env,
    kata,
    make_remote,
    member_clone,
    reject_pushes,
    state_of,
    write,
)


@dataclass
class Mob:
    origin: Path
    alice: Path
    bob: Path
    carol: Path
    env: dict[str, str]
    tmp: Path

    def git(self, repo: Path, *args: str, check: bool = True) -> str:
        return git(repo, *args, env=self.env, check=check)

    def mob(self, repo: Path, *args: str) -> str:
        done = kata("mob", *args, cwd=repo, env=self.env)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def fails(self, repo: Path, *args: str) -> str:
        done = kata("mob", *args, cwd=repo, env=self.env)
        assert done.returncode == 2, done.stdout + done.stderr
        return done.stderr

    def sha(self, repo: Path, ref: str) -> str:
        return self.git(repo, "rev-parse", ref)

    def trailers(self, repo: Path, commit: str) -> str:
        return self.git(repo, "log", "-1", "--format=%(trailers:only,unfold)", commit)


@pytest.fixture
def mob(tmp_path: Path) -> Mob:
    env = isolated_env(tmp_path)
    origin = make_remote(tmp_path, env)
    clones = [member_clone(origin, tmp_path / name, name, env) for name in ("alice", "bob", "carol")]
    return Mob(origin, *clones, env=env, tmp=tmp_path)


TEAM = "alice,bob,carol,dave <dave@example.org>"


def only_moved(before: RepoState, after: RepoState, *moved: str) -> None:
    """Every ref is where it was, except `moved` (which must still contain their old commit)."""
    assert set(after.refs) >= set(before.refs)
    for ref, sha in before.refs.items():
        if ref not in moved:
            assert after.refs[ref] == sha, ref


def test_a_three_person_mob_rotates_on_one_machine_and_done_credits_the_whole_roster(mob: Mob) -> None:
    out = mob.mob(mob.alice, "start", "--team", TEAM, "--minutes", "7")
    assert "created mob/main from main" in out and "alice drives until" in out and "next: bob" in out
    write(mob.alice / "app.py", "def greet(name):\n    return f'hello {name}'\n")
    out = mob.mob(mob.alice, "next")
    assert "bob, you drive now" in out
    assert mob.git(mob.origin, "rev-parse", "mob/main") == mob.sha(mob.alice, "HEAD")

    out = mob.mob(mob.bob, "start")
    assert "joined the session: mob/main from origin" in out and "bob drives" in out
    assert (mob.bob / "app.py").read_text() == "def greet(name):\n    return f'hello {name}'\n"
    write(mob.bob / "shout.py", "def shout(text):\n    return text.upper()\n")
    assert "carol, you drive now" in mob.mob(mob.bob, "next")

    mob.mob(mob.carol, "start")
    write(mob.carol / "README.md", "# team project\n\nGreets and shouts.\n")
    assert "dave, you drive now" in mob.mob(mob.carol, "next")

    status = mob.mob(mob.alice, "status")
    assert "mob session mob/main" in status
    out = mob.mob(mob.alice, "done")
    assert "took 2 new commit(s) from origin/mob/main" in out
    assert "merged mob/main into main (3 WIP commits kept)" in out
    assert "deleted mob/main on origin" in out

    final = mob.git(mob.origin, "rev-parse", "main")
    message = mob.git(mob.origin, "log", "-1", "--format=%B", final)
    for author in (
        "alice <alice@example.org>",
        "bob <bob@example.org>",
        "carol <carol@example.org>",
        "dave <dave@example.org>",
    ):
        assert f"Co-authored-by: {author}" in message  # dave never typed, and is credited
    wip_commits = mob.git(mob.origin, "log", "--format=%H", f"{final}^1..{final}^2").split()
    assert len(wip_commits) == 3  # the WIP history stays reviewable
    drivers = [mob.trailers(mob.origin, c) for c in reversed(wip_commits)]
    assert [d.splitlines()[0] for d in drivers] == ["Driver: alice", "Driver: bob", "Driver: carol"]
    assert "Next-Driver: dave" in drivers[-1]
    assert mob.git(mob.origin, "branch", "--list", "mob/main") == ""
    assert mob.git(mob.alice, "branch", "--show-current") == "main"
    for name in ("app.py", "shout.py", "README.md"):
        assert (mob.alice / name).read_text() == mob.git(mob.origin, "show", f"main:{name}") + "\n"


def test_a_mob_in_a_single_clone_without_remote_rotates_and_merges_locally(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    origin = make_remote(tmp_path, env)
    repo = member_clone(origin, tmp_path / "laptop", "shared-laptop", env)
    git(repo, "remote", "remove", "origin", env=env)

    def mob(*args: str) -> str:
        done = kata("mob", *args, cwd=repo, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    out = mob("start", "--team", "ann,ben,cy")
    assert "local session" in out and "ann drives" in out  # the laptop's user is not on the roster
    write(repo / "app.py", "print('ann was here')\n")
    assert "ben, you drive now" in mob("next")
    write(repo / "ben.py", "BEN = 1\n")
    assert "cy, you drive now" in mob("next")
    assert "ann, you drive now" in mob("next")  # a turn without changes is still a recorded handover
    status = mob("status")
    assert "local session (no remote)" in status and "driver: ann" in status
    data = json.loads(mob("status", "--json"))
    assert data["session"]["driver"] == "ann" and [c["driver"] for c in data["commits"]] == ["ann", "ben", "cy"]
    out = mob("done")
    assert "merged mob/main into main (3 WIP commits kept)" in out
    log = git(repo, "log", "--format=%s", "main^1..main^2", env=env).splitlines()
    assert log == [
        "mob next: cy -> ann (no changes)",
        "mob next: ben -> cy (1 file changed)",
        "mob next: ann -> ben (1 file changed)",
    ]
    message = git(repo, "log", "-1", "--format=%B", "main", env=env)
    assert "Co-authored-by: ann <ann@mob.invalid>" in message and "Co-authored-by: cy <cy@mob.invalid>" in message
    assert git(repo, "branch", "--list", "mob/main", env=env) == ""
    assert (repo / "ben.py").read_text() == "BEN = 1\n"


def test_start_never_resets_away_unpushed_local_commits(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    write(mob.alice / "app.py", "A = 1\n")
    mob.mob(mob.alice, "next")
    # alice keeps working locally without pushing: two commits only she has.
    write(mob.alice / "alice.py", "ONE = 1\n")
    mob.git(mob.alice, "commit", "-qam", "x", check=False)
    mob.git(mob.alice, "add", "-A")
    mob.git(mob.alice, "commit", "-qm", "alice: local commit 1")
    write(mob.alice / "alice.py", "ONE = 1\nTWO = 2\n")
    mob.git(mob.alice, "commit", "-qam", "alice: local commit 2")
    mine = mob.sha(mob.alice, "HEAD")
    # meanwhile bob pushes to the same WIP branch: the branches diverge.
    mob.mob(mob.bob, "start")
    write(mob.bob / "bob.py", "B = 1\n")
    mob.mob(mob.bob, "next")
    bobs = mob.git(mob.origin, "rev-parse", "mob/main")

    out = mob.mob(mob.alice, "start")
    assert "merged both (no commit dropped)" in out
    for commit in (mine, bobs):
        assert contains(mob.alice, commit, "mob/main", mob.env)
        assert contains(mob.origin, commit, "mob/main", mob.env)
    assert (mob.alice / "alice.py").read_text() == "ONE = 1\nTWO = 2\n"
    assert (mob.alice / "bob.py").read_text() == "B = 1\n"


def test_start_pushes_a_local_wip_branch_that_is_ahead(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    write(mob.alice / "alice.py", "X = 1\n")
    mob.git(mob.alice, "add", "-A")
    mob.git(mob.alice, "commit", "-qm", "unpushed")
    mine = mob.sha(mob.alice, "HEAD")
    out = mob.mob(mob.alice, "start")
    assert "pushed mob/main to origin" in out
    assert mob.git(mob.origin, "rev-parse", "mob/main") == mine


def test_done_syncs_before_merging_so_a_stale_clone_keeps_the_others_work(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    write(mob.alice / "app.py", "A = 1\n")
    mob.mob(mob.alice, "next")
    mob.mob(mob.bob, "start")
    write(mob.bob / "bob.py", "B = 1\n")
    mob.mob(mob.bob, "next")
    bobs = mob.git(mob.origin, "rev-parse", "mob/main")
    assert (
        not contains(mob.alice, bobs, "HEAD", mob.env)
        if mob.git(mob.alice, "cat-file", "-t", bobs, check=False)
        else True
    )  # alice's clone has not seen bob's work

    mob.mob(mob.alice, "done")
    assert contains(mob.origin, bobs, "main", mob.env)
    assert mob.git(mob.origin, "show", "main:bob.py") == "B = 1"
    assert (mob.alice / "bob.py").read_text() == "B = 1\n"


def test_uncommitted_changes_stay_in_the_files_when_start_fails(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    mob.mob(mob.alice, "next")
    mob.mob(mob.bob, "start")
    write(mob.bob / "app.py", "BOB = 'was here'\n")
    mob.mob(mob.bob, "next")
    # alice, back on the WIP branch, has uncommitted work on the same file bob changed.
    write(mob.alice / "app.py", "ALICE = 'uncommitted'\n")
    write(mob.alice / "notes.txt", "untracked notes\n")
    before = state_of(mob.alice, mob.env)

    err = mob.fails(mob.alice, "start")
    assert "Your uncommitted changes are still in your files" in err
    after = state_of(mob.alice, mob.env)
    assert after.files == before.files
    assert after.head == before.head and after.ref("refs/heads/mob/main") == before.ref("refs/heads/mob/main")
    backups = [r for r in after.refs if r.startswith("refs/katabench/mob/backup/")]
    assert len(backups) == 1
    assert mob.git(mob.alice, "show", f"{backups[0]}:app.py") == "ALICE = 'uncommitted'"
    assert mob.git(mob.alice, "show", f"{backups[0]}:notes.txt") == "untracked notes"


def test_start_with_uncommitted_changes_refuses_unless_asked_and_a_rejected_push_keeps_them(mob: Mob) -> None:
    write(mob.alice / "app.py", "WORK = 'in progress'\n")
    before = state_of(mob.alice, mob.env)
    err = mob.fails(mob.alice, "start")
    assert "uncommitted changes (app.py)" in err and "--include-uncommitted" in err
    assert state_of(mob.alice, mob.env) == before

    hook = reject_pushes(mob.origin)
    err = mob.fails(mob.alice, "start", "--include-uncommitted")
    assert "pushes are closed for maintenance" in err and "a copy is also kept as" in err
    assert state_of(mob.alice, mob.env).files == before.files
    hook.unlink()
    out = mob.mob(mob.alice, "start", "--include-uncommitted")
    assert "pushed mob/main to origin" in out
    assert (mob.alice / "app.py").read_text() == "WORK = 'in progress'\n"


def test_next_pushes_whenever_the_branch_is_ahead_even_with_a_clean_tree(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    remote_before = mob.git(mob.origin, "rev-parse", "mob/main")
    write(mob.alice / "app.py", "A = 'work'\n")
    hook = reject_pushes(mob.origin)
    before = state_of(mob.alice, mob.env)
    err = mob.fails(mob.alice, "next")
    assert "pushes are closed for maintenance" in err and "is safe in your local mob/main" in err
    handover = mob.sha(mob.alice, "HEAD")
    after = state_of(mob.alice, mob.env)
    assert after.files == before.files
    only_moved(before, after, "refs/heads/mob/main")
    assert mob.git(mob.alice, "rev-parse", "HEAD^") == before.refs["refs/heads/mob/main"]
    assert mob.git(mob.alice, "show", f"{handover}:app.py") == "A = 'work'"
    assert (mob.alice / "app.py").read_text() == "A = 'work'\n"
    assert mob.git(mob.origin, "rev-parse", "mob/main") == remote_before

    hook.unlink()
    out = mob.mob(mob.alice, "next")  # the tree is clean now: it still pushes, and hands over once
    assert "nothing new to commit; the branch is ahead of the remote" in out and "bob, you drive now" in out
    assert mob.sha(mob.alice, "HEAD") == handover
    assert mob.git(mob.origin, "rev-parse", "mob/main") == handover


def test_a_diverged_wip_branch_with_conflicting_changes_stops_and_keeps_both_sides(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    mob.mob(mob.bob, "start", "--driver", "bob")
    write(mob.bob / "app.py", "WHO = 'bob'\n")
    mob.mob(mob.bob, "next")
    bobs = mob.git(mob.origin, "rev-parse", "mob/main")
    write(mob.alice / "app.py", "WHO = 'alice'\n")
    before = state_of(mob.alice, mob.env)

    err = mob.fails(mob.alice, "next")
    assert "have diverged: both sides changed the same lines in app.py" in err
    alices = mob.sha(mob.alice, "HEAD")
    after = state_of(mob.alice, mob.env)
    assert after.files == before.files
    only_moved(before, after, "refs/heads/mob/main", "refs/remotes/origin/mob/main")
    assert after.refs["refs/remotes/origin/mob/main"] == bobs
    assert mob.git(mob.alice, "rev-parse", "HEAD^") == before.refs["refs/heads/mob/main"]
    assert mob.git(mob.alice, "show", f"{alices}:app.py") == "WHO = 'alice'"  # committed, not lost
    assert (mob.alice / "app.py").read_text() == "WHO = 'alice'\n"
    assert mob.git(mob.origin, "rev-parse", "mob/main") == bobs
    assert mob.git(mob.alice, "status", "--porcelain") == ""
    assert not (mob.alice / ".git" / "MERGE_HEAD").exists()


def test_a_detached_head_is_refused_by_every_mob_command_and_nothing_changes(mob: Mob) -> None:
    mob.git(mob.alice, "switch", "-q", "--detach", "HEAD")
    write(mob.alice / "app.py", "DETACHED = 1\n")
    before = state_of(mob.alice, mob.env)
    for action in ("start", "next", "done"):
        err = mob.fails(mob.alice, action)
        assert "HEAD is detached" in err and "Nothing was changed" in err
        assert state_of(mob.alice, mob.env) == before
    assert "HEAD is detached" in mob.mob(mob.alice, "status")


@pytest.mark.parametrize(
    ("action", "step"),
    [
        ("start", "start-switched"),
        ("next", "next-committed"),
        ("done", "done-synced"),
        ("done", "done-merged"),
        ("done", "done-pushed"),
    ],
)
def test_a_command_killed_mid_way_loses_nothing_and_runs_again(mob: Mob, action: str, step: str) -> None:
    if action != "start":
        mob.mob(mob.alice, "start", "--team", TEAM)
        write(mob.alice / "app.py", "A = 'typed by alice'\n")
    if action == "done":
        mob.mob(mob.alice, "next")
        write(mob.alice / "last.py", "LAST = 1\n")
    before = state_of(mob.alice, mob.env)
    paused = Paused(
        ["mob", action] + (["--team", TEAM] if action == "start" else []), mob.alice, mob.env, step, mob.tmp / "pause"
    )
    paused.wait_until_paused()
    paused.kill()

    during = state_of(mob.alice, mob.env)
    for path, content in before.files.items():  # every change is in the files or in a commit of a branch
        assert (
            during.files.get(path) == content
            or mob.git(mob.alice, "show", f"HEAD:{path}", check=False) == (content.decode().rstrip("\n"))
            or any(
                mob.git(mob.alice, "show", f"{ref}:{path}", check=False) == content.decode().rstrip("\n")
                for ref in during.refs
            )
        ), path
    for ref, sha in before.refs.items():
        if ref.startswith("refs/heads/"):
            assert any(contains(mob.alice, sha, r, mob.env) for r in during.refs), ref

    again = kata("mob", action, cwd=mob.alice, env=mob.env)
    assert again.returncode == 0, again.stdout + again.stderr
    after = state_of(mob.alice, mob.env)
    if action == "start":
        assert after.head == "refs/heads/mob/main"
        assert mob.git(mob.origin, "rev-parse", "mob/main") == mob.sha(mob.alice, "HEAD")
    elif action == "next":
        assert mob.git(mob.origin, "show", "mob/main:app.py") == "A = 'typed by alice'"
        assert len(mob.git(mob.alice, "log", "--format=%H", "main..mob/main").split()) == 1  # handed over once
    else:
        assert after.head == "refs/heads/main"
        assert mob.git(mob.origin, "show", "main:app.py") == "A = 'typed by alice'"
        assert mob.git(mob.origin, "show", "main:last.py") == "LAST = 1"
        assert mob.git(mob.origin, "branch", "--list", "mob/main") == ""
        assert mob.git(mob.alice, "rev-parse", "main") == mob.git(mob.origin, "rev-parse", "main")


def test_done_keeps_a_wip_commit_pushed_while_it_ran_and_takes_it_in_on_the_next_run(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    write(mob.alice / "app.py", "A = 1\n")
    mob.mob(mob.alice, "next")
    mob.mob(mob.bob, "start")
    paused = Paused(["mob", "done"], mob.alice, mob.env, "done-pushed", mob.tmp / "pause")
    paused.wait_until_paused()
    write(mob.bob / "late.py", "LATE = 'bob pushed this while alice finished'\n")
    mob.mob(mob.bob, "next")
    late = mob.git(mob.origin, "rev-parse", "mob/main")

    finished = paused.resume()
    assert finished.returncode == 2, finished.stdout + finished.stderr
    assert "was not deleted: it has commits pushed after this session was merged" in finished.stderr
    assert mob.git(mob.origin, "rev-parse", "mob/main") == late

    out = mob.mob(mob.alice, "done")
    assert "took the new commits of origin/mob/main" in out
    assert contains(mob.origin, late, "main", mob.env)
    assert mob.git(mob.origin, "branch", "--list", "mob/main") == ""


def test_done_squash_makes_one_commit_and_archives_the_wip_history(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", "alice,bob")
    write(mob.alice / "app.py", "A = 1\n")
    mob.mob(mob.alice, "next")
    write(mob.alice / "b.py", "B = 1\n")
    mob.mob(mob.alice, "next")
    wip_head = mob.sha(mob.alice, "mob/main")
    base = mob.sha(mob.alice, "main")
    out = mob.mob(mob.alice, "done", "--squash")
    assert "squashed 2 WIP commits into one commit on main" in out
    final = mob.git(mob.origin, "rev-parse", "main")
    assert mob.git(mob.origin, "rev-parse", f"{final}^") == base
    assert mob.git(mob.origin, "rev-parse", f"{final}^{{tree}}") == mob.git(
        mob.alice, "rev-parse", f"{wip_head}^{{tree}}"
    )
    archives = mob.git(mob.origin, "for-each-ref", "--format=%(objectname)", "refs/katabench/mob/archive/").split()
    assert archives == [wip_head]  # the reviewable history is kept, locally and on the remote
    assert "Co-authored-by: bob <bob@mob.invalid>" in mob.git(mob.origin, "log", "-1", "--format=%B", final)


def test_done_that_cannot_push_the_base_branch_keeps_the_wip_branch_on_the_remote(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    write(mob.alice / "app.py", "A = 1\n")
    mob.mob(mob.alice, "next")
    wip = mob.git(mob.origin, "rev-parse", "mob/main")
    hook = reject_pushes(mob.origin)
    before = state_of(mob.alice, mob.env)
    err = mob.fails(mob.alice, "done")
    assert "the final commit is safe in your local main" in err
    after = state_of(mob.alice, mob.env)
    assert after.files == before.files and after.head == "refs/heads/main"
    only_moved(before, after, "refs/heads/main")
    assert after.refs["refs/heads/mob/main"] == wip
    assert mob.git(mob.origin, "rev-parse", "mob/main") == wip
    assert contains(mob.alice, wip, "main", mob.env)
    hook.unlink()
    out = mob.mob(mob.alice, "done")  # run again from main: already merged, now pushed and cleaned up
    assert "mob/main is already in main" in out and "deleted mob/main on origin" in out
    assert contains(mob.origin, wip, "main", mob.env)


def test_the_repository_file_may_not_set_a_command_and_settings_follow_their_precedence(mob: Mob) -> None:
    write(mob.alice / ".katabench-mob.toml", 'notify_command = ["sh", "-c", "echo pwned"]\n')
    err = mob.fails(mob.alice, "status")
    assert "key 'notify_command' sets a command to execute" in err
    write(mob.alice / ".katabench-mob.toml", "minutes = 12\n")
    user = mob.tmp / "xdg" / "katabench" / "mob.toml"
    write(user, "minutes = 9\nteam = ['x', 'y']\nremote = 'upstream'\n")
    env = {**mob.env, "KATABENCH_MOB_MINUTES": "3", "KATABENCH_MOB_WIP_PREFIX": "wip/", "KATABENCH_MOB_REMOTE": "o"}
    done = kata("mob", "config", cwd=mob.alice, env=env)
    assert done.returncode == 0, done.stderr
    assert f"minutes = 12.0  ({'.katabench-mob.toml'})" in done.stdout  # repository file beats user file and env
    assert f"team = ('x', 'y')  ({user})" in done.stdout
    assert f"remote = 'upstream'  ({user})" in done.stdout  # user file beats environment
    assert "wip_prefix = 'wip/'  (environment)" in done.stdout
    assert "squash = False  (default)" in done.stdout
    config = load_config(mob.alice, env, parse_layer({"team": "p, q"}, "command line", shared=False))
    assert config.team == ("p", "q") and config.sources["team"] == "command line"  # options beat every file
    assert config.minutes == 12.0 and config.sources["minutes"] == ".katabench-mob.toml"


def test_the_user_file_follows_xdg_config_home_and_a_bad_value_names_the_file_and_key(tmp_path: Path) -> None:
    write(tmp_path / "xdg" / "katabench" / "mob.toml", "minutes = 'soon'\n")
    with pytest.raises(FatalError, match=r"xdg/katabench/mob.toml: minutes: expected a number of minutes"):
        load_config(tmp_path, {"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    write(tmp_path / "home" / ".config" / "katabench" / "mob.toml", "team = ['ann']\n")
    assert load_config(tmp_path, {"HOME": str(tmp_path / "home")}).team == ("ann",)
    write(tmp_path / ".katabench-mob.toml", "name = 'mallory'\n")
    with pytest.raises(FatalError, match="key 'name' is personal"):
        load_config(tmp_path, {})
    write(tmp_path / ".katabench-mob.toml", "colour = 'red'\n")
    with pytest.raises(FatalError, match=r"\.katabench-mob\.toml: unknown key 'colour'"):
        load_config(tmp_path, {})


def test_the_rotation_and_the_co_author_trailers() -> None:
    team = ["alice", "Bob Builder <bob@example.org>", "carol"]
    assert successor(team, "alice") == "Bob Builder"
    assert successor(team, "CAROL") == "alice"
    assert successor(team, "stranger") == "alice"
    assert successor([], "alice") is None
    assert first_driver(None, None, team, "carol") == "carol"  # you, when you are on the roster
    assert first_driver(None, "Bob Builder", team, "carol") == "Bob Builder"  # the announced driver
    assert first_driver(None, None, team, "laptop") == "alice"
    assert first_driver("zoe", "Bob Builder", team, "carol") == "zoe"
    assert co_authors(team, ["carol", "dave"], {"carol": "carol@school.example"}) == (
        "alice <alice@mob.invalid>",
        "Bob Builder <bob@example.org>",
        "carol <carol@school.example>",
        "dave <dave@mob.invalid>",
    )
    assert split_branch("mob/main", "mob/") == ("main", "mob/main")
    assert split_branch("feature/x", "mob/") == ("feature/x", "mob/feature/x")


def test_the_notify_command_runs_when_the_turn_ends(mob: Mob) -> None:
    rang = mob.tmp / "rang.txt"
    script = f"import sys, pathlib; pathlib.Path({str(rang)!r}).write_text(sys.argv[-1])"
    env = {**mob.env, "KATABENCH_MOB_NOTIFY_COMMAND": f"python3 -c {script!r}"}
    done = kata("mob", "start", "--team", "alice,bob", "--minutes", "0.02", cwd=mob.alice, env=env)
    assert done.returncode == 0, done.stderr
    import time

    deadline = time.monotonic() + 30
    while not rang.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rang.read_text() == "kata mob: time is up for alice; bob drives next (kata mob next)"


def test_the_timer_counts_down_the_turn_and_announces_the_next_driver(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", "alice,bob", "--minutes", "0.02")
    out = mob.mob(mob.alice, "timer")
    assert "alice drives until" in out and "time is up for alice: bob drives next" in out


def test_next_with_a_clean_tree_catches_up_before_it_records_the_handover(mob: Mob) -> None:
    mob.mob(mob.alice, "start", "--team", TEAM)
    mob.mob(mob.bob, "start", "--driver", "bob")
    write(mob.bob / "bob.py", "B = 1\n")
    mob.mob(mob.bob, "next")
    bobs = mob.git(mob.origin, "rev-parse", "mob/main")
    out = mob.mob(mob.alice, "next")  # alice typed nothing this turn
    assert "took 1 new commit(s) from origin/mob/main" in out and "no changes: recorded the handover" in out
    assert mob.git(mob.alice, "rev-parse", "HEAD^") == bobs  # on top of bob's work: no merge needed
    assert mob.git(mob.origin, "rev-parse", "mob/main") == mob.sha(mob.alice, "HEAD")
    assert (mob.alice / "bob.py").read_text() == "B = 1\n"
