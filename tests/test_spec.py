"""A kata.toml is validated; every mistake names the file, the key and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from katabench.errors import SpecError
from katabench.gates.complexity import ComplexityParams
from katabench.spec import load_kata, parse_spec

GOOD = """
[kata]
title = "Fees"
summary = "Fees switch on the item kind."
curriculum = ["G15"]
difficulty = 2
legacy = "legacy/fees"
harness = "characterization/fees"

[gates.complexity]
max_cyclomatic = 4

[[rules]]
id = "type-switch"
max_branches = 2

[[milestones]]
title = "Each kind knows its fee"
rules = ["type-switch"]
gates = ["complexity"]
hint = "Replace conditional with polymorphism."
"""


def parse(text: str, root: Path) -> object:
    return parse_spec("fees", root, text, "katas/fees/kata.toml")


def test_a_good_spec_loads_into_frozen_dataclasses(tmp_path: Path) -> None:
    kata = parse(GOOD, tmp_path)
    assert kata.title == "Fees"
    assert [g.name for g in kata.gates] == ["approvals", "complexity"]
    assert kata.gate("complexity").params == ComplexityParams(max_cyclomatic=4)
    assert kata.rules[0].params.max_branches == 2
    assert kata.milestones[0].checks == ("complexity", "type-switch")
    assert kata.package == "legacy.fees"
    with pytest.raises(AttributeError):
        kata.title = "changed"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace('title = "Fees"\n', ""), "[kata]: missing key 'title'"),
        (lambda t: t.replace("difficulty = 2", 'difficulty = "hard"'), "difficulty: expected an integer"),
        (lambda t: t.replace("difficulty = 2", "difficulty = 9"), "difficulty: expected an integer from 1 to 5"),
        (
            lambda t: t.replace("max_cyclomatic = 4", 'max_cyclomatic = "five"'),
            "[gates.complexity] max_cyclomatic: expected an integer, got 'five'",
        ),
        (lambda t: t.replace("max_cyclomatic = 4", "max_cyclomatic = true"), "max_cyclomatic: expected an integer"),
        (lambda t: t.replace("[gates.complexity]", "[gates.speed]"), "unknown gate [gates.speed]"),
        (lambda t: t.replace('id = "type-switch"', 'id = "no-goto"'), "unknown rule 'no-goto'"),
        (
            lambda t: t.replace("max_branches = 2", "max_branchez = 2"),
            "[[rules]] type-switch: unknown parameter 'max_branchez' (known parameters: max_branches)",
        ),
        (
            lambda t: t.replace("max_branches = 2", "max_branches = 0"),
            "max_branches: expected an integer of at least 1",
        ),
        (
            lambda t: t.replace('legacy = "legacy/fees"', 'legacy = "../elsewhere"'),
            "legacy: '../elsewhere' is outside the repository",
        ),
        (
            lambda t: t.replace('harness = "characterization/fees"', 'harness = "/etc"'),
            "harness: '/etc' is outside the repository",
        ),
        (
            lambda t: t.replace('rules = ["type-switch"]', 'rules = ["print-call"]'),
            "[[milestones]] #1 rules: 'print-call' is not a configured rule",
        ),
        (
            lambda t: t.replace('gates = ["complexity"]', 'gates = ["mutation"]'),
            "[[milestones]] #1 gates: 'mutation' is not a configured gate",
        ),
        (
            lambda t: t.replace('rules = ["type-switch"]\ngates = ["complexity"]\n', ""),
            "expected at least one gate or rule",
        ),
        (lambda t: t.replace('hint = "Replace conditional with polymorphism."', ""), "missing key 'hint'"),
        (lambda t: t + '\n[[rules]]\nid = "type-switch"\n', "rule 'type-switch' is configured twice"),
        (lambda t: t.replace("[kata]", "[kata]\nauthor = 'me'"), "[kata]: unknown key 'author'"),
        (lambda t: t.replace('kind = "refactor"', "") + "", None),
        (lambda t: t.replace("[kata]", '[kata]\nkind = "rewrite"'), "kind: expected one of refactor, pin"),
        (lambda t: t.replace("[gates.complexity]", "[gates.complexity"), "not valid TOML"),
        (lambda t: t + "\n[extras]\n", "unknown table [extras]"),
        (lambda t: t.replace('curriculum = ["G15"]', "curriculum = [15]"), "curriculum: expected a list of strings"),
    ],
)
def test_a_bad_spec_names_the_file_the_key_and_what_was_expected(
    tmp_path: Path, change: object, expected: str | None
) -> None:
    text = change(GOOD)  # type: ignore[operator]
    if expected is None:
        parse(text, tmp_path)
        return
    with pytest.raises(SpecError) as raised:
        parse(text, tmp_path)
    assert str(raised.value).startswith("katas/fees/kata.toml")
    assert expected in str(raised.value)


def test_a_missing_or_undecodable_spec_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "katas" / "fees").mkdir(parents=True)
    with pytest.raises(SpecError, match=r"katas/fees/kata\.toml: missing"):
        load_kata(tmp_path, "fees")
    (tmp_path / "katas" / "fees" / "kata.toml").write_bytes(b"[kata]\ntitle = '\xff'\n")
    with pytest.raises(SpecError, match="not UTF-8"):
        load_kata(tmp_path, "fees")


def test_every_kata_in_the_repository_has_a_valid_spec() -> None:
    from helpers import ROOT
    from katabench.repo import kata_names

    names = kata_names(ROOT)
    assert names, "the repository has no katas"
    for name in names:
        kata = load_kata(ROOT, name)
        assert (ROOT / kata.legacy).is_dir(), kata.legacy
        assert kata.brief_path.exists(), f"{name} has no brief"
        assert kata.steps(), f"{name} has no reference path"
        assert kata.milestones, f"{name} has no milestones"
