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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from katabench.sources import Statement, TextMemo, syntax_nodes, top_level_statements

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


def _excluded_spans(nodes: Sequence[ast.AST]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans = []
    verdicts: dict[int, bool] = {}
    for node in nodes:
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


def tokens_of(text: str, tree: ast.Module, file: int, nodes: Sequence[ast.AST] | None = None) -> list[_Token]:
    """The file's normalised tokens; `nodes`: the tree's nodes if already listed (`syntax_nodes`)."""
    if nodes is None:
        nodes = syntax_nodes(tree)
    starts, spans = _outermost(_excluded_spans(nodes))
    result: list[_Token] = []
    docstring_lines = _docstring_lines(nodes)
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in _SKIPPED_TYPES or tok.start[0] in docstring_lines:
            continue
        inside = bisect.bisect_right(starts, tok.start) - 1  # the last span starting at or before the token
        if inside >= 0 and tok.end <= spans[inside][1]:
            continue
        result.append(_Token(_normalise(tok), file, tok.start[0]))
    return result


def _docstring_lines(nodes: Sequence[ast.AST]) -> set[int]:
    lines: set[int] = set()
    for node in nodes:
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            lines.update(_docstring_span(node.body[0]))
    return lines


def _docstring_span(first: ast.stmt) -> range:
    """The lines of a body's first statement if it is a docstring (else none)."""
    if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
        return range(first.lineno, (first.end_lineno or first.lineno) + 1)
    return range(0)


@dataclass(frozen=True)
class FileTokens:
    """One file's normalised tokens, tokenized once: a review reuses them for every commit holding the file."""

    path: str
    texts: tuple[str, ...]
    lines: tuple[int, ...]
    _windows: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    _sets: dict[int, tuple[frozenset[int], frozenset[int]]] = field(default_factory=dict, compare=False, repr=False)

    def windows(self, size: int) -> tuple[int, ...]:
        """The hash of every window of `size` tokens, by start (computed once per size)."""
        if size not in self._windows:
            texts = self.texts
            self._windows[size] = tuple(hash(texts[i : i + size]) for i in range(len(texts) - size + 1))
        return self._windows[size]

    def window_sets(self, size: int) -> tuple[frozenset[int], frozenset[int]]:
        """The window hashes of `size` tokens, and those occurring twice or more in the file (computed once)."""
        if size not in self._sets:
            seen: set[int] = set()
            twice: set[int] = set()
            for key in self.windows(size):
                if key in seen:
                    twice.add(key)
                else:
                    seen.add(key)
            self._sets[size] = (frozenset(seen), frozenset(twice))
        return self._sets[size]


def file_tokens(path: str, text: str, tree: ast.Module, nodes: Sequence[ast.AST] | None = None) -> FileTokens:
    """The file's normalised tokens (`tokens_of`), each top-level statement's read once per process.

    A review meets the same functions and classes in every version of a file:
    a statement's tokens depend on its text alone, so they are memoised by it
    (`top_level_statements`). tests/test_review_metrics.py checks this gives
    `tokens_of`'s tokens on every file of the repository and on generated code.
    """
    statements = top_level_statements(text, tree)
    texts: list[str] = []
    lines: list[int] = []
    try:
        for statement in statements or ():
            found_texts, found_lines = _statement_tokens(statement)
            texts.extend(found_texts)
            lines.extend(line + statement.start - 1 for line in found_lines)
    except (tokenize.TokenError, SyntaxError):  # a statement ending in a backslash, say: it needs the next line
        statements = None
    if statements is None:  # the whole file at once
        tokens = tokens_of(text, tree, 0, nodes)
        return FileTokens(path, tuple(t.text for t in tokens), tuple(t.line for t in tokens))
    return FileTokens(path, tuple(texts), tuple(lines))


_MEMO: TextMemo[tuple[tuple[str, ...], tuple[int, ...]]] = TextMemo()


def _statement_tokens(statement: Statement) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A top-level statement's tokens and their lines (1: its first): `tokens_of` on its text, memoised."""
    key = (statement.text, statement.first)
    found = _MEMO.get(key)
    if found is not None:
        return found
    nodes = syntax_nodes(statement.node)
    starts, spans = _outermost(_excluded_spans(nodes))
    docstring_lines = _docstring_lines(nodes)
    if statement.first:
        docstring_lines.update(_docstring_span(statement.node))  # the module's docstring
    offset = statement.start - 1
    texts: list[str] = []
    lines: list[int] = []
    for tok in tokenize.generate_tokens(io.StringIO(statement.text).readline):
        if tok.type in _SKIPPED_TYPES or tok.start[0] + offset in docstring_lines:
            continue
        inside = bisect.bisect_right(starts, (tok.start[0] + offset, tok.start[1])) - 1
        if inside >= 0 and (tok.end[0] + offset, tok.end[1]) <= spans[inside][1]:
            continue
        texts.append(_normalise(tok))
        lines.append(tok.start[0])
    return _MEMO.put(key, statement.text, (tuple(texts), tuple(lines)))


def find_clones(files: Sequence[tuple[str, str, ast.Module]], min_tokens: int) -> list[Clone]:
    """Clones among (path, text, tree) files, longest first."""
    return clones_in([file_tokens(path, text, tree) for path, text, tree in files], min_tokens)


def _repeated_windows(files: Sequence[FileTokens], size: int) -> set[int]:
    """The window hashes occurring twice or more among the files: only those can start a clone."""
    seen: set[int] = set()
    repeated: set[int] = set()
    for tokens in files:
        keys, twice = tokens.window_sets(size)
        repeated |= twice
        repeated |= seen & keys
        seen |= keys
    return repeated


def clones_in(files: Sequence[FileTokens], min_tokens: int) -> list[Clone]:
    """Clones among files tokenized beforehand, longest first (what `find_clones` computes).

    Only the windows whose hash occurs twice or more are compared (a hash seen
    once can neither be copied nor copy): most versions of a package have few.
    """
    repeated = _repeated_windows(files, min_tokens)
    if not repeated:
        return []
    texts: list[str] = []
    owner: list[int] = []
    offsets: list[int] = []
    for index, tokens in enumerate(files):
        offsets.append(len(texts))
        texts.extend(tokens.texts)
        owner.extend([index] * len(tokens.texts))
    windows = _repeated_window_starts(files, offsets, repeated, min_tokens)
    matches = match_windows(windows, texts, owner, min_tokens)
    return clones_from_matches(files, (texts, owner, offsets), matches, min_tokens)


def clones_from_matches(
    files: Sequence[FileTokens],
    joined: tuple[list[str], list[int], list[int]],
    matches: dict[int, int],
    min_tokens: int,
) -> list[Clone]:
    """The clones that start at `matches` ({copy start: original start} in the files' joined tokens), grown
    as long as they go; `joined` is the tokens' texts, the file each comes from, and each file's offset."""
    texts, owner, offsets = joined
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


def _repeated_window_starts(
    files: Sequence[FileTokens], offsets: Sequence[int], repeated: set[int], min_tokens: int
) -> Iterator[tuple[int, int]]:
    """(start in the joined tokens, hash) of each window whose hash is repeated, in order."""
    for index, tokens in enumerate(files):
        if repeated.isdisjoint(tokens.window_sets(min_tokens)[0]):
            continue
        for position, key in enumerate(tokens.windows(min_tokens)):
            if key in repeated:  # a hash seen once starts nothing
                yield offsets[index] + position, key


def match_windows(
    windows: Iterable[tuple[int, int]], texts: Sequence[str], owner: Sequence[int], min_tokens: int
) -> dict[int, int]:
    """{copy start: original start} of equal windows, given as (start, hash) in order over the joined tokens."""
    first_seen: dict[int, int] = {}
    exact: dict[tuple[str, ...], int] = {}  # the windows whose hash another window already took
    matches: dict[int, int] = {}
    for start, key in windows:
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
    return matches


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
