"""Cyclomatic complexity (radon), cognitive complexity (complexipy), MI (radon)."""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class FunctionScore:
    name: str  # qualified inside the module: `Loan.fine`, `helper`
    line: int
    value: float


def cyclomatic(text: str) -> list[FunctionScore]:
    """McCabe complexity of every function and method (radon)."""
    from radon.complexity import cc_visit
    from radon.visitors import Function

    scores: list[FunctionScore] = []

    def add(function: Function, name: str) -> None:
        scores.append(FunctionScore(name, function.lineno, function.complexity))
        for closure in function.closures:
            add(closure, f"{name}.{closure.name}")

    # cc_visit lists methods on their own (with their class name), next to classes.
    for block in cc_visit(text):
        if isinstance(block, Function):
            add(block, block.fullname)
    return scores


def cognitive(text: str) -> list[FunctionScore]:
    """Cognitive complexity of every function and method (complexipy)."""
    from complexipy import code_complexity

    return [
        FunctionScore(fn.name.replace("::", "."), fn.line_start, fn.complexity)
        for fn in code_complexity(text).functions
    ]


def maintainability(text: str) -> float:
    """radon's maintainability index of a module, 0 (worst) to 100."""
    from radon.metrics import mi_visit

    return float(mi_visit(text, multi=True))


def worst(scores: list[FunctionScore]) -> FunctionScore | None:
    return max(scores, key=lambda s: s.value, default=None)


def cyclomatic_and_maintainability(text: str, tree: ast.Module) -> tuple[list[FunctionScore], float]:
    """`cyclomatic(text)` and `maintainability(text)` at once, from a tree already parsed.

    The same radon computations, sharing one parse and one complexity visit: a
    review measures every version of every file of a history.
    """
    from radon.metrics import h_visit_ast, mi_compute
    from radon.raw import analyze
    from radon.visitors import ComplexityVisitor, Function

    visitor = ComplexityVisitor.from_ast(tree)
    scores: list[FunctionScore] = []

    def add(function: Function, name: str) -> None:
        scores.append(FunctionScore(name, function.lineno, function.complexity))
        for closure in function.closures:
            add(closure, f"{name}.{closure.name}")

    for block in visitor.blocks:
        if isinstance(block, Function):
            add(block, block.fullname)
    raw = analyze(text)
    comments = (raw.comments + raw.multi) / float(raw.sloc) * 100 if raw.sloc != 0 else 0
    index = mi_compute(h_visit_ast(tree).total.volume, visitor.total_complexity, raw.lloc, comments)
    return scores, float(index)
