"""Every gate, on small code that passes it and code that fails it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import tree_digest
from katabench.gates import GATES, CheckContext
from katabench.model import GateResult, Status
from katabench.repo import get_kata, state_dir
from katabench.spec import Kata, parse_spec

SPEC = """
[kata]
title = "t"
summary = "s"
curriculum = ["G15"]
difficulty = 1
legacy = "legacy/pkg"
harness = "characterization/pkg"
harness_locked = false
{gates}
"""


def workspace(tmp_path: Path, files: dict[str, str], gates: str) -> CheckContext:
    for name, text in files.items():
        path = tmp_path / "legacy" / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    kata = parse_spec("t", tmp_path, SPEC.format(gates=gates), "katas/t/kata.toml")
    return CheckContext(kata, tmp_path, state_dir(tmp_path))


def run_gate(ctx: CheckContext, name: str) -> GateResult:
    spec = ctx.kata.gate(name)
    assert spec is not None
    return GATES[name].run(spec.params, ctx)


SIMPLE = {"__init__.py": "", "core.py": "def add(a, b):\n    return a + b\n"}
BRANCHY = {
    "__init__.py": "",
    "core.py": """
    def rate(kind, days, member):
        if kind == "book":
            if days > 10 and member:
                return 1
            elif days > 5:
                return 2
        elif kind == "film":
            for _ in range(days):
                if member or days > 3:
                    return 3
        return 0
