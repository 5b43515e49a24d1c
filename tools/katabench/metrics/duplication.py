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
import bisect
import io
import keyword
import token
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass, field

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


def _only_data(node: ast.AST, verdicts: dict[int, bool]) -> bool:
    """Whether every node under `node` is a constant or a display of constants (memoised: displays nest)."""
    known = verdicts.get(id(node))
    if known is None:
        known = all(
            isinstance(child, _DATA_NODES)
            and (
                not isinstance(child, ast.Dict | ast.List | ast.Set | ast.Tuple | ast.UnaryOp)
                or _only_data(child, verdicts)
            )
            for child in ast.iter_child_nodes(node)
        )
        verdicts[id(node)] = known
    return known


def _excluded_spans(tree: ast.Module) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans = []
    verdicts: dict[int, bool] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            excluded: ast.stmt | ast.expr = node
        elif (
            isinstance(node, ast.Dict | ast.List | ast.Set | ast.Tuple)
            and len(list(ast.iter_child_nodes(node))) >= 3
            and _only_data(node, verdicts)
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


def _outermost(
    spans: list[tuple[tuple[int, int], tuple[int, int]]],
) -> tuple[list[tuple[int, int]], list[tuple[tuple[int, int], tuple[int, int]]]]:
    """The spans not inside another, sorted, with their starts: syntax nodes nest or are apart."""
    kept: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], (-span[1][0], -span[1][1]))):
        if kept and kept[-1][0] <= start and end <= kept[-1][1]:
            continue
        kept.append((start, end))
    return [start for start, _end in kept], kept


def tokens_of(text: str, tree: ast.Module, file: int) -> list[_Token]:
    starts, spans = _outermost(_excluded_spans(tree))
    result: list[_Token] = []
    docstring_lines = _docstring_lines(tree)
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in _SKIPPED_TYPES or tok.start[0] in docstring_lines:
            continue
        inside = bisect.bisect_right(starts, tok.start) - 1  # the last span starting at or before the token
        if inside >= 0 and tok.end <= spans[inside][1]:
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


@dataclass(frozen=True)
class FileTokens:
    """One file's normalised tokens, tokenized once: a review reuses them for every commit holding the file."""

    path: str
    texts: tuple[str, ...]
    lines: tuple[int, ...]
    _windows: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def windows(self, size: int) -> tuple[int, ...]:
        """The hash of every window of `size` tokens, by start (computed once per size)."""
        if size not in self._windows:
            texts = self.texts
            self._windows[size] = tuple(hash(texts[i : i + size]) for i in range(len(texts) - size + 1))
        return self._windows[size]


def file_tokens(path: str, text: str, tree: ast.Module) -> FileTokens:
    tokens = tokens_of(text, tree, 0)
    return FileTokens(path, tuple(t.text for t in tokens), tuple(t.line for t in tokens))


def find_clones(files: Sequence[tuple[str, str, ast.Module]], min_tokens: int) -> list[Clone]:
    """Clones among (path, text, tree) files, longest first."""
    return clones_in([file_tokens(path, text, tree) for path, text, tree in files], min_tokens)


def clones_in(files: Sequence[FileTokens], min_tokens: int) -> list[Clone]:
    """Clones among files tokenized beforehand, longest first (what `find_clones` computes)."""
    texts: list[str] = []
    owner: list[int] = []
    offsets: list[int] = []
    starts: list[int] = []  # window starts, each window within one file
    keys: list[int] = []
    for index, tokens in enumerate(files):
        offset = len(texts)
        offsets.append(offset)
        texts.extend(tokens.texts)
        owner.extend([index] * len(tokens.texts))
        windows = tokens.windows(min_tokens)
        starts.extend(range(offset, offset + len(windows)))
        keys.extend(windows)
    first_seen: dict[int, int] = {}
    exact: dict[tuple[str, ...], int] = {}  # the windows whose hash another window already took
    # (copy start, original start) pairs of equal windows, grown into runs below.
    matches: dict[int, int] = {}
    for start, key in zip(starts, keys, strict=True):
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = start
            continue
        if texts[earlier : earlier + min_tokens] != texts[start : start + min_tokens]:
            window = tuple(texts[start : start + min_tokens])
            found = exact.get(window)
            if found is None:
                exact[window] = start
                continue
            earlier = found
        if earlier + min_tokens <= start or owner[earlier] != owner[start]:
            matches[start] = earlier
    clones: list[Clone] = []
    covered_until = -1
    for start in sorted(matches):
        if start <= covered_until:
            continue
        original = matches[start]
        length = min_tokens
        while _extends(texts, owner, original, start, length):
            length += 1
        covered_until = start + length - 1
        o_file, c_file = files[owner[original]], files[owner[start]]
        o_base, c_base = original - offsets[owner[original]], start - offsets[owner[start]]
        clones.append(
            Clone(
                o_file.path,
                o_file.lines[o_base],
                o_file.lines[o_base + length - 1],
                c_file.path,
                c_file.lines[c_base],
                c_file.lines[c_base + length - 1],
                length,
            )
        )
    return sorted(clones, key=lambda c: (-c.tokens, c.copy_path, c.copy_start))


def _extends(texts: Sequence[str], owner: Sequence[int], original: int, start: int, length: int) -> bool:
    """Whether the run (original, start, length) also matches one token further."""
    o, c = original + length, start + length
    if c >= len(texts) or owner[o] != owner[original] or owner[c] != owner[start]:
        return False
    if owner[original] == owner[start] and o >= start:
        return False  # a copy must not overlap its original
    return texts[o] == texts[c]


def duplicated_lines(clones: Sequence[Clone]) -> int:
    """Distinct lines spanned by copies."""
    lines = {(c.copy_path, n) for c in clones for n in range(c.copy_start, c.copy_end + 1)}
    return len(lines)
