from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile


@dataclass(frozen=True)
class PositionalFieldAccessParams:
    split_methods: tuple[str, ...] = ("split", "rsplit")  # str methods whose result is a list of fields
    numbered_groups: bool = True  # also flag regex groups taken by number: m.group(2), m.groups()[1]

    def __post_init__(self) -> None:
        if not all(name.isidentifier() for name in self.split_methods):
            raise ValueError("split_methods: expected method names, e.g. 'split'")


def _constant_index(node: cst.BaseSlice) -> bool:
    """An index or slice made of integer literals only: `[3]`, `[-1]`, `[8:]`."""

    def literal(expr: cst.BaseExpression | None) -> bool:
        if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
            expr = expr.expression
        return isinstance(expr, cst.Integer)

    if isinstance(node, cst.Index):
        return literal(node.value)
    if isinstance(node, cst.Slice):
        bounds = [b for b in (node.lower, node.upper) if b is not None]
        return bool(bounds) and all(literal(b) for b in bounds)
    return False


def _method(expr: cst.BaseExpression) -> str:
    """`split` for `line.split(...)`; empty for anything that is not a method call."""
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
        return expr.func.attr.value
    return ""


class PositionalFieldAccess(Rule):
    """
    ## What it does
    Flags fields taken out of parsed text by position: an integer index or
    slice on the result of `str.split()` (directly, `line.split()[5]`, or
    through a name assigned from it in the same function, `parts[5]`,
    `parts[8:]`), and — with `numbered_groups` — regular-expression groups
    taken by number (`m.group(3)`, `m.groups()[1]`). A variable index
    (`parts[i]` in a loop) is not flagged.

    ## Why is this bad?
    `parts[5]` says nothing about what the fifth field is, and every reader
    has to count. When the format gains a field, every index after it
    shifts, silently: the code keeps running and reads the wrong column.
    Numbered groups have the same problem; adding one group renumbers all
    the groups after it. Validation is scattered too: each index gets its
    own `isdigit()` check, or none.

    ## Example
    ```python
    def parse(line):
        parts = line.split()
        if len(parts) < 8 or not parts[5].isdigit():
            return None
        return Hit(path=parts[4], status=int(parts[5]))
    ```

    ## Use instead
    ```python
    LINE = re.compile(r"(?P<path>/\\S*) \\s+ (?P<status>\\d{3})", re.VERBOSE)

    def parse(line):
        match = LINE.fullmatch(line)
        return None if match is None else Hit.from_fields(match.groupdict())
    ```
    One compiled pattern per format, with a name for every field.
    """

    id = "positional-field-access"
    summary = "Fields of parsed text taken by position: split()[n] or numbered regex groups"
    hint = (
        "Give every field a name: one compiled pattern per format with named groups "
        "(`(?P<status>\\d{3})`), read with match.groupdict() or match['status']."
    )
    Params = PositionalFieldAccessParams
    params: PositionalFieldAccessParams

    valid = (
        """
import re

LINE = re.compile(r"(?P<path>/\\S*) (?P<status>\\d{3})")

def parse(line):
    match = LINE.fullmatch(line)
    if match is None:
        return None
    fields = match.groupdict()
    return fields["path"], int(match["status"]), match.group(0)
""",
        """
def words(text, columns):
    parts = text.split()
    joined = " ".join(text.split())
    route = text.partition("?")[0]
    return [parts[i] for i in columns], joined, route, parts[columns[0]]
""",
        Example(
            "def status(m):\n    return m.group(2)\n",
            params={"numbered_groups": False},
        ),
    )
    invalid = (
        Example(
            """
def parse(line):
    parts = line.split()
    if len(parts) < 8:
        return None
    agent = " ".join(parts[8:])
    return parts[4], int(parts[5]), agent
""",
            findings=3,
            line=6,
        ),
        Example(
            'def route(path):\n    return path.split("?")[0], path.rsplit("/", 1)[-1]\n',
            findings=2,
            line=2,
        ),
        Example(
            """
import re

def parse(line):
    m = re.match(r"(\\S+) (\\d+)", line)
    return m.group(1), int(m.groups()[1])
""",
            findings=2,
            line=6,
        ),
        Example(
            "def pick(line):\n    cells = line.split(';')\n    return cells[2]\n",
            params={"split_methods": ["split"], "numbered_groups": False},
            findings=1,
            line=3,
        ),
    )

    def __init__(self, params: PositionalFieldAccessParams | None = None) -> None:
        super().__init__(params)
        self.scopes: list[set[str]] = [set()]

    def begin_file(self, source: SourceFile) -> None:
        self.scopes = [set()]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.append(set())

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        if _method(node.value) in self.params.split_methods:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.scopes[-1].add(target.target.value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if len(node.slice) != 1 or not _constant_index(node.slice[0].slice):
            return
        shown = self.code(node)
        if _method(node.value) in self.params.split_methods or (
            isinstance(node.value, cst.Name) and node.value.value in self.scopes[-1]
        ):
            self.report(node, f"`{shown}` takes a field of split text by position")
        elif self.params.numbered_groups and _method(node.value) == "groups":
            self.report(node, f"`{shown}` takes a regex group by number")

    def visit_Call(self, node: cst.Call) -> None:
        if not self.params.numbered_groups or _method(node) != "group" or not node.args:
            return
        numbers = [arg.value.evaluated_value for arg in node.args if isinstance(arg.value, cst.Integer)]
        if len(numbers) == len(node.args) and any(n > 0 for n in numbers):
            self.report(node, f"`{self.code(node)}` takes a regex group by number")