""",
}


def test_complexity_passes_simple_code_and_names_the_worst_function(tmp_path: Path) -> None:
    gates = "[gates.complexity]\nmax_cyclomatic = 4\nmax_cognitive = 5\n"
    assert run_gate(workspace(tmp_path / "a", SIMPLE, gates), "complexity").status is Status.PASS
    result = run_gate(workspace(tmp_path / "b", BRANCHY, gates), "complexity")
    assert result.status is Status.FAIL
    assert result.measured == 9
    assert result.findings[0].location == "legacy/pkg/core.py:2"
    assert "`rate`: CC 9 > 4" in result.findings[0].message


def test_maintainability_flags_the_worst_module(tmp_path: Path) -> None:
    gates = "[gates.maintainability]\nmin_mi = 60\n"
    assert run_gate(workspace(tmp_path / "a", SIMPLE, gates), "maintainability").status is Status.PASS
    bloated = {"big.py": BRANCHY["core.py"] * 12}
    result = run_gate(workspace(tmp_path / "b", bloated, gates), "maintainability")
    assert result.status is Status.FAIL
    assert result.findings[0].path == "legacy/pkg/big.py"


def test_coupling_flags_fan_out_and_import_cycles(tmp_path: Path) -> None:
    gates = "[gates.coupling]\nmax_efferent = 1\n"
    layered = {
        "__init__.py": "from .api import run\n",
        "api.py": "from .core import add\n",
        "core.py": "def add(): ...\n",
    }
    assert run_gate(workspace(tmp_path / "a", layered, gates), "coupling").status is Status.PASS
    tangled = {
        "__init__.py": "",
        "a.py": "from .b import x\nfrom .c import y\n",
        "b.py": "from .a import z\n",
        "c.py": "",
    }
    result = run_gate(workspace(tmp_path / "b", tangled, gates), "coupling")
    assert result.status is Status.FAIL
    messages = [f.message for f in result.findings]
    assert any("imports 2 modules" in m for m in messages)
    assert any(m.startswith("import cycle: legacy.pkg.a -> legacy.pkg.b") for m in messages)


def test_cohesion_flags_a_class_with_unrelated_method_groups(tmp_path: Path) -> None:
    gates = "[gates.cohesion]\nmax_lcom4 = 1\n"
    cohesive = {
        "m.py": """
        class Account:
            def __init__(self):
                self.balance = 0
            def deposit(self, amount):
                self.balance += amount
            def report(self):
                return f"{self.balance}"
    """
    }
    assert run_gate(workspace(tmp_path / "a", cohesive, gates), "cohesion").status is Status.PASS
    split = {
        "m.py": """
        class Tool:
            def load(self):
                self.rows = []
            def count(self):
                return len(self.rows)
            def header(self):
                return self.title
    """
    }
    result = run_gate(workspace(tmp_path / "b", split, gates), "cohesion")
    assert result.status is Status.FAIL
    assert result.measured == 2
    assert "{count, load}; {header}" in result.findings[0].message


def test_duplication_flags_copied_blocks(tmp_path: Path) -> None:
    gates = "[gates.duplication]\nmax_duplicated_lines = 0\nmin_tokens = 25\n"
    block = (
        "    total = 0\n    for x, w in zip(xs, ws):\n        total += x * w\n    return round(total / sum(ws), 1)\n"
    )
    copied = {"a.py": "def f(xs, ws):\n" + block + "\n\ndef g(xs, ws):\n" + block.replace("total", "t")}
    result = run_gate(workspace(tmp_path / "b", copied, gates), "duplication")
    assert result.status is Status.FAIL
    assert result.measured == 5
    assert result.findings[0].location == "legacy/pkg/a.py:8"
    assert run_gate(workspace(tmp_path / "a", SIMPLE, gates), "duplication").status is Status.PASS


def test_typing_runs_mypy_and_reports_each_error(tmp_path: Path) -> None:
    gates = "[gates.typing]\nstrict = true\n"
    typed = {"__init__.py": "", "core.py": "def add(a: int, b: int) -> int:\n    return a + b\n"}
    assert run_gate(workspace(tmp_path / "a", typed, gates), "typing").status is Status.PASS
    result = run_gate(workspace(tmp_path / "b", SIMPLE, gates), "typing")
    assert result.status is Status.FAIL
    assert result.findings[0].location == "legacy/pkg/core.py:1:1"
    assert "[no-untyped-def]" in result.findings[0].message


@pytest.mark.parametrize("gate", ["complexity", "maintainability", "coupling", "cohesion", "duplication", "typing"])
def test_code_that_does_not_parse_fails_every_static_gate_with_the_parser_message(tmp_path: Path, gate: str) -> None:
    ctx = workspace(tmp_path, {"__init__.py": "", "core.py": "def broken(:\n    pass\n"}, f"[gates.{gate}]\n")
    result = run_gate(ctx, gate)
    assert result.status is Status.FAIL
    assert result.findings[0].location == "legacy/pkg/core.py:1:12"
    assert "does not parse" in result.findings[0].message


def fees(minirepo: Path) -> tuple[Kata, CheckContext]:
    kata = get_kata(minirepo, "fees")
    return kata, CheckContext(kata, minirepo, state_dir(minirepo), coverage_wanted=True)


def test_approvals_pass_on_the_legacy_code_and_fail_with_a_readable_diff(minirepo: Path) -> None:
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "approvals")
    assert result.status is Status.PASS
    assert result.measured_text == "1/1 pass"
    core = minirepo / "legacy" / "fees" / "core.py"
    core.write_text(core.read_text().replace("days * 3 + 1", "days * 3 + 2"))
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "approvals")
    assert result.status is Status.FAIL
    assert result.findings[0].path == "characterization/fees/test_fees.test_fee.approved.txt"
    assert "(kind: dvd, days: 1) => 4" in result.details
    assert "+(kind: dvd, days: 1) => 5" in result.details
    assert not list((minirepo / "characterization").rglob("*.received.*")), "the run must not leave files behind"


def test_coverage_measures_branches_of_the_code_by_the_harness(minirepo: Path) -> None:
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "coverage")
    assert result.status is Status.PASS
    assert result.measured == 1.0
    test = minirepo / "characterization" / "fees" / "test_fees.py"
    test.write_text(test.read_text().replace('kind=["book", "dvd", "game", "cd"]', 'kind=["book"]'))
    approved = minirepo / "characterization" / "fees" / "test_fees.test_fee.approved.txt"
    approved.write_text("".join(line + "\n" for line in approved.read_text().splitlines() if "book" in line))
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "coverage")
    assert result.status is Status.FAIL
    assert result.measured is not None and result.measured < 0.9
    assert result.findings[0].path == "legacy/fees/core.py"
    assert "lines never run: 6-9, 11" in result.findings[0].message


def test_coverage_counts_code_a_conftest_imports_before_any_test(minirepo: Path) -> None:
    # Tracing starts after pytest's own start-up: it must still start before conftests import the kata.
    conftest = minirepo / "characterization" / "fees" / "conftest.py"
    conftest.write_text("import legacy.fees.core  # noqa: F401\n")
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "coverage")
    assert result.status is Status.PASS, result
    assert result.measured == 1.0


@pytest.mark.slow
def test_mutation_scores_the_harness_and_never_touches_the_students_files(minirepo: Path) -> None:
    before = tree_digest(minirepo / "legacy")
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "mutation")
    assert result.status is Status.PASS, result.details
    assert result.measured == 1.0
    assert result.data["cached"] is False
    assert tree_digest(minirepo / "legacy") == before
    assert not (minirepo / "mutants").exists()
    again = run_gate(fees(minirepo)[1], "mutation")
    assert again.data["cached"] is True
    assert again.measured == result.measured


@pytest.mark.slow
def test_a_weak_harness_lets_mutants_survive_and_names_them(minirepo: Path) -> None:
    test = minirepo / "characterization" / "fees" / "test_fees.py"
    test.write_text(test.read_text().replace("days=[0, 1, 10, 11, 12]", "days=[1, 12]"))
    approved = minirepo / "characterization" / "fees" / "test_fees.test_fee.approved.txt"
    approved.write_text(
        "".join(line + "\n" for line in approved.read_text().splitlines() if "days: 1)" in line or "days: 12)" in line)
    )
    spec = minirepo / "katas" / "fees" / "kata.toml"
    spec.write_text(spec.read_text().replace("min_score = 0.8", "min_score = 0.95"))
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "mutation")
    assert result.status is Status.FAIL
    assert result.measured is not None and result.measured <= 0.91  # 19 of 21 killed on a quiet machine
    survivor = result.findings[0]
    assert survivor.path == "legacy/fees/core.py"
    assert survivor.line == 3
    assert survivor.message == "survived: `fee`: `if days > 10:` -> `if days >= 10:`"


def test_under_mutation_testing_each_process_writes_its_own_received_file(minirepo: Path) -> None:
    import os
    import subprocess
    import sys

    core = minirepo / "legacy" / "fees" / "core.py"
    core.write_text(core.read_text().replace("days * 3 + 1", "days * 3 + 2"))
    env = {
        **os.environ,
        "MUTANT_UNDER_TEST": "fees.x_fee__mutmut_1",
        "APPROVALTESTS_DISABLE_SCRIPT_DOWNLOADS": "1",
        "APPROVAL_TESTS_USE_REPORTER": "approvaltests.reporters.report_quietly.ReportQuietly",
    }
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "characterization/fees"],
        cwd=minirepo,
        env=env,
        capture_output=True,
        check=False,
    )
    received = [p.name for p in (minirepo / "characterization" / "fees").glob("*.received.*")]
    assert len(received) == 1
    assert received[0] != "test_fees.test_fee.received.txt"  # named after the process that wrote it
    assert received[0].startswith("test_fees.test_fee.received.")


@pytest.mark.slow
def test_a_harness_that_runs_no_mutated_code_scores_zero_not_an_error(minirepo: Path) -> None:
    test = minirepo / "characterization" / "fees" / "test_fees.py"
    test.write_text("import legacy.fees\n\n\ndef test_imports() -> None:\n    assert legacy.fees\n")
    (minirepo / "characterization" / "fees" / "test_fees.test_fee.approved.txt").unlink()
    _kata, ctx = fees(minirepo)
    result = run_gate(ctx, "mutation")
    assert result.status is Status.FAIL, result.details
    assert result.measured == 0.0
    assert result.findings[0].message.startswith("no tests: `fee`")
