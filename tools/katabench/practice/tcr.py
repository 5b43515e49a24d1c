"""Test && commit || revert on a kata's harness.

"Test" is the approval harness: TCR guards behaviour, step by step, while the
design gates are where the kata ends, not a condition of every step (the
legacy code fails them on purpose, so TCR on all gates would revert every
step). TCR runs the harness with the cheap in-process gates and rules (their
verdicts go into the commit message) and leaves out typing, coverage and
mutation, which are separate, slower processes.

Green commits only the kata's code (`legacy/<package>`) with a message that
names the gates, the step size and the driver. Red first saves the attempt as
a commit under `refs/katabench/tcr/<timestamp>` (built from a temporary index,
so the user's index is untouched), then reverts only the kata's code: the
harness and every other file are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from katabench import history
from katabench.check import CheckReport, Selection, run_check
from katabench.errors import FatalError
from katabench.model import Status
from katabench.practice.gitops import Git
from katabench.practice.pause import checkpoint
from katabench.spec import Kata

TCR_REFS = "refs/katabench/tcr/"
SELECTION = Selection(skip=frozenset({"mutation", "typing", "coverage"}))


@dataclass(frozen=True)
class TcrOutcome:
    """One TCR step. `action`: committed, reverted, unchanged (green, nothing to commit),
    red-at-head (red with no change to revert), or changed-during-run (nothing done: run again)."""

    action: str
    light: str
    report: CheckReport
    branch: str
    lines: int
    files: tuple[str, ...]
    commit: str | None = None
    attempt: str | None = None
    message: str = ""


@dataclass(frozen=True)
class Attempt:
    """A red attempt saved by TCR (or by a restore) under refs/katabench/tcr/."""

    ref: str
    commit: str
    parent: str
    created: str
    subject: str
    kata: str | None
    lines: int
    files: tuple[str, ...]


@dataclass(frozen=True)
class RestoreOutcome:
    attempt: Attempt
    saved: str | None  # where the code you had before the restore was saved, if it had changes
    files: tuple[str, ...]


@dataclass(frozen=True)
class TcrStats:
    runs: int
    green: int
    red: int
    commits: int
    attempts: int
    seconds_in_red: float
    average_step: float | None  # lines per TCR commit
    average_attempt: float | None  # lines per reverted attempt
    predictions: int
    predictions_right: int


def code_path(kata: Kata, git: Git) -> str:
    """The kata's code, relative to the top of the git work tree."""
    try:
        return (kata.root / kata.legacy).resolve().relative_to(git.top.resolve()).as_posix()
    except ValueError:
        raise FatalError(f"{kata.legacy} is not inside the git work tree {git.top}") from None


def code_tree(git: Git, code: str) -> str:
    """HEAD's tree with the kata's code as it is on disk (what TCR would commit)."""
    return git.tree_with_worktree([code], git.head())


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ")


def _step_words(lines: int, files: Sequence[str]) -> str:
    names = [Path(f).name for f in files]
    where = names[0] if len(names) == 1 else f"{len(names)} files"
    return f"{lines} line{'s' if lines != 1 else ''} in {where}"


def gate_summary(report: CheckReport) -> str:
    passing = [r.name for r in report.results if r.status is Status.PASS]
    failing = [r.name for r in report.results if r.status in (Status.FAIL, Status.ERROR)]
    text = f"Passing: {', '.join(passing) or 'none'}."
    if failing:
        text += f" Not yet: {', '.join(failing)}."
    return text


def commit_message(
    report: CheckReport, kata: str, *, lines: int, files: Sequence[str], driver: str, subject: str | None
) -> str:
    """A green step's message: the student's subject (or one naming the change), the gates, the trailers."""
    title = subject.strip() if subject and subject.strip() else f"tcr: {_step_words(lines, files)}"
    body = f"Harness green. {gate_summary(report)}\nStep size: {lines} lines changed in {len(files)} file(s)."
    return f"{title}\n\n{body}\n\nKata: {kata}\nDriver: {driver}\nTcr-Lines: {lines}\n"


def attempt_message(report: CheckReport, kata: str, *, lines: int, files: Sequence[str], driver: str) -> str:
    return (
        f"tcr attempt ({report.light}): {_step_words(lines, files)}\n\n"
        f"Harness {report.light}. {gate_summary(report)}\n\n"
        f"Kata: {kata}\nDriver: {driver}\nTcr-Lines: {lines}\n"
    )


