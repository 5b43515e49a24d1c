"""Mob programming on git: a WIP branch, a driver rotation on a timer, co-author trailers at the end.

The work of base branch B travels on the WIP branch `mob/B` (pushed when a
remote exists, local otherwise). `start` joins or creates it, `next` commits
the driver's work with `Driver:`/`Next-Driver:` trailers and pushes it, `done`
merges the WIP branch into B with a final commit whose `Co-authored-by:`
trailers name the whole roster.

mob.sh's reported data-loss bugs, and what makes each impossible here:

- `start` reset away unpushed local commits: nothing here ever resets a
  branch. The local and remote WIP branches are joined by fast-forward or by
  a merge commit; a conflict stops with both sides intact.
- `done` squashed before syncing: `done` fetches the remote WIP branch and
  integrates it before it merges anything, and deletes the remote branch
  only with a lease on the commit it merged (a later push survives).
- stashed changes were not restored when a step failed: nothing is stashed.
  Uncommitted changes stay in the work tree (git refuses a switch or
  fast-forward that would overwrite them) and a copy is kept under
  `refs/katabench/mob/backup/` until the step succeeded.
- `next` did not push a branch that was ahead when the tree was clean: `next`
  pushes whenever the WIP branch is ahead of the remote, so a failed push is
  completed by running `next` again.

Every step that can be interrupted is safe to run again (see `pause.checkpoint`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from katabench.errors import FatalError
from katabench.practice.config import MobConfig, member_email, member_name
from katabench.practice.gitops import Change, Git, GitError
from katabench.practice.pause import checkpoint

SESSION_FILE = "katabench/mob.json"
BACKUP_REFS = "refs/katabench/mob/backup/"
ARCHIVE_REFS = "refs/katabench/mob/archive/"
PLACEHOLDER_DOMAIN = "mob.invalid"


@dataclass(frozen=True)
class Session:
    """This clone's view of the session (stored in the git folder, never committed)."""

    base: str
    wip: str
    team: tuple[str, ...]
    minutes: float
    driver: str
    turn_ends: str  # ISO 8601, UTC

    def to_json(self) -> dict[str, object]:
        return {
            "base": self.base,
            "wip": self.wip,
            "team": list(self.team),
            "minutes": self.minutes,
            "driver": self.driver,
            "turn_ends": self.turn_ends,
        }


@dataclass(frozen=True)
class MobOutcome:
    """What a mob command did, in order, and who drives now."""

    action: str
    base: str
    wip: str
    remote: str | None
    steps: tuple[str, ...]
    driver: str | None = None
    next_driver: str | None = None
    turn_ends: str | None = None
    commit: str | None = None
    co_authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class WipCommit:
    sha: str
    subject: str
    driver: str | None
    author: str


@dataclass(frozen=True)
class MobStatus:
    branch: str | None
    base: str | None
    wip: str | None
    on_wip: bool
    wip_exists: bool
    remote: str | None
    ahead: int | None  # WIP commits not on the remote (None: no remote WIP branch)
    behind: int | None
    uncommitted: tuple[str, ...]
    session: Session | None
    seconds_left: float | None
    next_driver: str | None
    commits: tuple[WipCommit, ...]
    team: tuple[str, ...]


# -- small pure helpers ---------------------------------------------------------------


def split_branch(branch: str, prefix: str) -> tuple[str, str]:
    """(base, wip) for the current branch: on `mob/main` -> (main, mob/main); on `main` -> (main, mob/main)."""
    if branch.startswith(prefix) and len(branch) > len(prefix):
        return branch[len(prefix) :], branch
    return branch, prefix + branch


def same_person(a: str, b: str) -> bool:
    return member_name(a).casefold() == member_name(b).casefold()


def successor(team: Sequence[str], driver: str) -> str | None:
    """Who drives after `driver`: the next member of the roster (the first when the driver is not in it)."""
    names = [member_name(m) for m in team]
    if not names:
        return None
    for index, name in enumerate(names):
        if same_person(name, driver):
            return names[(index + 1) % len(names)]
    return names[0]


def first_driver(explicit: str | None, announced: str | None, team: Sequence[str], me: str) -> str:
    """Who drives when a session starts or is joined.

    An explicit `--driver` wins; then the driver the last handover announced;
    then you, when you are on the roster (or there is none); else the roster's first member.
    """
    if explicit:
        return member_name(explicit)
    if announced:
        return announced
    if not team or any(same_person(m, me) for m in team):
        return me
    return member_name(team[0])


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-") or "member"


