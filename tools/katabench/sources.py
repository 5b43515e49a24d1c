"""Read a kata's package safely: student code is untrusted input.

Every static gate and rule works on a `Package`, read once per check. A file
that is too large, not UTF-8 or not valid Python becomes a `Finding` naming the
file and line, never an exception; the gates fail on it instead of passing
silently (radon, for one, exits 0 on files it cannot parse).
"""

from __future__ import annotations

import ast
import functools
import warnings
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar

from katabench.model import Finding

if TYPE_CHECKING:
    import libcst

MAX_FILE_BYTES = 512 * 1024
PARSE = "parse"


@dataclass(frozen=True)
class SourceFile:
    path: str  # POSIX path relative to the workspace root
    module: str  # dotted module name, e.g. legacy.library_fines.fines
    text: str
    tree: ast.Module = field(compare=False, repr=False)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def is_package_init(self) -> bool:
        return self.path.endswith("/__init__.py")

    @functools.cached_property
    def cst(self) -> libcst.Module:
        """The LibCST tree, parsed on first use and shared by every rule."""
        import libcst

        return libcst.parse_module(self.text)

    @functools.cached_property
    def cst_wrapper(self) -> libcst.MetadataWrapper:
        """Shared by every rule, so each kind of metadata is resolved once per file."""
        import libcst

        return libcst.MetadataWrapper(self.cst, unsafe_skip_copy=True)


@dataclass(frozen=True)
class Package:
    """The Python files of a kata package, parsed, plus the files that could not be."""

    root: Path
    directory: PurePosixPath
    files: tuple[SourceFile, ...]
    problems: tuple[Finding, ...]

    @property
    def name(self) -> str:
        return ".".join(self.directory.parts)

    def relative(self, source: SourceFile) -> str:
        """The file's path inside the package, e.g. `rules/base.py`."""
        return str(PurePosixPath(source.path).relative_to(self.directory))


def syntax_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of a tree, in `ast.walk`'s order (breadth first), listed at once.

    About twice as fast as `ast.walk` (no generator per node); a review walks
    every version of every file, and several metrics share one listing.
    """
    found: list[ast.AST] = [tree]
    add = found.append
    node_type = ast.AST
    for node in found:  # the list grows while it is read: breadth first, like ast.walk
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, node_type):
                add(value)
            elif value.__class__ is list:
                for item in value:
                    if isinstance(item, node_type):
                        add(item)
    return found


class Statement(NamedTuple):
    """A top-level statement of a module and its text (decorators included)."""

    text: str  # its lines, each ending with a newline
    start: int  # its first line in the module
    node: ast.stmt
    first: bool  # the module's first statement (its docstring, if it is one)


def top_level_statements(text: str, tree: ast.Module) -> list[Statement] | None:
    """The module's top-level statements with their text, or None if two share a line (or lines end in CR).

    A top-level statement starts a line outside any bracket or string, so what
    it measures depends on its text alone: metrics memoise it by that text.
    """
    if "\r" in text:
        return None
    lines = text.split("\n")
    found: list[Statement] = []
    previous_end = 0
    for index, node in enumerate(tree.body):
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
        end = node.end_lineno
        if end is None or start <= previous_end:
            return None
        found.append(Statement("\n".join(lines[start - 1 : end]) + "\n", start, node, index == 0))
        previous_end = end
    return found


Value = TypeVar("Value")


class TextMemo(Generic[Value]):
    """A per-process memo keyed by source text; past `limit` characters of keys, it starts again."""

    every: ClassVar[list[TextMemo[Any]]] = []

    def __init__(self, limit: int = 1 << 23) -> None:
        self.limit = limit
        self.values: dict[object, Value] = {}
        self.size = 0
        TextMemo.every.append(self)

    @staticmethod
    def forget_all() -> None:
        """Empty every memo: a benchmark's cold run starts from nothing, as a new process does."""
        for memo in TextMemo.every:
            memo.values.clear()
            memo.size = 0

    def get(self, key: object) -> Value | None:
        return self.values.get(key)

    def put(self, key: object, text: str, value: Value) -> Value:
        if self.size + len(text) > self.limit:
            self.values.clear()
            self.size = 0
        self.values[key] = value
        self.size += len(text)
        return value


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_source(root: Path, relative: PurePosixPath, module: str) -> SourceFile | Finding:
    """Read and parse one file, or describe why it cannot be analysed."""
    path = str(relative)
    try:
        data = (root / relative).read_bytes()
    except OSError as error:
        return Finding(path, 0, 0, PARSE, f"cannot read the file: {error.strerror or error}")
    return parse_source(path, data, module)


def parse_source(path: str, data: bytes, module: str) -> SourceFile | Finding:
    """Decode and parse a file's bytes (from disk, or a blob of a git history)."""
    if len(data) > MAX_FILE_BYTES:
        return Finding(
            path,
            0,
            0,
            PARSE,
            f"file too large to analyse: {len(data):,} bytes (limit {MAX_FILE_BYTES:,})",
            "keep generated data out of the kata package",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of_byte(data, error.start)
        return Finding(
            path,
            line,
            0,
            PARSE,
            f"not UTF-8: byte 0x{data[error.start]:02x} on line {line} cannot be decoded",
            "save the file as UTF-8",
        )
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like warn at parse time; not our output.
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        return Finding(
            path,
            error.lineno or 0,
            error.offset or 0,
            PARSE,
            f"does not parse: {error.msg}",
            "fix the syntax error first; no gate can judge this file until it parses",
        )
    except (ValueError, RecursionError, MemoryError) as error:
        reason = "too deeply nested" if isinstance(error, RecursionError | MemoryError) else str(error)
        return Finding(path, 0, 0, PARSE, f"cannot be parsed: {reason}")
    return SourceFile(path, module, text, tree)


def package_from_texts(files: dict[str, str], directory: str = "example") -> Package:
    """A package held in memory, for rule examples and tests: {relative path: text}."""
    base = PurePosixPath(directory)
    parsed: list[SourceFile] = []
    problems: list[Finding] = []
    for name, text in sorted(files.items()):
        relative = base / name
        try:
            tree = ast.parse(text, filename=str(relative))
        except SyntaxError as error:
            problems.append(
                Finding(str(relative), error.lineno or 0, error.offset or 0, PARSE, f"does not parse: {error.msg}")
            )
            continue
        parsed.append(SourceFile(str(relative), module_name(relative), text, tree))
    return Package(Path("."), base, tuple(parsed), tuple(problems))


def module_name(relative: PurePosixPath) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def load_package(root: Path, directory: PurePosixPath) -> Package:
    """All `*.py` files under `root/directory`, sorted by path."""
    base = root / directory
    if not base.is_dir():
        missing = Finding(str(directory), 0, 0, PARSE, f"{directory} is missing: there is no code to judge")
        return Package(root, directory, (), (missing,))
    files: list[SourceFile] = []
    problems: list[Finding] = []
    for path in sorted(base.rglob("*.py")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        relative = PurePosixPath(path.relative_to(root).as_posix())
        result = read_source(root, relative, module_name(relative))
        if isinstance(result, Finding):
            problems.append(result)
        else:
            files.append(result)
    return Package(root, directory, tuple(files), tuple(problems))