def _new_ref(git: Git, now: datetime) -> str:
    base = TCR_REFS + _stamp(now)
    ref, n = base, 1
    while git.rev(ref):
        n += 1
        ref = f"{base}-{n}"
    return ref


def _revert_code(git: Git, code: str, head: str) -> None:
    # Only the kata's code: tracked files back to HEAD, untracked (not ignored) files in it removed.
    git.run("restore", f"--source={head}", "--staged", "--worktree", "--", code)
    git.run("clean", "-f", "-q", "--", code)


def _save(git: Git, tree: str, head: str, message: str, now: datetime) -> str:
    attempt = git.commit_tree(tree, [head], message)
    ref = _new_ref(git, now)
    git.update_ref(ref, attempt, None, "katabench tcr: attempt saved before the revert")
    if git.rev(ref) != attempt:
        raise FatalError(f"could not save the attempt under {ref}; nothing was reverted")
    return ref


def tcr_step(
    kata: Kata,
    git: Git,
    state: Path,
    *,
    driver: str,
    message: str | None = None,
    predicted: str | None = None,
    selection: Selection = SELECTION,
    progress: Callable[[str], None] = lambda message: None,
    now: datetime | None = None,
) -> TcrOutcome:
    """Run the harness; on green commit the kata's code, otherwise save the attempt and revert the code."""
    git.require_no_operation()
    branch = git.require_branch("TCR commits every green step to a branch")
    code = code_path(kata, git)
    head = git.head() or ""
    if not git.has_path(head, code):
        raise FatalError(
            f"{code} is not committed yet, so TCR has no green state to go back to. "
            f"Commit it first: git add {code} && git commit -m 'start the kata'"
        )
    before = code_tree(git, code)
    lines, files = git.numstat(head, before, [code])
    report = run_check(kata, kata.root, state, selection, progress)
    run = history.record(state, report, history.snapshot(kata.root / kata.legacy), command="tcr", predicted=predicted)
    if code_tree(git, code) != before or git.head() != head:
        return TcrOutcome("changed-during-run", report.light, report, branch, lines, files)
    now = now or datetime.now(UTC)
    if report.light == "green":
        if not files:
            return TcrOutcome("unchanged", report.light, report, branch, 0, ())
        text = commit_message(report, kata.name, lines=lines, files=files, driver=driver, subject=message)
        commit = git.commit_tree(before, [head], text)
        # Stage the kata's code first (other staged changes stay as they were), then move the branch:
        # interrupted in between, the step is simply staged, and the next TCR run commits it.
        git.run("add", "-A", "--", code)
        checkpoint("tcr-staged")
        git.update_ref(f"refs/heads/{branch}", commit, head, f"kata tcr: {text.splitlines()[0]}")
        return TcrOutcome("committed", report.light, report, branch, lines, files, commit=commit, message=text)
    if not files:
        return TcrOutcome("red-at-head", report.light, report, branch, 0, ())
    text = attempt_message(report, kata.name, lines=lines, files=files, driver=driver)
    ref = _save(git, before, head, text, now)
    checkpoint("tcr-saved")
    _revert_code(git, code, head)
    checkpoint("tcr-reverted")
    history.left_code(state, run.id, history.snapshot(kata.root / kata.legacy))
    return TcrOutcome("reverted", report.light, report, branch, lines, files, attempt=ref)


def list_attempts(git: Git, kata: str | None = None) -> list[Attempt]:
    """Saved attempts, newest first (of one kata, when given)."""
    fmt = "%(refname)%00%(objectname)%00%(parent)%00%(creatordate:iso-strict)%00%(subject)"
    text = git.out("for-each-ref", "--sort=-refname", f"--format={fmt}", TCR_REFS)
    attempts = []
    for line in text.splitlines():
        ref, commit, parent, created, subject = line.split("\0")
        parent = parent.split()[0] if parent else ""
        owner = git.trailer(commit, "Kata")
        if kata is not None and owner is not None and owner != kata:
            continue
        lines, files = git.numstat(parent, commit) if parent else (0, ())
        attempts.append(Attempt(ref, commit, parent, created, subject, owner, lines, files))
    return attempts


