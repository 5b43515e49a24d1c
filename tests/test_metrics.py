"""The metrics mean what they say: complexity, coupling, cohesion, duplication."""

from __future__ import annotations

import ast
import textwrap

import libcst

from katabench.metrics.cohesion import lcom4
from katabench.metrics.complexity import cognitive, cyclomatic, maintainability, worst
from katabench.metrics.duplication import duplicated_lines, find_clones
from katabench.metrics.imports import build_graph, coupling, cycles

NESTED = textwrap.dedent("""
    def fine(kind, days):
        if kind == "book":
            if days > 10:
                return days * 2
            return days
        elif kind == "film":
            return days * 3
        return 0

    class Loan:
        def total(self, items):
            return sum(i for i in items if i)
""")


def test_cyclomatic_and_cognitive_complexity_per_function() -> None:
    cc = {s.name: s.value for s in cyclomatic(NESTED)}
    assert cc == {"fine": 4, "Loan.total": 3}
    cog = {s.name: s.value for s in cognitive(NESTED)}
    assert cog["fine"] > cog["Loan.total"]
    assert worst(cyclomatic(NESTED)).name == "fine"  # type: ignore[union-attr]


def test_maintainability_falls_as_code_grows_more_complex() -> None:
    simple = "def f(x):\n    return x + 1\n"
    assert maintainability(simple) > maintainability(NESTED * 5)


def _graph(files: dict[str, str]) -> dict[str, dict[str, int]]:
    return build_graph(
        (name, name.endswith("__init__") or name == "pkg", ast.parse(text)) for name, text in files.items()
    )


def test_the_import_graph_resolves_relative_and_absolute_imports_inside_the_package() -> None:
    graph = _graph(
        {
            "pkg": "from .api import run\n",
            "pkg.api": "from . import rates\nfrom pkg.report import render\nimport json\n",
            "pkg.rates": "",
            "pkg.report": "from .rates import RATE\n",
        }
    )
    assert set(graph["pkg.api"]) == {"pkg.rates", "pkg.report"}
    numbers = {m.module: m for m in coupling(graph)}
    assert numbers["pkg.api"].efferent == 2
    assert numbers["pkg.rates"].afferent == 2
    assert numbers["pkg.rates"].instability == 0.0
    assert cycles(graph) == []


def test_import_cycles_are_found() -> None:
    graph = _graph(
        {"pkg": "", "pkg.a": "from .b import x\n", "pkg.b": "from .c import y\n", "pkg.c": "from .a import z\n"}
    )
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_lcom4_counts_groups_of_methods_that_share_nothing() -> None:
    module = libcst.parse_module(
        textwrap.dedent("""
        class Gradebook:
            def __init__(self, path):
                self.path = path
                self.marks = []
                self.width = 80

            def load(self):
                self.marks = open(self.path).read()

            def average(self):
                return sum(self.marks) / len(self.marks)

            def banner(self):
                return "=" * self.width

            def title(self):
                return self.banner() + "Report"

        class Money:
            def __init__(self, cents):
                self.cents = cents

            def add(self, other):
                return Money(self.cents + other.cents)

            def __str__(self):
                return f"{self.cents / 100:.2f}"
    """)
    )
    results = {c.name: c for c in lcom4(module)}
    assert results["Gradebook"].lcom4 == 2
    assert results["Gradebook"].groups == (("average", "load"), ("banner", "title"))
    assert results["Money"].lcom4 == 1


def test_lcom4_ignores_protocols_and_abstract_methods() -> None:
    module = libcst.parse_module(
        textwrap.dedent("""
        from typing import Protocol
        from abc import ABC, abstractmethod

        class Policy(Protocol):
            def rate(self) -> int: ...
            def cap(self) -> int: ...

        class Base(ABC):
            @abstractmethod
            def rate(self): ...
            @abstractmethod
            def cap(self): ...
    """)
    )
    assert lcom4(module) == []


COPY = textwrap.dedent("""
    def report_a(marks, weights):
        total = 0
        for mark, weight in zip(marks, weights):
            total += mark * weight
        average = round(total / sum(weights), 1)
        if average >= 70:
            return "A"
        return "B"

    def report_b(scores, factors):
        subtotal = 0
        for score, factor in zip(scores, factors):
            subtotal += score * factor
        mean = round(subtotal / sum(factors), 2)
        if mean >= 70:
            return "A"
        return "C"
""")


def test_a_renamed_copy_is_found_as_a_clone() -> None:
    clones = find_clones([("m.py", COPY, ast.parse(COPY))], min_tokens=30)
    assert len(clones) == 1
    clone = clones[0]
    assert (clone.original_start, clone.copy_start) == (2, 11)
    assert duplicated_lines(clones) == clone.lines


def test_clones_are_found_across_files_but_not_in_imports_or_data_tables() -> None:
    table = "RATES = {" + ", ".join(f'"k{i}": {i}' for i in range(40)) + "}\n"
    head = "import os\nimport sys\nfrom json import dumps, loads\n"
    files = [
        ("a.py", head + table + COPY.split("def report_b")[0], None),
        ("b.py", head + table + "def report_b" + COPY.split("def report_b")[1], None),
    ]
    parsed = [(path, text, ast.parse(text)) for path, text, _ in files]
    clones = find_clones(parsed, min_tokens=30)
    assert [(c.original_path, c.copy_path) for c in clones] == [("a.py", "b.py")]
    assert clones[0].copy_start >= 4  # the imports (lines 1-3) are not part of it
    assert clones[0].tokens < 60  # nor are the 40 entries of the table


def test_distinct_code_has_no_clones() -> None:
    assert find_clones([("m.py", NESTED, ast.parse(NESTED))], min_tokens=20) == []


def test_a_clone_never_spans_two_files() -> None:
    # The end of one file followed by the start of the next must not look like a copy of anything.
    tail = "def f(x):\n    y = x + 1\n    z = y * 2\n    return z\n"
    head = "def g(a):\n    b = a + 1\n    c = b * 2\n    return c\n"
    files = [
        ("a.py", head + tail, None),
        ("b.py", tail, None),
        ("c.py", head, None),
    ]
    parsed = [(path, text, ast.parse(text)) for path, text, _ in files]
    # Each function is 18 tokens: shorter than a clone, unless windows ran on from one file into the next.
    assert find_clones(parsed, min_tokens=20) == []
    clones = find_clones(parsed, min_tokens=15)
    assert clones
    for clone in clones:  # at 15 tokens, every clone is one whole four-line function on each side
        assert (clone.copy_end - clone.copy_start, clone.original_end - clone.original_start) == (3, 3), clone
