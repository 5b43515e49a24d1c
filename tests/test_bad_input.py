"""Bad input gives a clear result naming the file and line, never a traceback, and loses no data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import kata, tree_digest


def check(repo: Path, *extra: str) -> tuple[int, dict[str, object], str]:
    done = kata("check", "fees", "--no-mutation", "--no-history", "--json", *extra, cwd=repo)
    assert "Traceback" not in done.stderr + done.stdout
    return done.returncode, (json.loads(done.stdout) if done.stdout.strip() else {}), done.stderr


def result(report: dict[str, object], name: str) -> dict[str, object]:
    return next(r for r in report["results"] if r["name"] == name)  # type: ignore[union-attr, index]


def core(repo: Path) -> Path:
    return repo / "legacy" / "fees" / "core.py"


def with_timeout(repo: Path, seconds: int) -> None:
    spec = repo / "katas" / "fees" / "kata.toml"
    spec.write_text(spec.read_text() + f"\n[gates.approvals]\ntimeout = {seconds}\n")


def test_a_syntax_error_fails_every_gate_naming_file_and_line(minirepo: Path) -> None:
    core(minirepo).write_text('def fee(kind, days):\n    if kind = "x":\n        return 1\n')
    code, report, _ = check(minirepo)
    assert code == 1
    approvals = result(report, "approvals")
    assert approvals["status"] == "fail"
    assert approvals["findings"][0]["path"] == "legacy/fees/core.py"
    assert approvals["findings"][0]["line"] == 2
    assert "SyntaxError" in approvals["findings"][0]["message"]
    for name in ("complexity", "typing", "type-switch"):
        finding = result(report, name)["findings"][0]
        assert (finding["path"], finding["line"]) == ("legacy/fees/core.py", 2), name
        assert finding["message"].startswith("does not parse")
    assert report["light"] == "amber"


def test_a_file_that_is_not_utf8_is_named_with_its_line(minirepo: Path) -> None:
    core(minirepo).write_bytes(core(minirepo).read_bytes() + b"# caf\xe9\n")
    _code, report, _ = check(minirepo)
    finding = result(report, "complexity")["findings"][0]
    assert finding["path"] == "legacy/fees/core.py"
    assert finding["line"] == 12
    assert "not UTF-8" in finding["message"]


def test_a_huge_file_is_refused_by_name_not_analysed(minirepo: Path) -> None:
    (minirepo / "legacy" / "fees" / "data.py").write_text("X = 1\n" * 200_000)
    _code, report, _ = check(minirepo, "--only", "complexity")
    finding = result(report, "complexity")["findings"][0]
    assert finding["path"] == "legacy/fees/data.py"
    assert "too large" in finding["message"]


def test_a_module_that_loops_forever_on_import_times_out_naming_the_line(minirepo: Path) -> None:
    with_timeout(minirepo, 4)
    core(minirepo).write_text(core(minirepo).read_text() + "while True:\n    pass\n")
    code, report, _ = check(minirepo, "--only", "approvals")
    assert code == 1
    finding = result(report, "approvals")["findings"][0]
    assert (finding["path"], finding["line"]) in {("legacy/fees/core.py", 12), ("legacy/fees/core.py", 13)}
    assert "did not finish within 4 s" in finding["message"]


def test_a_loop_inside_a_function_names_the_test_and_the_line(minirepo: Path) -> None:
    text = (
        core(minirepo)
        .read_text()
        .replace(
            "            return days * 2\n",
            "            while days > 0:\n                days += 1\n            return days * 2\n",
        )
    )
    core(minirepo).write_text(text)
    with_timeout(minirepo, 4)
    _code, report, _ = check(minirepo, "--only", "approvals")
    finding = result(report, "approvals")["findings"][0]
    assert finding["path"] == "legacy/fees/core.py"
    assert finding["line"] in (4, 5)
    assert "test_fees.py::test_fee" in finding["message"]


def test_recursion_without_end_at_import_is_reported_not_crashed(minirepo: Path) -> None:
    core(minirepo).write_text(core(minirepo).read_text() + "def f(n):\n    return f(n + 1)\nf(0)\n")
    _code, report, _ = check(minirepo, "--only", "approvals")
    finding = result(report, "approvals")["findings"][0]
    assert finding["path"] == "legacy/fees/core.py"
    assert "RecursionError" in finding["message"]


def test_a_deleted_harness_fails_the_approvals_gate_with_the_way_back(minirepo: Path) -> None:
    for path in sorted((minirepo / "characterization" / "fees").iterdir()):
        path.unlink()
    (minirepo / "characterization" / "fees").rmdir()
    code, report, _ = check(minirepo)
    assert code == 1
    finding = result(report, "approvals")["findings"][0]
    assert finding["message"] == "the harness folder is missing"
    assert "git checkout -- characterization/fees" in finding["hint"]


def test_changed_approved_files_of_a_locked_harness_are_named(minirepo: Path) -> None:
    approved = minirepo / "characterization" / "fees" / "test_fees.test_fee.approved.txt"
    approved.write_text(approved.read_text().replace("=> 0", "=> zero"))
    _code, report, _ = check(minirepo, "--only", "approvals")
    approvals = result(report, "approvals")
    messages = [(f["path"], f["message"]) for f in approvals["findings"]]
    assert ("characterization/fees/test_fees.test_fee.approved.txt", "locked harness file changed") in messages
    assert "-(kind: book, days: 0) => zero" in approvals["details"]


def test_an_added_test_file_in_a_locked_harness_is_named(minirepo: Path) -> None:
    (minirepo / "characterization" / "fees" / "test_extra.py").write_text("def test_nothing():\n    pass\n")
    _code, report, _ = check(minirepo, "--only", "approvals")
    messages = [(f["path"], f["message"]) for f in result(report, "approvals")["findings"]]
    assert ("characterization/fees/test_extra.py", "locked harness file added") in messages


def test_a_malformed_kata_toml_is_a_clear_error_with_exit_2(minirepo: Path) -> None:
    spec = minirepo / "katas" / "fees" / "kata.toml"
    spec.write_text(spec.read_text() + "\ndifficulty = = 3\n")
    done = kata("check", "fees", cwd=minirepo)
    assert done.returncode == 2
    assert done.stderr.startswith("kata check: katas/fees/kata.toml: not valid TOML")
    assert "Traceback" not in done.stderr
    listing = kata("list", cwd=minirepo)
    assert listing.returncode == 2
    assert "katas/fees/kata.toml" in listing.stderr


def test_an_unknown_kata_lists_the_known_ones(minirepo: Path) -> None:
    done = kata("check", "feez", cwd=minirepo)
    assert done.returncode == 2
    assert "unknown kata 'feez'. Did you mean 'fees'? Known katas: fees" in done.stderr


def test_a_run_from_outside_the_repository_says_where_to_run_it(tmp_path: Path) -> None:
    done = kata("check", "fees", cwd=tmp_path)
    assert done.returncode == 2
    assert "not inside a katabench repository" in done.stderr


@pytest.mark.parametrize("scenario", ["syntax", "loop"])
def test_no_command_changes_the_students_files(minirepo: Path, scenario: str) -> None:
    if scenario == "syntax":
        core(minirepo).write_text("def fee(:\n")
    else:
        with_timeout(minirepo, 3)
        core(minirepo).write_text(core(minirepo).read_text() + "while True:\n    pass\n")
    before = tree_digest(minirepo / "legacy") | tree_digest(minirepo / "characterization")
    check(minirepo)
    assert tree_digest(minirepo / "legacy") | tree_digest(minirepo / "characterization") == before
