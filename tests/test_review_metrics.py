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
