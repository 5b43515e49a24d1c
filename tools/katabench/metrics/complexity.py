"""Cyclomatic complexity (radon), cognitive complexity (complexipy), MI (radon)."""

from __future__ import annotations

import ast
import dataclasses
import tokenize
from dataclasses import dataclass
from typing import TYPE_CHECKING

from katabench.sources import Statement, TextMemo, top_level_statements

if TYPE_CHECKING:
    from radon.raw import Module


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
    review measures every version of every file of a history. radon's visitors
    add up each top-level statement's numbers (the distinct Halstead operators
    and operands: a union), so each statement is visited once per process,
    memoised by its text (`top_level_statements`). tests/test_review_metrics.py
    checks the numbers are radon's on every file of the repository.
    """
    from radon.metrics import mi_compute

    statements = top_level_statements(text, tree)
    parts = [(_statement_radon(s), s.start - 1) for s in statements] if statements is not None else [(_radon(tree), 0)]
    # radon lists the functions first, then each class's methods.
    scores = [FunctionScore(n, line + offset, v) for part, offset in parts for n, line, v in part.functions]
    scores += [FunctionScore(n, line + offset, v) for part, offset in parts for n, line, v in part.methods]
    complexity = 1 + sum(part.complexity - 1 for part, _offset in parts)
    raw = raw_metrics(text)
    comments = (raw.comments + raw.multi) / float(raw.sloc) * 100 if raw.sloc != 0 else 0
    index = mi_compute(_volume([part for part, _offset in parts]), complexity, raw.lloc, comments)
    return scores, float(index)


@dataclass(frozen=True)
class _Radon:
    """What radon's complexity and Halstead visitors find in some code (lines: as in the tree visited)."""

    functions: tuple[tuple[str, int, float], ...]
    methods: tuple[tuple[str, int, float], ...]
    complexity: int  # the visitor's total complexity
    operators: int
    operands: int
    distinct_operators: frozenset[object]
    distinct_operands: frozenset[object]


def _radon(tree: ast.Module) -> _Radon:
    from radon.metrics import HalsteadVisitor
    from radon.visitors import ComplexityVisitor, Function

    visitor = ComplexityVisitor.from_ast(tree)

    def scores(function: Function, name: str) -> list[tuple[str, int, float]]:
        found = [(name, function.lineno, function.complexity)]
        for closure in function.closures:
            found += scores(closure, f"{name}.{closure.name}")
        return found

    halstead = HalsteadVisitor.from_ast(tree)
    # An operand radon cannot name (a call, say) is the node itself, distinct from every other: kept
    # as a mere distinct object, so that the memo holds no tree.
    operands = frozenset(
        (context, object()) if isinstance(value, ast.AST) else (context, value)
        for context, value in halstead.operands_seen
    )
    return _Radon(
        tuple(s for f in visitor.functions for s in scores(f, f.fullname)),
        tuple(s for c in visitor.classes for m in c.methods for s in scores(m, m.fullname)),
        visitor.total_complexity,
        halstead.operators,
        halstead.operands,
        frozenset(halstead.operators_seen),
        operands,
    )


_RADON: TextMemo[_Radon] = TextMemo()


def _statement_radon(statement: Statement) -> _Radon:
    """radon's numbers for one top-level statement, its lines counted from 1 (memoised by its text)."""
    found = _RADON.get(statement.text)
    if found is None:
        found = _radon(ast.Module(body=[statement.node], type_ignores=[]))
        offset = statement.start - 1
        found = _RADON.put(
            statement.text,
            statement.text,
            dataclasses.replace(
                found,
                functions=tuple((n, line - offset, v) for n, line, v in found.functions),
                methods=tuple((n, line - offset, v) for n, line, v in found.methods),
            ),
        )
    return found


def _volume(parts: list[_Radon]) -> float:
    """radon's Halstead volume of the module made of these parts."""
    from radon.metrics import HalsteadVisitor, halstead_visitor_report

    total = HalsteadVisitor()
    for part in parts:
        total.operators += part.operators
        total.operands += part.operands
        total.operators_seen.update(part.distinct_operators)
        total.operands_seen.update(part.distinct_operands)
    return float(halstead_visitor_report(total).volume)


# What radon's raw analysis finds in one group of lines: its comments, its kind, its logical lines.
_Group = tuple[int, str, int]
_CACHED_GROUP = 1000  # characters: longer groups (a long string, say) are analysed without the memo


def raw_metrics(text: str) -> Module:
    """`radon.raw.analyze(text)`, the same numbers, with each group of lines analysed once per process.

    radon strips every line and tokenizes it on its own (with the next lines,
    while a string or bracket stays open): a review meets the same lines in
    every version of a file, so the analysis of a group is memoised by its
    text. The loop below is radon's, line for line; tests/test_review_metrics.py
    checks both agree on every file of the repository and on generated code.
    """
    from radon.raw import Module

    lloc = comments = single_comments = multi = blank = sloc = 0
    lines = (line.strip() for line in text.splitlines())
    lineno = 1
    for line in lines:
        used = [line]
        buffer = line
        while (found := _group(buffer)) is None:
            try:
                following = next(lines)
            except StopIteration:
                raise SyntaxError(f"SyntaxError at line: {lineno}") from None
            buffer = buffer + "\n" + following
            used.append(following)
        lineno += len(used)
        count, kind, logical = found
        comments += count
        if kind == "single":
            single_comments += 1
        elif kind == "multi":
            multi += sum(1 for parsed in used if parsed)
            blank += sum(1 for parsed in used if not parsed)
        else:
            for parsed in used:
                if parsed:
                    sloc += 1
                else:
                    blank += 1
        lloc += logical
    loc = sloc + blank + multi + single_comments
    return Module(loc, lloc, sloc, comments, multi, blank, single_comments)


_GROUPS: TextMemo[_Group | None] = TextMemo()


def _group(buffer: str) -> _Group | None:
    if len(buffer) > _CACHED_GROUP:
        return _analyse_group(buffer)
    if buffer in _GROUPS.values:  # (None is a value here: a group still open)
        return _GROUPS.values[buffer]
    return _GROUPS.put(buffer, buffer, _analyse_group(buffer))


def _analyse_group(buffer: str) -> _Group | None:
    """radon's reading of a group of stripped lines; None while the group is not complete (add a line)."""
    from radon.raw import _generate, _logical, is_single_token

    try:
        tokens = _generate(buffer)
    except tokenize.TokenError:
        return None
    if any(t[0] == tokenize.ERRORTOKEN for t in tokens):
        return None
    count = sum(1 for t in tokens if t[0] == tokenize.COMMENT)
    if is_single_token(tokenize.COMMENT, tokens):
        kind = "single"
    elif is_single_token(tokenize.STRING, tokens):
        kind = "single" if tokens[0][2][0] == tokens[0][3][0] else "multi"  # a docstring on one line, or more
    else:
        kind = "code"
    return count, kind, _logical(tokens)
