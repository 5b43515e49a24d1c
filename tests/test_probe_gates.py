"""The memory, speed-up and time-bound gates measure in subprocesses, as ratios where it matters."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from katabench.gates import GATES, CheckContext
from katabench.model import GateResult, Status
from katabench.repo import state_dir
from katabench.spec import parse_spec

SPEC = """
[kata]
title = "t"
summary = "s"
curriculum = ["B3"]
difficulty = 1
legacy = "legacy/pkg"
harness = "characterization/pkg"
harness_locked = false
{gates}
"""

PROBE = """
import re
from pathlib import Path


def make_input(size, path):
    path.write_text("".join(f"{i % 997}\\n" for i in range(size)))


def workload(package, path):
    return package.summarise(path)


def pathological_inputs():
    return ["a" * 28 + "!", "a" * 30 + "?"]


def probe_one(package, text):
    return package.parse(text)
"""

EAGER = """
import re


def summarise(path):
    with open(path) as handle:
        lines = handle.readlines()
    numbers = [int(line) for line in lines]
    unique = []
    for n in numbers:
        if n not in unique:
            unique.append(n)
    return sum(numbers), len(unique)


def parse(text):
    return bool(re.match(r"^(a+)+$", text))
"""

STREAMING = """
import re

PATTERN = re.compile(r"^a+$")


def summarise(path):
    total, seen = 0, set()
    with open(path) as handle:
        for line in handle:
            n = int(line)
            total += n
            seen.add(n)
    return total, len(seen)


def parse(text):
    return bool(PATTERN.match(text))
"""


def workspace(tmp_path: Path, code: str, gates: str) -> CheckContext:
    files = {
        "legacy/pkg/__init__.py": code,
        "katas/t/baseline/__init__.py": EAGER,
        "characterization/pkg/probe.py": PROBE,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    kata = parse_spec("t", tmp_path, SPEC.format(gates=gates), "katas/t/kata.toml")
    return CheckContext(kata, tmp_path, state_dir(tmp_path))


def run_gate(ctx: CheckContext, name: str) -> GateResult:
    spec = ctx.kata.gate(name)
    assert spec is not None
    return GATES[name].run(spec.params, ctx)


MEMORY = "[gates.memory]\nmax_peak_mb = 3\nsize = 200000\n"


def test_memory_fails_code_that_reads_everything_and_passes_a_stream(tmp_path: Path) -> None:
    eager = run_gate(workspace(tmp_path / "a", EAGER, MEMORY), "memory")
    assert eager.status is Status.FAIL
    assert eager.measured is not None and eager.measured > 6  # several times the budget
    assert "tracemalloc peak" in eager.details and "size=200000" in eager.details
    assert "× the budget of 3 MB" in eager.findings[0].message
    streaming = run_gate(workspace(tmp_path / "b", STREAMING, MEMORY), "memory")
    assert streaming.status is Status.PASS, streaming.details
    assert streaming.measured is not None and streaming.measured < 1


def test_speedup_is_a_ratio_against_the_untouched_baseline(tmp_path: Path) -> None:
    gates = "[gates.speedup]\nmin_speedup = 3\nsize = 20000\nruns = 3\n"
    fast = run_gate(workspace(tmp_path / "a", STREAMING, gates), "speedup")
    assert fast.status is Status.PASS, fast.details
    assert fast.measured is not None and fast.measured >= 3
    assert "median of 3 runs each" in fast.details
    same = run_gate(workspace(tmp_path / "b", EAGER, gates), "speedup")
    assert same.status is Status.FAIL
    assert same.measured is not None and same.measured < 3


def test_speedup_fails_a_faster_wrong_answer(tmp_path: Path) -> None:
    wrong = STREAMING.replace("return total, len(seen)", "return total + 1, len(seen)")
    result = run_gate(
        workspace(tmp_path, wrong, "[gates.speedup]\nmin_speedup = 1\nsize = 2000\nruns = 1\n"), "speedup"
    )
    assert result.status is Status.FAIL
    assert "differs from the legacy code" in result.findings[0].message


@pytest.mark.slow
def test_timebound_kills_a_catastrophic_regex_and_passes_a_sound_one(tmp_path: Path) -> None:
    gates = "[gates.timebound]\nmax_seconds = 1.0\nmin_throughput_ratio = 0.5\nsize = 2000\nruns = 1\n"
    sound = run_gate(workspace(tmp_path / "a", STREAMING, gates), "timebound")
    assert sound.status is Status.PASS, sound.details
    assert sound.measured is not None and sound.measured < 1.0
    explosive = run_gate(workspace(tmp_path / "b", EAGER, gates), "timebound")
    assert explosive.status is Status.FAIL
    assert "pathological input 1" in explosive.findings[0].message
    assert "killed" in explosive.findings[0].message or "took" in explosive.findings[0].message


def test_a_missing_probe_or_baseline_is_an_error_that_says_which(tmp_path: Path) -> None:
    ctx = workspace(tmp_path, STREAMING, "[gates.speedup]\nmin_speedup = 2\nruns = 1\n")
    (tmp_path / "katas" / "t" / "baseline" / "__init__.py").unlink()
    (tmp_path / "katas" / "t" / "baseline").rmdir()
    result = run_gate(ctx, "speedup")
    assert result.status is Status.ERROR
    assert "katas/t/baseline/ is missing" in result.details
    (tmp_path / "characterization" / "pkg" / "probe.py").unlink()
    result = run_gate(ctx, "memory") if ctx.kata.gate("memory") else run_gate(ctx, "speedup")
    assert "probe" in result.details and "missing" in result.details


def test_student_code_that_crashes_in_the_probe_is_reported_not_raised(tmp_path: Path) -> None:
    broken = STREAMING.replace("n = int(line)", "n = int(line) / 0")
    result = run_gate(workspace(tmp_path, broken, MEMORY), "memory")
    assert result.status is Status.ERROR
    assert "ZeroDivisionError" in result.details
