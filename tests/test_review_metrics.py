"""A number means the same in `kata check` and in a review: the review's metrics are the gates' metrics."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import libcst
import pytest

from helpers import ROOT
from katabench.check import Selection, check_code
from katabench.errors import FatalError
from katabench.metrics.cohesion import lcom4
from katabench.metrics.duplication import (
    Clone,
    FileTokens,
    clones_from_matches,
    clones_in,
    file_tokens,
    match_windows,
)
from katabench.repo import get_kata
from katabench.review.analyze import class_lcom4, moved_lines
from katabench.review.engine import ReviewRequest, review
from review_support import git, student_repo

ALL_FILES = sorted(
    p for folder in ("legacy", "katas") for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts
)


@pytest.mark.parametrize("path", ALL_FILES[:: max(1, len(ALL_FILES) // 60)], ids=lambda p: str(p.relative_to(ROOT)))
def test_the_fast_lcom4_gives_the_foundations_numbers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = [(c.name, c.line, c.lcom4) for c in lcom4(libcst.parse_module(text))]
    assert list(class_lcom4(ast.parse(text))) == expected


TRICKY = {
    "nested": "class Outer:\n    class Inner:\n        def a(self):\n            return self.x\n"
    "        def b(self):\n            return self.y\n    def c(self):\n        return self.z\n"
    "    def d(self):\n        return self.z\n",
    "stubs and abstract": "import abc\nclass A(abc.ABC):\n    @abc.abstractmethod\n    def a(self): ...\n"
    "    def b(self):\n        'doc'\n        raise NotImplementedError\n    def c(self):\n        return self.q\n"
    "    def d(self):\n        pass\n    def e(self):\n        return self.r\n",
    "static and posonly": "class S:\n    @staticmethod\n    def a(x):\n        return x.y\n"
    "    def b(me, /, other):\n        return me.y\n    def c(self):\n        return self.b(1)\n",
    "protocol": "from typing import Protocol\nclass P(Protocol):\n    def a(self): return self.x\n"
    "    def b(self): return self.y\n",
    "decorated, in a function": "def f():\n    @dec\n    class Local:\n        def a(self):\n"
    "            return self.x\n        async def b(self):\n            return self.y\n    return Local\n",
    "calls connect": "class C:\n    def a(self):\n        return self.b()\n    def b(self):\n        return 1\n"
    "    def c(self):\n        return self.z\n",
}


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_the_fast_lcom4_agrees_on_the_tricky_cases(name: str) -> None:
    text = TRICKY[name]
    expected = [(c.name, c.line, c.lcom4) for c in lcom4(libcst.parse_module(text))]
    assert expected or name == "protocol", name
    assert list(class_lcom4(ast.parse(text))) == expected


def test_the_fast_lcom4_agrees_on_generated_code() -> None:
    from katabench.review.synth import history

    for step in history(11, 30, modules=4):
        for text in step.after.values():
            expected = [(c.name, c.line, c.lcom4) for c in lcom4(libcst.parse_module(text))]
            assert list(class_lcom4(ast.parse(text))) == expected


def _repository_with(tmp_path: Path, name: str) -> Path:
    """A one-commit repository holding the kata as a student gets it."""
    kata = get_kata(ROOT, name)
    repo = tmp_path / "repo"
    for folder in (f"katas/{name}", str(kata.legacy), str(kata.harness)):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the kata")
    return repo


@pytest.mark.parametrize("name", ["library-fines", "gradebook"])
def test_a_review_measures_the_legacy_code_as_kata_check_does(name: str, tmp_path: Path) -> None:
    kata = get_kata(ROOT, name)
    static = Selection(skip=frozenset({"mutation", "approvals", "coverage", "typing"}))
    report = check_code(kata, ROOT / kata.legacy, tmp_path, static)
    baseline = review(ReviewRequest(_repository_with(tmp_path, name), kata=name, cache_dir=None)).baseline
    assert baseline is not None
    complexity = report.result("complexity")
    assert complexity is not None
    assert complexity.data["max_cyclomatic"] == baseline.get("max_cyclomatic")
    assert complexity.data["max_cognitive"] == baseline.get("max_cognitive")
    for spec in kata.rules:
        rule = report.result(spec.id)
        assert rule is not None and rule.measured == baseline.rules[spec.id], spec.id


def test_moved_lines_are_not_counted_as_written() -> None:
    function = "def vat(x):\n    return x * 21 // 100\n"
    assert moved_lines({"a.py": function, "b.py": ""}, {"a.py": "", "b.py": function}) == 2
    assert moved_lines({"a.py": function}, {"a.py": function.replace("21", "9")}) == 0


def test_a_history_without_the_kata_code_says_so(tmp_path: Path) -> None:
    repo = student_repo(tmp_path)
    git(repo, "checkout", "-q", "--orphan", "fresh")
    git(repo, "rm", "-rq", "--cached", "legacy")
    git(repo, "commit", "-q", "-m", "a new root without the kata's code")
    with pytest.raises(FatalError, match="is not in the history"):
        review(ReviewRequest(repo, kata="fees", cache_dir=None))


# -- the review's faster paths give the foundation's numbers -----------------------------
# A review measures every version of every file: it shares one walk of the tree, memoises what
# each top-level statement measures by its text, and compares only repeated windows for clones.
# Each fast path is checked here against the plain computation it replaces.

SAMPLE = ALL_FILES[:: max(1, len(ALL_FILES) // 40)]

ODD = {
    "statements sharing a line": "import os; import sys\nx = 1; y = 2\n\n\ndef f(a):\n    return a; pass\n",
    "a backslash at the end": 'X = \\\n"a"\\\n"b"\\\n\n\ndef f():\n    return X\n',
    "CR line ends": "def f(a):\r    if a:\r        return 1\r    return 2\r",
    "CRLF line ends": "def f(a):\r\n    if a:\r\n        return 1\r\n    return 2\r\n",
    "docstrings": '"""Module."""\n\n\nclass A:\n    """Class."""\n\n    def m(self):\n        """Method."""\n'
    '        return [1, 2, 3]\n\n\n"""Not a docstring: a string statement."""\n',
    "decorators and closures": "import functools\n\n\n@functools.cache\n@other(1,\n       2)\ndef f(a, b):\n"
    "    def g(c):\n        return c if c else -c\n    return g(a) or g(b)\n",
    "comments between": "# head\nx = 1  # tail\n# between\n\n\nwhile x:  # loop\n    x -= 1\nelse:\n    pass\n",
    "match and try": "def f(v):\n    match v:\n        case 1:\n            return 'a'\n        case _:\n"
    "            pass\n    try:\n        return g(v)\n    except (KeyError, ValueError):\n        return None\n"
    "    else:\n        return 0\n",
    "empty": "",
    "only comments": "# nothing\n# at all\n",
    "form feed": "x = 1\n\x0c\ndef f():\n    return x\n",
}


def _texts() -> list[tuple[str, str]]:
    from katabench.review.synth import history

    found = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in SAMPLE]
    found += [(name, text) for name, text in ODD.items()]
    for step in history(5, 12, modules=4):
        found += sorted(step.after.items())
    return found


def _shifted(text: str) -> str:
    """The same statements further down, after a new one: memoised numbers must move with them."""
    return "import itertools\n\n\n" + text if "\r" not in text else text


def test_the_shared_walk_lists_the_nodes_in_ast_walks_order() -> None:
    from katabench.sources import syntax_nodes

    for _name, text in _texts():
        tree = ast.parse(text)
        assert syntax_nodes(tree) == list(ast.walk(tree))


def test_the_memoised_raw_analysis_gives_radons_numbers() -> None:
    from radon.raw import analyze

    from katabench.metrics.complexity import raw_metrics

    for name, text in _texts():
        for version in (text, text, _shifted(text)):  # measured, then memoised
            assert raw_metrics(version) == analyze(version), name


def test_the_memoised_complexity_and_maintainability_are_radons() -> None:
    from katabench.metrics.complexity import cyclomatic, cyclomatic_and_maintainability, maintainability

    for name, text in _texts():
        for version in (text, text, _shifted(text)):
            scores, index = cyclomatic_and_maintainability(version, ast.parse(version))
            assert scores == cyclomatic(version), name
            assert index == pytest.approx(maintainability(version), abs=1e-9), name


def test_the_memoised_tokens_are_the_duplication_metrics_tokens() -> None:
    from katabench.metrics.duplication import file_tokens, tokens_of

    for name, text in _texts():
        for version in (text, text, _shifted(text)):
            tree = ast.parse(version)
            expected = tokens_of(version, tree, 0)
            tokens = file_tokens(name, version, tree)
            assert (tokens.texts, tokens.lines) == (tuple(t.text for t in expected), tuple(t.line for t in expected))


def _all_windows_clones(files: list[FileTokens], min_tokens: int) -> list[Clone]:
    """The clone search before it compared repeated windows only: every window, in order."""
    texts: list[str] = []
    owner: list[int] = []
    offsets: list[int] = []
    starts: list[int] = []
    keys: list[int] = []
    for index, tokens in enumerate(files):
        offset = len(texts)
        offsets.append(offset)
        texts.extend(tokens.texts)
        owner.extend([index] * len(tokens.texts))
        windows = tokens.windows(min_tokens)
        starts.extend(range(offset, offset + len(windows)))
        keys.extend(windows)
    matches = match_windows(zip(starts, keys, strict=True), texts, owner, min_tokens)
    return clones_from_matches(files, (texts, owner, offsets), matches, min_tokens)


def test_comparing_repeated_windows_only_finds_the_same_clones() -> None:
    from katabench.review.synth import history

    versions = [
        [file_tokens(path, text, ast.parse(text)) for path, text in sorted(step.after.items())]
        for step in history(7, 20, modules=5)
    ]
    versions.append([file_tokens(name, text, ast.parse(text)) for name, text in _texts()[:30]])
    found_some = False
    for files in versions:
        for min_tokens in (10, 25, 40):
            expected = _all_windows_clones(files, min_tokens)
            assert clones_in(files, min_tokens) == expected
            found_some = found_some or bool(expected)
    assert found_some
