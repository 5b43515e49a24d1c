from __future__ import annotations

import fnmatch
from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile

# Methods that take a size: `f.read(4096)` reads a bounded chunk, `f.read()` the whole file.
_SIZED_METHODS = frozenset({"read", "read1", "readlines"})
# Annotations that make a parameter a file object: `def parse(export: TextIO)`.
_FILE_TYPES = frozenset(
    {
        "typing.IO",
        "typing.TextIO",
        "typing.BinaryIO",
        "io.IOBase",
        "io.TextIOBase",
        "io.TextIOWrapper",
        "io.BufferedReader",
        "io.BufferedIOBase",
        "io.RawIOBase",
    }
)
_MAX_SHOWN = 60


@dataclass(frozen=True)
class WholeFileReadParams:
    # module globs inside the package whose functions are pipeline stages
    modules: tuple[str, ...] = ("*",)
    # function (or method) name globs, in those modules, that are stages
    functions: tuple[str, ...] = ("*",)
    # methods that read a whole file, whatever they are called on
    methods: tuple[str, ...] = ("read", "readlines", "read_text", "read_bytes")
    # calls that read a whole file when given a file object: `list(export)`
    collectors: tuple[str, ...] = ("builtins.list", "builtins.tuple", "builtins.sorted", "builtins.set")
    # calls that open a file (a method named `open`, as in `path.open()`, always does)
    openers: tuple[str, ...] = ("builtins.open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open")

    def __post_init__(self) -> None:
        if not self.modules or not self.functions:
            raise ValueError("modules: expected at least one glob (and functions too), e.g. '*'")
        for method in self.methods:
            if not method.isidentifier():
                raise ValueError(f"methods: expected method names such as 'readlines', got {method!r}")


