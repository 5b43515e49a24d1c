"""Pack a student's work for the instructor: one `<kata>-<date>.kata.zip` (docs/submission-format.md).

The archive holds `manifest.json`, `repo.bundle` (the branch with its whole
history, from `git bundle create`) and `check.json` (`kata check --json` of
the committed head, not of the work tree: what is submitted is what is
judged). Building it reads the repository only: `git archive` and
`git bundle` change no ref, no index and no file of the student's.
"""

from __future__ import annotations

import json
import os
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from katabench import __version__
from katabench.check import CheckReport, Selection, run_check
from katabench.errors import FatalError, SpecError
from katabench.practice.gitops import Git
from katabench.spec import Kata, load_kata

FORMAT = "katabench.submission/1"
SUFFIX = ".kata.zip"


@dataclass(frozen=True)
class Submission:
    path: Path
    manifest: dict[str, object]
    report: CheckReport
    uncommitted: tuple[str, ...]  # changes of the kata's code left out because they are not committed


def submission_name(kata: str, day: date, taken: Callable[[str], bool]) -> str:
    """`<kata>-<YYYY-MM-DD>.kata.zip`, then `-2`, `-3`, ... before the suffix while a name is taken."""
    stem = f"{kata}-{day.isoformat()}"
    name, n = stem + SUFFIX, 1
    while taken(name):
        n += 1
        name = f"{stem}-{n}{SUFFIX}"
    return name


def base_commit(git: Git, head: str, code: str) -> str | None:
    """The commit that introduced the kata's legacy code (the oldest one adding files under it), if any."""
    text = git.out("log", "--format=%H", "--reverse", "--diff-filter=A", head, "--", code)
    return text.split()[0] if text.strip() else None


def manifest(kata: str, branch: str, head: str, base: str | None, created: datetime) -> dict[str, object]:
    return {
        "format": FORMAT,
        "kata": kata,
        "created": created.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "branch": branch,
        "head": head,
        "base": base,
        "katabench_version": __version__,
    }


def check_at(
    git: Git,
    commit: str,
    *,
    prefix: str,
    name: str,
    state: Path,
    selection: Selection,
    progress: Callable[[str], None],
) -> CheckReport:
    """`kata check` of the kata as committed at `commit` (extracted with git archive into a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="katabench-submit-") as tmp:
        archive = Path(tmp) / "head.tar"
        git.run("archive", "--format=tar", f"--output={archive}", commit, "--", prefix or ".")
        tree = Path(tmp) / "tree"
        with tarfile.open(archive) as tar:
            tar.extractall(tree, filter="data")
        root = tree / prefix if prefix else tree
        try:
            kata: Kata = load_kata(root, name)
        except SpecError as error:
            raise FatalError(f"at commit {commit[:10]}: {error} (is the kata committed?)") from None
        return run_check(kata, root, state, selection, progress)


def write_archive(folder: Path, kata: str, day: date, files: dict[str, Path | bytes]) -> Path:
    """Write the zip under a fresh name in `folder`, never replacing an existing file."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".katabench-submit-", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for member, content in files.items():
                if isinstance(content, Path):
                    archive.write(content, member)
                else:
                    archive.writestr(member, content)
        while True:
            target = folder / submission_name(kata, day, lambda n: (folder / n).exists())
            try:
                os.link(tmp, target)  # fails if the name was taken meanwhile
                return target
            except FileExistsError:
                continue
            except OSError:  # no hard links here: exclusive create, same guarantee
                try:
                    with open(target, "xb") as out:
                        out.write(tmp.read_bytes())
                    return target
                except FileExistsError:
                    continue
    finally:
        tmp.unlink(missing_ok=True)


def submit(
    kata: Kata,
    git: Git,
    state: Path,
    out_dir: Path,
    *,
    branch: str | None = None,
    selection: Selection | None = None,
    progress: Callable[[str], None] = lambda message: None,
    now: datetime | None = None,
) -> Submission:
    """Bundle the branch, check its head, and write the submission file into `out_dir`."""
    now = now or datetime.now(UTC)
    if branch is None:
        branch = git.require_branch("kata submit packs a branch (or pass --branch NAME)")
    head = git.rev(f"refs/heads/{branch}")
    if head is None:
        raise FatalError(f"there is no branch {branch!r} (git branch lists yours)")
    selection = selection or Selection()
    relative = kata.root.resolve().relative_to(git.top.resolve()).as_posix()
    prefix = "" if relative == "." else relative
    code = f"{prefix}/{kata.legacy}" if prefix else str(kata.legacy)
    uncommitted = tuple(c.path for c in git.changes(code)) if git.branch() == branch else ()
    report = check_at(git, head, prefix=prefix, name=kata.name, state=state, selection=selection, progress=progress)
    data = manifest(kata.name, branch, head, base_commit(git, head, code), now)
    with tempfile.TemporaryDirectory(prefix="katabench-bundle-") as tmp:
        bundle = Path(tmp) / "repo.bundle"
        refs = [f"refs/heads/{branch}"] + (["HEAD"] if git.branch() == branch else [])
        git.run("bundle", "create", "--quiet", str(bundle), *refs)
        git.run("bundle", "verify", "--quiet", str(bundle))
        files: dict[str, Path | bytes] = {
            "manifest.json": (json.dumps(data, indent=2) + "\n").encode(),
            "repo.bundle": bundle,
            "check.json": (json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n").encode(),
        }
        path = write_archive(out_dir, kata.name, now.astimezone().date(), files)
    return Submission(path, data, report, uncommitted)