def co_authors(team: Sequence[str], drivers: Sequence[str], emails: dict[str, str]) -> tuple[str, ...]:
    """`Name <email>` for everyone on the roster and everyone who drove, roster order first, once each.

    An email comes from the roster entry, else from a WIP commit the person
    authored, else a placeholder under the reserved `.invalid` domain.
    """
    people: list[tuple[str, str | None]] = [(member_name(m), member_email(m)) for m in team]
    people += [(member_name(d), member_email(d)) for d in drivers]
    seen: set[str] = set()
    lines = []
    for name, email in people:
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        address = email or emails.get(name.casefold()) or f"{_slug(name)}@{PLACEHOLDER_DOMAIN}"
        lines.append(f"{name} <{address}>")
    return tuple(lines)


def handover_message(driver: str, follower: str | None, files: int, team: Sequence[str] = ()) -> str:
    """A handover commit's message; its trailers carry the rotation (and the roster) to the other clones."""
    what = f"{files} file{'s' if files != 1 else ''} changed" if files else "no changes"
    to = f" -> {follower}" if follower else ""
    trailers = f"Driver: {driver}" + (f"\nNext-Driver: {follower}" if follower else "")
    if team:
        trailers += f"\nMob-Team: {', '.join(team)}"
    return f"mob next: {driver}{to} ({what})\n\n{trailers}\n"


def final_message(
    base: str, wip: str, *, commits: int, drivers: Sequence[str], authors: Sequence[str], archive: str, wip_head: str
) -> str:
    """The final commit's message; `archive` is set when the WIP commits are squashed."""
    who = ", ".join(drivers) or "the mob"
    body = (
        f"Squashes {wip} ({commits} WIP commits); the WIP history is kept as {archive}."
        if archive
        else f"Merges {wip}; its {commits} WIP commits stay in the history for review."
    )
    trailers = "\n".join(f"Co-authored-by: {a}" for a in authors)
    extra = f"\nMob-Wip-Head: {wip_head}" if archive else ""
    return f"mob session on {base}: {commits} WIP commits by {who}\n\n{body}\n\n{trailers}{extra}\n"


def _files(changes: Sequence[Change], limit: int = 5) -> str:
    names = [c.path for c in changes[:limit]]
    more = f" and {len(changes) - limit} more" if len(changes) > limit else ""
    return ", ".join(names) + more


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%fZ")


# -- session file -------------------------------------------------------------------


