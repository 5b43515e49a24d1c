from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile


@dataclass(frozen=True)
class SentinelReturnParams:
    error_pattern: str = r"(?i)^(err|error|invalid|fail)"
    numeric_sentinels: tuple[int, ...] = (-1,)
    ignore: tuple[str, ...] = ()  # function names allowed to return sentinels

    def __post_init__(self) -> None:
        try:
            re.compile(self.error_pattern)
        except re.error as error:
            raise ValueError(f"error_pattern: expected a regular expression ({error})") from None


@dataclass
class _Function:
    name: str
    sentinels: list[tuple[cst.Return, str]] = field(default_factory=list)
    ordinary: int = 0


class SentinelReturn(Rule):
    """
    ## What it does
    Flags a function that returns a sentinel — an explicit `None`, a bare
    `return`, `-1` (see `numeric_sentinels`) or a string that looks like an
    error (`error_pattern`) — on some paths and ordinary values on others.

    ## Why is this bad?
    A sentinel is an error the caller must remember to check. Forget once and
    `None` or `"ERR"` flows on as if it were data, to fail far away from the
    cause, or not at all. Every caller repeats the same check.

    ## Example
    ```python
    def parse_amount(text):
        if not text.strip():
            return None
        return float(text)
    ```

    ## Use instead
    ```python
    def parse_amount(text: str) -> float:
        if not text.strip():
            raise EmptyInput("amount")
        return float(text)
    ```
    Replace the error code with an exception; the one caller that can handle
    it catches it.
    """

    id = "sentinel-return"
    summary = "Returning None, -1 or an error string to signal failure"
    hint = "Replace the sentinel with an exception from the package's hierarchy (replace error code with exception)."
    Params = SentinelReturnParams
    params: SentinelReturnParams

    valid = (
        """
def area(width, height):
    if width < 0:
        raise ValueError("negative width")
    return width * height
""",
        """
def log(message):
    if not message:
        return
    print(message)
""",
        """
def status(code):
    if code == 0:
        return "ok"
    return "busy"
""",
        Example(
            """
def find(items, key):
    for item in items:
        if item == key:
            return item
    return None
""",
            params={"ignore": ["find"]},
        ),
    )
    invalid = (
        Example(
            """
def parse_amount(text):
    if not text.strip():
        return None
    return float(text)
""",
            findings=1,
            line=4,
        ),
        Example(
            """
def index_of(items, key):
    for position, item in enumerate(items):
        if item == key:
            return position
    return -1
""",
            findings=1,
        ),
        Example(
            """
def divide(a, b):
    if b == 0:
        return "ERR: division by zero"
    if a is None:
        return "Invalid input"
    return a / b
""",
            findings=2,
        ),
        Example(
            """
def first_word(text):
    if not text:
        return
    return text.split()[0]
""",
            findings=1,
        ),
    )

    def begin_file(self, source: SourceFile) -> None:
        self.functions: list[_Function] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(_Function(node.name.value))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        function = self.functions.pop()
        if function.ordinary == 0 or function.name in self.params.ignore:
            return
        for node, what in function.sentinels:
            self.report(
                node,
                f"`{function.name}` returns {what} to signal failure, and ordinary values on other paths",
            )

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        if not self.functions:
            return
        function = self.functions[-1]
        what = self._sentinel(node.value)
        if what is None:
            function.ordinary += 1
        else:
            function.sentinels.append((node, what))

    def _sentinel(self, value: cst.BaseExpression | None) -> str | None:
        if value is None:
            return "nothing (a bare `return`)"
        if isinstance(value, cst.Name) and value.value == "None":
            return "`None`"
        if isinstance(value, cst.UnaryOperation | cst.Integer):
            try:
                number = ast.literal_eval(self.code(value))
            except (ValueError, SyntaxError):
                return None
            if isinstance(number, int) and number in self.params.numeric_sentinels:
                return f"`{number}`"
        text = self._leading_text(value)
        if text is not None and re.search(self.params.error_pattern, text.strip()):
            return f"the error string {self.code(value)[:40]}"
        return None

    @staticmethod
    def _leading_text(value: cst.BaseExpression) -> str | None:
        if isinstance(value, cst.SimpleString):
            evaluated = value.evaluated_value
            return evaluated if isinstance(evaluated, str) else None
        if isinstance(value, cst.FormattedString):
            first = value.parts[0] if value.parts else None
            return first.value if isinstance(first, cst.FormattedStringText) else ""
        if isinstance(value, cst.ConcatenatedString):
            return SentinelReturn._leading_text(value.left)
        return None
