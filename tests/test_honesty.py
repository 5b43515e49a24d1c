"""Every kata in katas/ is honest (discovered, not listed).

- the legacy code passes its harness, and the harness kills most of its mutants
  (a debug kata's harness is red on the legacy code on purpose; a pin kata has
  no harness yet: its reference steps are the harness);
- the legacy code fails at least one gate or rule of every milestone;
- every step of the reference path keeps the harness green;
- the last step, copied into place, passes every gate;
- a pin kata does not pass a harness that asserts nothing or approves an empty output.

The expensive checks run once per kata and run: the xdist workers share them
through files in the run's temporary folder, under a lock.
"""

from __future__ import annotations

import fcntl
import pickle
import re
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from helpers import ROOT, copy_repo
from katabench.check import CheckReport, run_check
from katabench.harness import run_harness
from katabench.model import Status
from katabench.repo import kata_names, state_dir
from katabench.spec import Kata, load_kata

KATAS = kata_names(ROOT)
MIN_LEGACY_MUTATION_SCORE = 0.85
STEP_NAME = re.compile(r"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$")

pytestmark = pytest.mark.slow


def per_kata(test: object) -> object:
    return pytest.mark.parametrize("name", KATAS)(test)


@cache
def workspace(name: str, which: str) -> tuple[Kata, Path]:
    """A copy of the repository whose legacy/ holds the legacy code or the last step."""
    root = copy_repo(ROOT, Path(tempfile.mkdtemp(prefix=f"honesty-{name}-{which}-")))
    kata = load_kata(root, name)
    if which == "last":
        # A pin kata's steps are versions of the harness; the others' are versions of the code.
        target = root / (kata.harness if kata.kind == "pin" else kata.legacy)
        shutil.rmtree(target)
        shutil.copytree(kata.steps()[-1], target, ignore=shutil.ignore_patterns("NOTES.md", "__pycache__"))
    return kata, root


Checked = Callable[[str, str], CheckReport]


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Checked:
    """`checked(kata, "legacy" | "last")`: the full check, computed once per run and shared by the workers."""
    base = tmp_path_factory.getbasetemp()
    folder = (base if worker_id == "master" else base.parent) / "honesty-reports"
    folder.mkdir(exist_ok=True)

    def check(name: str, which: str) -> CheckReport:
        saved = folder / f"{name}-{which}.pickle"
        with open(folder / f"{name}-{which}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if saved.exists():
                report: CheckReport = pickle.loads(saved.read_bytes())
                return report
            kata, root = workspace(name, which)
            report = run_check(kata, root, state_dir(root))
            saved.write_bytes(pickle.dumps(report))
            return report

    return check


def failing(report: CheckReport) -> str:
    lines = []
    for r in report.results:
        if r.status is not Status.PASS:
            shown = "; ".join(f"{f.location} {f.message}" for f in r.findings[:3]) or r.details[:300]
            lines.append(f"{r.name}: {r.status.value} {r.measured_text}: {shown}")
    return "\n".join(lines)


@per_kata
def test_the_legacy_code_passes_its_harness(name: str, checked: Checked) -> None:
    kind = load_kata(ROOT, name).kind
    approvals = checked(name, "legacy").result("approvals")
    assert approvals is not None
    if kind == "debug":
        # The regression the student hunts makes the harness red, and only the harness's verdict.
        assert approvals.status is Status.FAIL
        assert all(f.message.startswith("received output differs") for f in approvals.findings), approvals.findings
    elif kind == "refactor":
        assert approvals.status is Status.PASS, failing(checked(name, "legacy"))


@per_kata
def test_the_harness_kills_most_mutants_of_the_legacy_code(name: str, checked: Checked) -> None:
    kind = load_kata(ROOT, name).kind
    # A pin kata's harness is the last step's; a debug kata's harness is measured on the fixed code.
    report = checked(name, "legacy" if kind == "refactor" else "last")
    mutation = report.result("mutation")
    assert mutation is not None, f"{name} must configure the mutation gate"
    assert mutation.measured is not None, mutation.details
    assert mutation.measured >= MIN_LEGACY_MUTATION_SCORE, mutation.measured_text


@per_kata
def test_the_legacy_code_fails_a_gate_of_every_milestone(name: str, checked: Checked) -> None:
    report = checked(name, "legacy")
    assert report.milestones, f"{name} has no milestones"
    for milestone in report.milestones:
        assert milestone.state == "open", (
            f"milestone {milestone.index} ({milestone.milestone.title}) is {milestone.state}"
        )
    assert not report.passed


@per_kata
def test_every_step_of_the_reference_path_keeps_the_harness_green(name: str) -> None:
    kata = load_kata(ROOT, name)
    steps = kata.steps()
    assert steps, f"{name} has no reference path"
    red = []
    for step in steps:
        assert STEP_NAME.match(step.name), f"step folder {step.name!r} is not NN-<refactoring>"
        run = run_harness(kata, ROOT, harness=step) if kata.kind == "pin" else run_harness(kata, ROOT, code=step)
        if not run.green:
            red.append(
                f"{step.name}: {[t.message for t in run.tests if t.outcome != 'passed'][:2]} {run.output[-300:]}"
            )
    assert not red, "\n".join(red)


@per_kata
def test_the_last_step_copied_into_legacy_passes_every_gate(name: str, checked: Checked) -> None:
    report = checked(name, "last")
    assert report.passed, failing(report)
    assert all(m.state == "reached" for m in report.milestones)


PINNED_BY_NOTHING = {
    "asserts-nothing": "import legacy.{package}\n\n\ndef test_imports() -> None:\n    assert legacy.{package}\n",
    "approves-empty": "from approvaltests import verify\n\n\ndef test_empty() -> None:\n    verify('')\n",
}


@pytest.mark.parametrize("harness", sorted(PINNED_BY_NOTHING))
@pytest.mark.parametrize("name", [n for n in KATAS if load_kata(ROOT, n).kind == "pin"])
def test_a_pin_kata_does_not_pass_a_harness_that_pins_nothing(name: str, harness: str, tmp_path: Path) -> None:
    root = copy_repo(ROOT, tmp_path / "repo")
    kata = load_kata(root, name)
    folder = root / kata.harness
    shutil.rmtree(folder)
    folder.mkdir()
    package = kata.legacy.name
    (folder / f"test_{package}.py").write_text(PINNED_BY_NOTHING[harness].format(package=package))
    if harness == "approves-empty":
        # approvaltests ends what it receives with a newline: this approves the empty output.
        (folder / f"test_{package}.test_empty.approved.txt").write_text("\n")
    report = run_check(kata, root, state_dir(root))
    assert report.result("approvals").status is Status.PASS  # type: ignore[union-attr]
    assert not report.passed, "a harness that pins nothing passed every gate"
    mutation = report.result("mutation")
    assert mutation is not None and mutation.status is Status.FAIL, mutation


@pytest.mark.parametrize("name", [n for n in KATAS if (ROOT / "katas" / n / "baseline").is_dir()])
def test_the_baseline_is_the_legacy_code_as_shipped(name: str) -> None:
    kata = load_kata(ROOT, name)
    baseline = kata.folder / "baseline"

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*.py")
            if "__pycache__" not in p.parts
        }

    assert files(baseline) == files(ROOT / kata.legacy)