def load_session(git: Git) -> Session | None:
    path = git.git_path(SESSION_FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Session(
            str(data["base"]),
            str(data["wip"]),
            tuple(str(t) for t in data["team"]),
            float(data["minutes"]),
            str(data["driver"]),
            str(data["turn_ends"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_session(git: Git, session: Session) -> Path:
    path = git.git_path(SESSION_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(session.to_json(), indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return path


def clear_session(git: Git) -> None:
    git.git_path(SESSION_FILE).unlink(missing_ok=True)


# -- git steps ----------------------------------------------------------------------


def whoami(git: Git, config: MobConfig) -> str:
    if config.name:
        return member_name(config.name)
    name = git.run("config", "user.name", check=False).stdout.strip()
    return name or "someone"


def remote_of(git: Git, config: MobConfig) -> str | None:
    """The configured remote if this clone has it; None means a local session."""
    return config.remote if config.remote and config.remote in git.remotes() else None


def sync_remote(git: Git, remote: str, branches: Sequence[str]) -> dict[str, str | None]:
    """Fetch `branches` from the remote; {branch: its commit there, or None when it has none}."""
    listing = git.out("ls-remote", "--heads", remote, *(f"refs/heads/{b}" for b in branches))
    found: dict[str, str] = {}
    for line in listing.splitlines():
        sha, _, ref = line.partition("\t")
        found[ref.removeprefix("refs/heads/")] = sha
    specs = [f"+refs/heads/{b}:refs/remotes/{remote}/{b}" for b in branches if b in found]
    if specs:
        git.run("fetch", "--quiet", "--no-tags", remote, *specs)
    for branch in branches:
        stale = f"refs/remotes/{remote}/{branch}"
        old = git.rev(stale)
        if branch not in found and old:
            git.delete_ref(stale, old, "katabench mob: the remote branch is gone")
    return {b: found.get(b) for b in branches}


def three_way_tree(git: Git, ours: str, theirs: str, what: str) -> str:
    """The merged tree of two commits, computed without touching the work tree; a clear error on conflict."""
    done = git.run("merge-tree", "--write-tree", "--name-only", "--no-messages", ours, theirs, check=False)
    lines = done.stdout.splitlines()
    if done.returncode == 0 and lines:
        return lines[0]
    if done.returncode == 1:
        conflicted = sorted({line for line in lines[1:] if line.strip()})
        raise FatalError(
            f"{what}: both sides changed the same lines in {', '.join(conflicted) or 'some files'}. "
            "Nothing was merged and nothing was lost; merge them yourself (git merge), then run the command again."
        )
    raise GitError(("merge-tree", ours, theirs), done.returncode, done.stderr)


def commit_all(git: Git, message: str, allow_empty: bool = False) -> str:
    git.run("add", "-A")
    args = ["commit", "--quiet", "--no-verify", "-F", "-"]
    if allow_empty:
        args.append("--allow-empty")
    git.run(*args, input=message)
    return git.head() or ""


def team_in_history(git: Git, rev: str | None) -> tuple[str, ...]:
    """The roster the last handover recorded (its `Mob-Team:` trailer), so a clone that joins knows it."""
    if not rev:
        return ()
    text = git.out("log", "-50", "--format=%(trailers:key=Mob-Team,valueonly,unfold)%x1e", rev)
    for record in text.split("\x1e"):
        if record.strip():
            return tuple(name.strip() for name in record.strip().splitlines()[-1].split(",") if name.strip())
    return ()


def wip_log(git: Git, base_ref: str, wip_ref: str) -> list[WipCommit]:
    """The WIP branch's commits not on the base branch, oldest first."""
    fmt = "%H%x00%s%x00%an <%ae>%x00%(trailers:key=Driver,valueonly,separator=%x01)%x1e"
    text = git.out("log", "--reverse", f"--format={fmt}", f"{base_ref}..{wip_ref}")
    commits = []
    for record in text.split("\x1e"):
        parts = record.strip("\n").split("\x00")
        if len(parts) == 4:
            drivers = [d for d in parts[3].strip().split("\x01") if d.strip()]
            commits.append(WipCommit(parts[0], parts[1], drivers[-1].strip() if drivers else None, parts[2]))
    return commits


@dataclass
class _Command:
    """One mob command at work: the repository, the settings, the branches, and what it did so far."""

    git: Git
    config: MobConfig
    base: str
    wip: str
    on_wip: bool
    remote: str | None
    now: datetime
    steps: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, git: Git, config: MobConfig, why: str, now: datetime | None) -> _Command:
        git.require_no_operation()
        branch = git.require_branch(why)
        base, wip = split_branch(branch, config.wip_prefix)
        return cls(git, config, base, wip, branch == wip, remote_of(git, config), now or datetime.now(UTC))

    def fetch(self, *branches: str) -> dict[str, str | None]:
        return sync_remote(self.git, self.remote, branches) if self.remote else dict.fromkeys(branches)

    def tip(self, branch: str) -> str | None:
        return self.git.rev(f"refs/heads/{branch}")

    def integrate(self, remote_sha: str, driver: str) -> None:
        """Bring the remote WIP commits into the checked-out WIP branch: fast-forward, else a merge commit."""
        git, head = self.git, self.git.head() or ""
        if git.is_ancestor(remote_sha, head):
            return
        if git.is_ancestor(head, remote_sha):
            count = git.out("rev-list", "--count", f"{head}..{remote_sha}")
            git.run("merge", "--ff-only", "--quiet", remote_sha)
            self.steps.append(f"took {count} new commit(s) from {self.remote}/{self.wip}")
            return
        tree = three_way_tree(git, head, remote_sha, f"{self.wip} and {self.remote}/{self.wip} have diverged")
        message = f"mob: merge {self.remote}/{self.wip} into {self.wip} (diverged)\n\nDriver: {driver}\n"
        merge = git.commit_tree(tree, [head, remote_sha], message)
        git.run("merge", "--ff-only", "--quiet", merge)
        self.steps.append(f"{self.wip} had diverged from {self.remote}/{self.wip}: merged both (no commit dropped)")

    def push(self, branch: str, what: str) -> None:
        remote = self.remote or ""
        try:
            self.git.run("push", "--quiet", "--no-verify", "-u", remote, f"refs/heads/{branch}:refs/heads/{branch}")
        except GitError as error:
            sha = (self.tip(branch) or "")[:10]
            raise FatalError(
                f"{remote} did not accept {branch}: {what} is safe in your local {branch} ({sha}); "
                f"run the command again once {remote} accepts pushes.\n{error}"
            ) from None
        self.steps.append(f"pushed {branch} to {remote}")

    def fast_forward_base(self, remote_base: str | None) -> None:
        """Bring the checked-out base branch up to date with the remote, when it is simply behind."""
        head = self.git.head() or ""
        if remote_base and remote_base != head and self.git.is_ancestor(head, remote_base):
            self.git.run("merge", "--ff-only", "--quiet", remote_base)
            self.steps.append(f"brought {self.base} up to date with {self.remote}/{self.base}")

    def save_backup(self, why: str) -> str:
        """A commit of every uncommitted change (untracked files included), kept under refs/katabench/mob/backup/."""
        commit = self.git.snapshot([], f"katabench {why}: uncommitted changes, kept until the step succeeded\n")
        ref = BACKUP_REFS + _stamp(self.now)
        self.git.update_ref(ref, commit, None, f"katabench {why}: backup of uncommitted changes")
        return ref

    def current_driver(self, session: Session | None) -> str:
        if session is not None and session.wip == self.wip and session.driver:
            return session.driver
        head = self.git.head()
        announced = self.git.trailer(head, "Next-Driver") if head else None
        return announced or whoami(self.git, self.config)

    def team(self, session: Session | None, rev: str | None) -> tuple[str, ...]:
        """The roster: your settings, else this clone's session, else the one the last handover recorded."""
        if self.config.team:
            return self.config.team
        if session is not None and session.wip == self.wip and session.team:
            return session.team
        return team_in_history(self.git, rev)

    def begin_turn(self, driver: str, team: tuple[str, ...]) -> Session:
        ends = (self.now + timedelta(minutes=self.config.minutes)).isoformat(timespec="milliseconds")
        session = Session(self.base, self.wip, team, self.config.minutes, driver, ends)
        save_session(self.git, session)
        return session

    def outcome(self, action: str, **values: object) -> MobOutcome:
        return MobOutcome(action, self.base, self.wip, self.remote, tuple(self.steps), **values)  # type: ignore[arg-type]


# -- start ------------------------------------------------------------------------------


def _join(cmd: _Command, local: str | None, there: dict[str, str | None], dirty: Sequence[Change]) -> None:
    """Get onto the WIP branch: yours, the remote's, or a new one from the base branch."""
    git, wip, remote_wip = cmd.git, cmd.wip, there.get(cmd.wip)
    if cmd.on_wip:
        return
    if local:
        git.run("switch", "--quiet", wip)
        cmd.steps.append(f"switched to your {wip}")
    elif remote_wip:
        git.run("switch", "--quiet", "-c", wip, f"refs/remotes/{cmd.remote}/{wip}")
        cmd.steps.append(f"joined the session: {wip} from {cmd.remote}")
    else:
        cmd.fast_forward_base(there.get(cmd.base))
        git.run("switch", "--quiet", "-c", wip)
        cmd.steps.append(f"created {wip} from {cmd.base}")
    if dirty:
        cmd.steps.append(f"carried your uncommitted changes along ({_files(dirty)})")


def start(
    git: Git,
    config: MobConfig,
    *,
    driver: str | None = None,
    include_uncommitted: bool = False,
    now: datetime | None = None,
) -> MobOutcome:
    """Create or join the WIP branch of the current branch and start a driver's turn."""
    cmd = _Command.open(git, config, "a mob session starts from a branch", now)
    dirty = git.changes()
    if dirty and not cmd.on_wip and not include_uncommitted:
        raise FatalError(
            f"you have uncommitted changes ({_files(dirty)}); nothing was changed. Commit them, "
            "or pass --include-uncommitted to carry them into the mob session."
        )
    there = cmd.fetch(cmd.base, cmd.wip)
    if cmd.remote:
        cmd.steps.append(f"fetched {cmd.base} and {cmd.wip} from {cmd.remote}")
    checkpoint("start-fetched")
    local, remote_wip = cmd.tip(cmd.wip), there.get(cmd.wip)
    related = not (local and remote_wip) or git.is_ancestor(local, remote_wip) or git.is_ancestor(remote_wip, local)
    if dirty and not related:
        raise FatalError(
            f"{cmd.wip} and {cmd.remote}/{cmd.wip} have diverged and you have uncommitted changes ({_files(dirty)}); "
            "nothing was changed. Commit or put aside your changes, then run kata mob start again "
            "(it merges both sides; no commit is dropped)."
        )
    newest = remote_wip if remote_wip and (not local or git.is_ancestor(local, remote_wip)) else local
    session = load_session(git)
    team = cmd.team(session, newest)
    me = whoami(git, config)
    who = first_driver(driver, git.trailer(newest, "Next-Driver") if newest else None, team, me)
    backup = cmd.save_backup("mob start") if dirty else None
    try:
        _join(cmd, local, there, dirty)
        checkpoint("start-switched")
        if remote_wip:
            cmd.integrate(remote_wip, who)
        if cmd.remote and git.head() != remote_wip:
            cmd.push(cmd.wip, "the session")
        checkpoint("start-pushed")
    except FatalError as error:
        if backup:
            raise FatalError(
                f"{error}\nYour uncommitted changes are still in your files; a copy is also kept as {backup}."
            ) from None
        raise
    if backup:
        git.delete_ref(backup, git.rev(backup) or "", "katabench mob start: step succeeded")
    if not cmd.remote:
        where = f"no remote {config.remote!r}: " if config.remote else ""
        cmd.steps.append(f"{where}a local session in this clone")
    elif any(same_person(m, me) for m in team) and not same_person(me, who):
        cmd.steps.append(f"the rotation says {who} drives; you are {me}: pass --driver {me!r} to take the keyboard")
    turn = cmd.begin_turn(who, team)
    return cmd.outcome("start", driver=who, next_driver=successor(team, who), turn_ends=turn.turn_ends)


# -- next -------------------------------------------------------------------------------


def next_turn(git: Git, config: MobConfig, *, now: datetime | None = None) -> MobOutcome:
    """Commit the driver's work as a handover, push it, and announce the next driver."""
    cmd = _Command.open(git, config, "kata mob next hands over the WIP branch", now)
    if not cmd.on_wip:
        raise FatalError(f"you are on {cmd.base}, not on a mob WIP branch: run `kata mob start` first")
    remote_wip = cmd.fetch(cmd.wip)[cmd.wip]
    session = load_session(git)
    team = cmd.team(session, remote_wip or "HEAD")
    driver = cmd.current_driver(session)
    follower = successor(team, driver)
    dirty = git.changes()
    if not dirty and remote_wip:
        cmd.integrate(remote_wip, driver)  # catch up first, so a handover never starts from a stale tip
    head = git.head() or ""
    if dirty:
        commit_all(git, handover_message(driver, follower, len(dirty), team))
        cmd.steps.append(f"committed {driver}'s work ({_files(dirty)})")
    elif cmd.remote and (remote_wip is None or not git.is_ancestor(head, remote_wip)):
        # A handover whose push failed (or was interrupted): complete it, do not hand over twice.
        announced, handed = git.trailer(head, "Next-Driver"), git.trailer(head, "Driver")
        if announced and handed:
            driver, follower = handed, announced
        cmd.steps.append("nothing new to commit; the branch is ahead of the remote")
    else:
        commit_all(git, handover_message(driver, follower, 0, team), allow_empty=True)
        cmd.steps.append(f"no changes: recorded the handover from {driver}")
    checkpoint("next-committed")
    if cmd.remote:
        if remote_wip:
            cmd.integrate(remote_wip, driver)
        cmd.push(cmd.wip, f"{driver}'s work")
    checkpoint("next-pushed")
    turn = cmd.begin_turn(follower or driver, team)
    return cmd.outcome("next", driver=driver, next_driver=follower, turn_ends=turn.turn_ends, commit=git.head())


# -- done -------------------------------------------------------------------------------


def _archive_for(cmd: _Command, wip_sha: str) -> str:
    prefix = f"{ARCHIVE_REFS}{cmd.base}/"
    for ref, sha in cmd.git.refs(prefix).items():
        if sha == wip_sha:
            return ref
    ref = prefix + _stamp(cmd.now)
    cmd.git.update_ref(ref, wip_sha, None, "katabench mob done: the WIP history, kept for review")
    return ref


def _sync_for_done(cmd: _Command, driver: str) -> None:
    """Commit what is left, then take every commit the remote WIP branch has: done syncs before merging."""
    git, wip = cmd.git, cmd.wip
    if cmd.on_wip:
        dirty = git.changes()
        if dirty:
            commit_all(git, f"mob done: last changes by {driver}\n\nDriver: {driver}\n")
            cmd.steps.append(f"committed the last changes ({_files(dirty)})")
        checkpoint("done-committed")
    if not cmd.remote:
        return
    remote_wip = cmd.fetch(wip)[wip]
    local = cmd.tip(wip) or ""
    if remote_wip and not git.is_ancestor(remote_wip, local):
        if cmd.on_wip:
            cmd.integrate(remote_wip, driver)
        elif git.is_ancestor(local, remote_wip):
            git.update_ref(f"refs/heads/{wip}", remote_wip, local, "katabench mob done: fast-forward to the remote")
            cmd.steps.append(f"took the new commits of {cmd.remote}/{wip}")
        else:
            raise FatalError(
                f"{wip} and {cmd.remote}/{wip} have diverged; nothing was changed. "
                f"Switch to {wip} and run `kata mob done` there: it merges both sides first."
            )
    if cmd.tip(wip) != remote_wip:
        cmd.push(wip, "the session")


def _final_commit(cmd: _Command, wip_sha: str, squash: bool, team: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Merge (or squash) the WIP branch into the checked-out base branch; (the final commit, its co-authors)."""
    git, head = cmd.git, cmd.git.head() or ""
    log = wip_log(git, head, wip_sha)
    drivers = list(dict.fromkeys(c.driver for c in log if c.driver))
    emails = {member_name(c.author).casefold(): member_email(c.author) or "" for c in log}
    authors = co_authors(team, drivers, {k: v for k, v in emails.items() if v})
    archive = _archive_for(cmd, wip_sha) if squash else ""
    if git.is_ancestor(wip_sha, head) or git.trailer(head, "Mob-Wip-Head") == wip_sha:
        cmd.steps.append(f"{cmd.wip} is already in {cmd.base}")
        return head, authors
    what = f"merging {cmd.wip} into {cmd.base}"
    if squash:
        tree = git.tree_of(wip_sha) if git.is_ancestor(head, wip_sha) else three_way_tree(git, head, wip_sha, what)
        parents = [head]
    else:
        tree = three_way_tree(git, head, wip_sha, what)
        parents = [head, wip_sha]
    message = final_message(
        cmd.base, cmd.wip, commits=len(log), drivers=drivers, authors=authors, archive=archive, wip_head=wip_sha
    )
    final = git.commit_tree(tree, parents, message)
    git.run("merge", "--ff-only", "--quiet", final)
    cmd.steps.append(
        f"squashed {len(log)} WIP commits into one commit on {cmd.base} (history kept as {archive})"
        if squash
        else f"merged {cmd.wip} into {cmd.base} ({len(log)} WIP commits kept)"
    )
    return final, authors


def _publish(cmd: _Command, final: str, wip_sha: str) -> None:
    """Push the base branch (and the archive), then delete the remote WIP branch with a lease."""
    git, remote, wip = cmd.git, cmd.remote or "", cmd.wip
    archives = [ref for ref, sha in git.refs(f"{ARCHIVE_REFS}{cmd.base}/").items() if sha == wip_sha]
    refs = [f"refs/heads/{cmd.base}:refs/heads/{cmd.base}"] + [f"{a}:{a}" for a in archives]
    try:
        git.run("push", "--quiet", remote, *refs)  # your pre-push hooks judge the final work (not the WIP pushes)
    except GitError as error:
        raise FatalError(
            f"{remote} (or a pre-push hook) did not accept {cmd.base}: "
            f"the final commit is safe in your local {cmd.base} ({final[:10]}) "
            f"and {wip} stays on {remote}. Bring {cmd.base} up to date (git pull), then run "
            f"`kata mob done` again.\n{error}"
        ) from None
    cmd.steps.append(f"pushed {cmd.base} to {remote}")
    checkpoint("done-pushed")
    if git.rev(f"refs/remotes/{remote}/{wip}"):
        lease = f"--force-with-lease=refs/heads/{wip}:{wip_sha}"
        try:
            git.run("push", "--quiet", "--no-verify", lease, remote, f":refs/heads/{wip}")
        except GitError as error:
            raise FatalError(
                f"{remote}/{wip} was not deleted: it has commits pushed after this session was merged "
                f"(or {remote} refused). They are not lost: run `kata mob done` again to take them in.\n{error}"
            ) from None
        cmd.steps.append(f"deleted {wip} on {remote}")


def done(
    git: Git,
    config: MobConfig,
    *,
    squash: bool | None = None,
    push_base: bool | None = None,
    now: datetime | None = None,
) -> MobOutcome:
    """End the session: sync, merge the WIP branch into the base with co-author trailers, clean up."""
    squash = config.squash if squash is None else squash
    push_base = config.push if push_base is None else push_base
    cmd = _Command.open(git, config, "kata mob done needs to know which session to finish", now)
    if not cmd.on_wip and not cmd.tip(cmd.wip):
        remote_wip = cmd.fetch(cmd.wip)[cmd.wip]
        if not remote_wip:
            raise FatalError(f"there is no mob session on {cmd.base} (no branch {cmd.wip}); nothing to finish")
        git.update_ref(f"refs/heads/{cmd.wip}", remote_wip, None, "katabench mob done: the remote WIP branch")
    session = load_session(git)
    driver = cmd.current_driver(session) if cmd.on_wip else whoami(git, config)
    _sync_for_done(cmd, driver)
    checkpoint("done-synced")
    if cmd.on_wip:
        git.run("switch", "--quiet", cmd.base)
        cmd.steps.append(f"switched to {cmd.base}")
    cmd.fast_forward_base(cmd.fetch(cmd.base)[cmd.base])
    checkpoint("done-switched")
    wip_sha = cmd.tip(cmd.wip) or ""
    team = tuple(dict.fromkeys([*cmd.team(session, wip_sha), *team_in_history(git, wip_sha)]))
    final, authors = _final_commit(cmd, wip_sha, squash, team)
    checkpoint("done-merged")
    if cmd.remote and push_base:
        _publish(cmd, final, wip_sha)
    elif cmd.remote:
        cmd.steps.append(f"{cmd.base} was not pushed (--no-push), so {cmd.wip} stays on {cmd.remote}")
    archived = wip_sha in git.refs(f"{ARCHIVE_REFS}{cmd.base}/").values()
    if cmd.tip(cmd.wip) and (archived or git.is_ancestor(wip_sha, git.head() or "")):
        git.delete_ref(f"refs/heads/{cmd.wip}", wip_sha, "katabench mob done: merged")
        cmd.steps.append(f"deleted the local {cmd.wip}")
    clear_session(git)
    return cmd.outcome("done", driver=driver, commit=final, co_authors=authors)


# -- status -----------------------------------------------------------------------------


def status(git: Git, config: MobConfig, now: datetime | None = None) -> MobStatus:
    """Where the session stands, from what this clone knows (no fetch, nothing changed)."""
    now = now or datetime.now(UTC)
    branch = git.branch()
    session = load_session(git)
    if branch is None:
        return MobStatus(None, None, None, False, False, None, None, None, (), session, None, None, (), config.team)
    base, wip = split_branch(branch, config.wip_prefix)
    remote = remote_of(git, config)
    wip_sha = git.rev(f"refs/heads/{wip}")
    remote_sha = git.rev(f"refs/remotes/{remote}/{wip}") if remote else None
    ahead = behind = None
    if wip_sha and remote_sha:
        counts = git.out("rev-list", "--left-right", "--count", f"{wip_sha}...{remote_sha}").split()
        ahead, behind = int(counts[0]), int(counts[1])
    base_sha = git.rev(f"refs/heads/{base}")
    commits = tuple(wip_log(git, base_sha, wip_sha)) if wip_sha and base_sha else ()
    if session is not None and session.wip != wip:
        session = None
    team = session.team if session and session.team else config.team
    driver = session.driver if session else (commits[-1].driver if commits else None)
    seconds_left = None
    if session is not None:
        try:
            seconds_left = (datetime.fromisoformat(session.turn_ends) - now).total_seconds()
        except ValueError:
            seconds_left = None
    uncommitted = tuple(c.path for c in git.changes()) if git.head() else ()
    return MobStatus(
        branch,
        base,
        wip,
        branch == wip,
        wip_sha is not None,
        remote,
        ahead,
        behind,
        uncommitted,
        session,
        seconds_left,
        successor(team, driver) if driver else None,
        commits,
        team,
    )
