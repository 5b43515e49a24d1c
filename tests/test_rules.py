"""Every design rule accepts its valid examples and flags its invalid ones.

One generic test runs every example of every rule, so a rule without
examples, or whose examples drift from its behaviour, fails here.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path, PurePosixPath

import pytest

from katabench.params import build_params
from katabench.rules import ALL_RULES, RULES, Example, Rule
from katabench.rules.print_call import PrintCall
from katabench.rules.type_switch import TypeSwitch
from katabench.sources import Package, SourceFile, package_from_texts


def _cases(kind: str) -> list[object]:
    cases = []
    for rule in ALL_RULES:
        for index, example in enumerate(getattr(rule, kind)):
            cases.append(
                pytest.param(
                    rule, example if isinstance(example, Example) else Example(example), id=f"{rule.id}-{kind}-{index}"
                )
            )
    return cases


def _run(rule: type[Rule], example: Example) -> list[object]:
    params = build_params(rule.Params, example.params, f"{rule.id} example")
    return rule(params).run(package_from_texts(example.files()))  # type: ignore[return-value]


@pytest.mark.parametrize(("rule", "example"), _cases("valid"))
def test_a_rule_accepts_its_valid_examples(rule: type[Rule], example: Example) -> None:
    assert _run(rule, example) == []


@pytest.mark.parametrize(("rule", "example"), _cases("invalid"))
def test_a_rule_flags_its_invalid_examples(rule: type[Rule], example: Example) -> None:
    findings = _run(rule, example)
    assert findings, "the rule found nothing"
    if example.findings is not None:
        assert len(findings) == example.findings, [f.message for f in findings]
    if example.line is not None:
        assert findings[0].line == example.line
    for finding in findings:
        assert finding.source == rule.id
        assert finding.message and finding.hint
        assert finding.path.startswith("example")


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_documents_itself_and_carries_examples(rule: type[Rule]) -> None:
    doc = inspect.cleandoc(rule.__doc__ or "")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in doc, f"{rule.id} docstring lacks {heading!r}"
    assert rule.valid and rule.invalid, f"{rule.id} needs valid and invalid examples"
    assert rule.id == rule.id.lower() and " " not in rule.id
    assert rule.summary and rule.hint


def test_rule_ids_are_unique_and_registered() -> None:
    assert len(RULES) == len(ALL_RULES)


def test_print_is_matched_by_what_it_resolves_to_not_by_its_spelling() -> None:
    code = "from builtins import print as say\n\ndef f(print):\n    print('local')\n    say('builtin')\n"
    findings = PrintCall().run(package_from_texts({"m.py": code}))
    assert [f.line for f in findings] == [5]


def test_a_file_libcst_cannot_parse_is_a_finding_not_a_crash() -> None:
    # Build the file by hand: its text is what LibCST sees, and it does not parse.
    source = SourceFile("example/bad.py", "example.bad", "x = (1,\n", ast.parse("x = 1"))
    package = Package(Path("."), PurePosixPath("example"), (source,), ())
    findings = TypeSwitch().run(package)
    assert len(findings) == 1
    assert findings[0].path == "example/bad.py"
    assert "LibCST cannot parse" in findings[0].message