class WholeFileRead(Rule):
    """
    ## What it does
    Flags reads of a whole file inside pipeline stages — the functions named
    by `functions` in the modules named by `modules` (every function of the
    package by default):

    - a call to one of `methods` (`.read()`, `.readlines()`,
      `Path.read_text()`, `Path.read_bytes()`), whatever it is called on;
      `.read(4096)` and `.readlines(hint)`, with a size, read a bounded chunk
      and pass;
    - one of `collectors` (`list`, `tuple`, `sorted`, `set`) applied to a file
      object: `list(export)`, `sorted(open(path))`;
    - a list, set or dict comprehension, or a `[*export]` display, over a file
      object (or its `enumerate`): `[line.strip() for line in export]`.

    A file object is a call to one of `openers` or to a method `open`
    (`path.open()`), a name bound to one (`with open(path) as export`,
    `export = path.open()`), or a parameter annotated as a file (`TextIO`,
    `IO[str]`, `io.TextIOWrapper`, ...). Code outside functions is not a
    stage and is not checked.

    ## Why is this bad?
    A stage that reads its whole input before yielding anything holds the
    whole file in memory, however little of it the next stage needs at a
    time: the pipeline's peak memory grows with the input, and nothing
    downstream starts until the last byte is read. Reading a whole file only
    to look at its first line is the same cost for one line.

    ## Example
    ```python
    def export_units(path):
        first_line = Path(path).read_text().split("\\n")[0]
        ...

    def load_readings(path):
        with open(path) as export:
            lines = export.readlines()
        return [parse(line) for line in lines]
    ```

    ## Use instead
    ```python
    def export_lines(path):
        with open(path) as export:
            yield from export          # one line at a time

    def parse_readings(lines):
        first_line = next(lines, "")   # peek, then carry on lazily
        units = export_units(first_line)
        for line in chain([first_line], lines):
            yield parse(line, units)
    ```
    Iterate over the file object in a generator and hand the lines on one at
    a time; peek at the first line with `next()` and put it back with
    `itertools.chain`.
    """

    id = "whole-file-read"
    summary = "A pipeline stage that reads a whole file into memory"
    hint = (
        "Iterate over the file object line by line in a generator (`with open(path) as f: yield from f`) "
        "and pass the lines on lazily; peek at a first line with next() and itertools.chain."
    )
    Params = WholeFileReadParams
    params: WholeFileReadParams

    valid = (
        """
from itertools import chain

def export_lines(path):
    with open(path, encoding="utf-8") as export:
        yield from export

def parse(lines):
    first = next(lines, "")
    for line in chain([first], lines):
        yield line.strip()

def stripped(path):
    with open(path) as export:
        return (line.strip() for line in export)
""",
        """
def checksum(path):
    total = 0
    with open(path, "rb") as data:
        while chunk := data.read(4096):
            total += sum(chunk)
    return total

def rows(readings):
    return list(readings), [r for r in readings if r]
""",
        Example(
            {
                "settings.py": "from pathlib import Path\n\ndef load(path):\n    return Path(path).read_text()\n",
                "stages/parse.py": "def lines(path):\n    with open(path) as f:\n        yield from f\n",
            },
            params={"modules": ["stages/*"]},
        ),
        Example(
            "def load_config(path):\n    with open(path) as f:\n        return f.read()\n\n"
            "def parse(path):\n    with open(path) as f:\n        yield from f\n",
            params={"functions": ["parse*", "clean*"]},
        ),
        "TEXT = open('notes.txt').read()\n",
    )
    invalid = (
        Example(
            """
from pathlib import Path

def export_units(path):
    first_line = Path(path).read_text(encoding="utf-8").split("\\n")[0]
    return first_line

def load_readings(path):
    with open(path, encoding="utf-8") as export:
        lines = export.readlines()
    return [line.strip() for line in lines]
""",
            findings=2,
            line=5,
        ),
        Example(
            """
def stages(path, other):
    with open(path) as export:
        everything = list(export)
        stripped = [line.strip() for line in export]
        numbered = {n: line for n, line in enumerate(export, start=1)}
    ordered = sorted(open(other))
    return everything, stripped, numbered, ordered
""",
            findings=4,
            line=4,
        ),
        Example(
            """
from typing import TextIO

def parse(export: TextIO, path):
    first = tuple(export)
    handle = path.open()
    return first, {line for line in handle}, [*handle], handle.read(-1)
""",
            findings=4,
            line=5,
        ),
        Example(
            {
                "stages/clean.py": "def clean(path):\n    with open(path) as f:\n        return f.read().split()\n",
                "report.py": "def report(path):\n    with open(path) as f:\n        return f.read()\n",
            },
            params={"modules": ["stages/*"], "methods": ["read"]},
            findings=1,
            line=3,
        ),
    )

    # -- scopes ----------------------------------------------------------------

    def begin_file(self, source: SourceFile) -> None:
        self.judged = self.in_modules(self.params.modules)
        # one entry per enclosing function: (its name, the names bound to file objects in it)
        self.scopes: list[tuple[str, set[str]]] = []

    @property
    def _stage(self) -> str | None:
        """The function being visited, if it is a stage to judge."""
        if not self.judged or not self.scopes:
            return None
        name = self.scopes[-1][0]
        return name if any(fnmatch.fnmatchcase(name, p) for p in self.params.functions) else None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        handles = {
            param.name.value
            for param in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params)
            if param.annotation is not None and self._is_file_type(param.annotation.annotation)
        }
        self.scopes.append((node.name.value, handles))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_WithItem(self, node: cst.WithItem) -> None:
        target = node.asname.name if node.asname is not None else None
        if self.scopes and isinstance(target, cst.Name) and self._opens_file(node.item):
            self.scopes[-1][1].add(target.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.scopes and self._opens_file(node.value):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.scopes[-1][1].add(target.target.value)

    # -- what is a file object -------------------------------------------------

    def _is_file_type(self, annotation: cst.BaseExpression) -> bool:
        if isinstance(annotation, cst.Subscript):
            annotation = annotation.value
        return bool(self.qualified_names(annotation) & _FILE_TYPES)

    def _opens_file(self, node: cst.BaseExpression) -> bool:
        if not isinstance(node, cst.Call):
            return False
        if isinstance(node.func, cst.Attribute) and node.func.attr.value == "open":
            return True
        names = self.qualified_names(node.func)
        return any(fnmatch.fnmatchcase(name, pattern) for name in names for pattern in self.params.openers)

    def _is_file(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Name) and self.scopes and node.value in self.scopes[-1][1]:
            return True
        if isinstance(node, cst.Call) and node.args and "builtins.enumerate" in self.qualified_names(node.func):
            return self._is_file(node.args[0].value)  # enumerate(export) is the file, numbered
        return self._opens_file(node)

    # -- the reads -------------------------------------------------------------

    def _flag(self, node: cst.CSTNode, stage: str) -> None:
        shown = " ".join(self.code(node).split())
        if len(shown) > _MAX_SHOWN:
            shown = shown[: _MAX_SHOWN - 3] + "..."
        self.report(node, f"`{shown}` reads the whole file in stage `{stage}()` ({self.module_path})")

    @staticmethod
    def _bounded(node: cst.Call) -> bool:
        """A sized read: a first argument other than -1 or None."""
        if not node.args:
            return False
        keyword = node.args[0].keyword
        if keyword is not None and keyword.value not in ("size", "hint"):
            return False
        value = node.args[0].value
        is_none = isinstance(value, cst.Name) and value.value == "None"
        is_minus_one = (
            isinstance(value, cst.UnaryOperation)
            and isinstance(value.operator, cst.Minus)
            and isinstance(value.expression, cst.Integer)
            and value.expression.value == "1"
        )
        return not (is_none or is_minus_one)

    def visit_Call(self, node: cst.Call) -> None:
        stage = self._stage
        if stage is None:
            return
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in self.params.methods:
            if not (func.attr.value in _SIZED_METHODS and self._bounded(node)):
                self._flag(node, stage)
            return
        if node.args and node.args[0].star == "" and self._is_file(node.args[0].value):
            names = self.qualified_names(func)
            if any(fnmatch.fnmatchcase(name, pattern) for name in names for pattern in self.params.collectors):
                self._flag(node, stage)

    def _comprehension(self, node: cst.ListComp | cst.SetComp | cst.DictComp) -> None:
        stage = self._stage
        if stage is not None and self._is_file(node.for_in.iter):
            self._flag(node, stage)

    def visit_ListComp(self, node: cst.ListComp) -> None:
        self._comprehension(node)

    def visit_SetComp(self, node: cst.SetComp) -> None:
        self._comprehension(node)

    def visit_DictComp(self, node: cst.DictComp) -> None:
        self._comprehension(node)

    def visit_StarredElement(self, node: cst.StarredElement) -> None:
        stage = self._stage
        if stage is not None and self._is_file(node.value):
            self._flag(node, stage)