def pick_attempt(attempts: Sequence[Attempt], selector: str) -> Attempt:
    """`latest`, a number from the list (1 = newest), or the ref (its last part is enough)."""
    if not attempts:
        raise FatalError("there are no saved TCR attempts to restore")
    if selector in ("", "latest"):
        return attempts[0]
    if selector.isdigit():
        index = int(selector)
        if 1 <= index <= len(attempts):
            return attempts[index - 1]
        raise FatalError(f"there is no attempt number {index}; `kata tcr NAME --restore` lists {len(attempts)}")
    for attempt in attempts:
        if selector in (attempt.ref, attempt.ref.removeprefix(TCR_REFS), attempt.commit) or (
            len(selector) >= 7 and attempt.commit.startswith(selector)
        ):
            return attempt
    raise FatalError(f"no saved attempt matches {selector!r}; `kata tcr NAME --restore` lists them")


def restore_attempt(kata: Kata, git: Git, selector: str, *, driver: str, now: datetime | None = None) -> RestoreOutcome:
    """Bring a saved attempt's code back into the work tree; code you had changed is saved first."""
    now = now or datetime.now(UTC)
    git.require_no_operation()
    code = code_path(kata, git)
    attempt = pick_attempt(list_attempts(git, kata.name), selector)
    head = git.head() or ""
    saved = None
    current = code_tree(git, code)
    if current != git.tree_of(head):
        lines, files = git.numstat(head, current, [code])
        if files:
            text = (
                f"tcr: code saved before restoring {attempt.ref.removeprefix(TCR_REFS)}: {_step_words(lines, files)}"
                f"\n\nKata: {kata.name}\nDriver: {driver}\nTcr-Lines: {lines}\n"
            )
            saved = _save(git, current, head, text, now)
            _revert_code(git, code, head)
    patch = git.run_bytes("diff-tree", "-p", "--binary", attempt.parent, attempt.commit, "--", code)
    try:
        if patch.strip():
            git.run_bytes("apply", "--whitespace=nowarn", "-", input=patch)
    except FatalError as error:
        if saved:
            saved_commit = git.rev(saved) or ""
            back = git.run_bytes("diff-tree", "-p", "--binary", head, saved_commit, "--", code)
            git.run_bytes("apply", "-", input=back)
        raise FatalError(
            f"{attempt.ref} was made on commit {attempt.parent[:10]} and does not apply to the code of HEAD; "
            f"your code is as it was. See the attempt with: git show {attempt.ref}\n{error}"
        ) from None
    return RestoreOutcome(attempt, saved, attempt.files)


def tcr_commit_sizes(git: Git, kata: str) -> list[int]:
    """Lines changed by each TCR commit of `kata` reachable from HEAD."""
    fmt = "%(trailers:key=Kata,valueonly,separator=%x01)%x00%(trailers:key=Tcr-Lines,valueonly)%x1e"
    text = git.out("log", f"--format={fmt}", "HEAD") if git.head() else ""
    sizes = []
    for record in text.split("\x1e"):
        owner, _, lines = record.strip().partition("\0")
        if owner.strip() == kata and lines.strip().isdigit():
            sizes.append(int(lines.strip()))
    return sizes


def seconds_in_red(runs: Sequence[history.Run]) -> float:
    """Time from the first run of each red stretch to the next green run (or the last run)."""
    total, red_since = 0.0, None
    for run in runs:
        at = datetime.fromisoformat(run.started)
        if run.light != "green" and red_since is None:
            red_since = at
        elif run.light == "green" and red_since is not None:
            total += (at - red_since).total_seconds()
            red_since = None
    if red_since is not None and runs:
        last = runs[-1]
        total += (datetime.fromisoformat(last.started) - red_since).total_seconds() + last.duration
    return total


def tcr_stats(runs: Sequence[history.Run], commit_sizes: Sequence[int], attempts: Sequence[Attempt]) -> TcrStats:
    """The summary of a kata's TCR runs (pure: the history and the git facts come in)."""
    tcr = [r for r in runs if r.command == "tcr"]
    predicted = [r for r in tcr if r.prediction_correct is not None]
    return TcrStats(
        runs=len(tcr),
        green=sum(1 for r in tcr if r.light == "green"),
        red=sum(1 for r in tcr if r.light != "green"),
        commits=len(commit_sizes),
        attempts=len(attempts),
        seconds_in_red=seconds_in_red(tcr),
        average_step=sum(commit_sizes) / len(commit_sizes) if commit_sizes else None,
        average_attempt=sum(a.lines for a in attempts) / len(attempts) if attempts else None,
        predictions=len(predicted),
        predictions_right=sum(1 for r in predicted if r.prediction_correct),
    )
