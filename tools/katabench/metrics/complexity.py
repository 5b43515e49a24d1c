"""Cyclomatic complexity (radon), cognitive complexity (complexipy), MI (radon)."""

from __future__ import annotations

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
