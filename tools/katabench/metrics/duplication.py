"""Repeated blocks of code: token sequences that occur twice or more.

Each file is tokenized; names, numbers and strings are normalised, so a block
copied and then renamed, or given another constant, is still found (a
"type 2" clone). Imports and data tables (displays holding only constants)
are left out: they repeat by nature. A clone is a run of at least
`min_tokens` equal tokens; its *copy* is every occurrence after the first, and
the duplicated lines are the lines the copies span.
"""

from __future__ import annotations

import ast
import io
import keyword
import token
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

_SKIPPED_TYPES = {
    token.NEWLINE,
    token.NL,
    token.COMMENT,
    token.INDENT,
    token.DEDENT,
    token.ENCODING,
    token.ENDMARKER,
}


@dataclass(frozen=True)
class Clone:
    """`copy_*` repeats `original_*` (1-based, inclusive line numbers)."""

    original_path: str
    original_start: int
    original_end: int
    copy_path: str
    copy_start: int
    copy_end: int
    tokens: int

    @property
    def lines(self) -> int:
        return self.copy_end - self.copy_start + 1


@dataclass(frozen=True)
class _Token:
    text: str
    file: int
    line: int


_DATA_NODES = (ast.Constant, ast.expr_context, ast.Dict, ast.List, ast.Set, ast.Tuple, ast.UnaryOp, ast.unaryop)


def _excluded_spans(tree: ast.Module) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            excluded: ast.stmt | ast.expr = node
        elif (
            isinstance(node, ast.Dict | ast.List | ast.Set | ast.Tuple)
            and len(list(ast.iter_child_nodes(node))) >= 3
            and all(isinstance(n, _DATA_NODES) for n in ast.walk(node) if n is not node)
        ):
            excluded = node
        else:
            continue
        if excluded.end_lineno is not None and excluded.end_col_offset is not None:
            spans.append(((excluded.lineno, excluded.col_offset), (excluded.end_lineno, excluded.end_col_offset)))
    return spans


def _normalise(tok: tokenize.TokenInfo) -> str:
    if tok.type == token.NAME and not keyword.iskeyword(tok.string):
        return "<name>"
    if tok.type == token.NUMBER:
        return "<number>"
    if tok.type == token.STRING or tok.type in _FSTRING_TYPES:
        return "<string>"
    return tok.string


_FSTRING_TYPES = {getattr(token, n) for n in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END") if hasattr(token, n)}


def tokens_of(text: str, tree: ast.Module, file: int) -> list[_Token]:
    spans = _excluded_spans(tree)
    result: list[_Token] = []
    docstring_lines = _docstring_lines(tree)
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in _SKIPPED_TYPES or tok.start[0] in docstring_lines:
            continue
        if any(start <= tok.start and tok.end <= end for start, end in spans):
            continue
        result.append(_Token(_normalise(tok), file, tok.start[0]))
    return result


def _docstring_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
                lines.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    return lines


def find_clones(files: Sequence[tuple[str, str, ast.Module]], min_tokens: int) -> list[Clone]:
    """Clones among (path, text, tree) files, longest first."""
    stream: list[_Token] = []
    for index, (_path, text, tree) in enumerate(files):
        stream.extend(tokens_of(text, tree, index))
    texts = [t.text for t in stream]
    first_seen: dict[tuple[str, ...], int] = {}
    # (copy start, original start) pairs of equal windows, grown into runs below.
    matches: dict[int, int] = {}
    for start in range(len(stream) - min_tokens + 1):
        if stream[start].file != stream[start + min_tokens - 1].file:
            continue  # a window must lie within one file
        window = tuple(texts[start : start + min_tokens])
        earlier = first_seen.get(window)
        if earlier is None:
            first_seen[window] = start
        elif earlier + min_tokens <= start or stream[earlier].file != stream[start].file:
            matches[start] = earlier
    clones: list[Clone] = []
    covered_until = -1
    for start in sorted(matches):
        if start <= covered_until:
            continue
        original = matches[start]
        length = min_tokens
        while _extends(stream, original, start, length):
            length += 1
        covered_until = start + length - 1
        o_first, o_last = stream[original], stream[original + length - 1]
        c_first, c_last = stream[start], stream[start + length - 1]
        clones.append(
            Clone(
                files[o_first.file][0],
                o_first.line,
                o_last.line,
                files[c_first.file][0],
                c_first.line,
                c_last.line,
                length,
            )
        )
    return sorted(clones, key=lambda c: (-c.tokens, c.copy_path, c.copy_start))


def _extends(stream: Sequence[_Token], original: int, start: int, length: int) -> bool:
    """Whether the run (original, start, length) also matches one token further."""
    o, c = original + length, start + length
    if c >= len(stream) or stream[o].file != stream[original].file or stream[c].file != stream[start].file:
        return False
    if stream[original].file == stream[start].file and o >= start:
        return False  # a copy must not overlap its original
    return stream[o].text == stream[c].text


def duplicated_lines(clones: Sequence[Clone]) -> int:
    """Distinct lines spanned by copies."""
    lines = {(c.copy_path, n) for c in clones for n in range(c.copy_start, c.copy_end + 1)}
    return len(lines)
