"""The generated documentation matches the sources it is generated from."""

from __future__ import annotations

from helpers import ROOT
from katabench.docgen import pages


def test_the_rule_reference_and_the_catalog_are_up_to_date() -> None:
    for path, text in pages(ROOT).items():
        assert path.exists(), f"{path.name} is missing: run `nox -s docs`"
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run `nox -s docs`"


def test_every_rule_has_a_section_in_the_reference() -> None:
    from katabench.rules import RULES

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule_id in RULES:
        assert f"## `{rule_id}`" in text
