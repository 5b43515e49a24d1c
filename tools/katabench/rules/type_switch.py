from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile

_CONSTANT_NAME = re.compile(r"^_?[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True)
class TypeSwitchParams:
    max_branches: int = 2

    def __post_init__(self) -> None:
        if self.max_branches < 1:
            raise ValueError("max_branches: expected an integer of at least 1")


@dataclass
class _Subject:
    first: cst.CSTNode
    values: set[str] = field(default_factory=set)


def _is_constant(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString | cst.Integer | cst.Float):
        return True
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return _is_constant(node.expression)
    if isinstance(node, cst.Name):
        return bool(_CONSTANT_NAME.match(node.value))
    if isinstance(node, cst.Attribute):
        return bool(_CONSTANT_NAME.match(node.attr.value))
    return False


class TypeSwitch(Rule):
    """
    ## What it does
    Flags a function whose conditionals compare one subject (such as
    `item.kind`) with more than `max_branches` different constants, or test it
    with `isinstance` against more than `max_branches` types: an if/elif
    chain, a run of ifs, conditional expressions or a `match` statement.

    ## Why is this bad?
    A type switch spreads the knowledge of each kind over every function that
    switches on it. Adding a kind means finding and editing every switch; one
    forgotten branch is a bug that no compiler catches.

    ## Example
    ```python
    def loan_days(item):
        if item.kind == "book":
            return 21
        elif item.kind == "film":
            return 7
        elif item.kind == "magazine":
            return 14
    ```

    ## Use instead
    ```python
    class Book:
        loan_days = 21

    class Film:
        loan_days = 7
    ```
    Replace conditional with polymorphism: give each kind its own class with
    its own behaviour, and choose the class once, where the kind comes in.
    """

    id = "type-switch"
    summary = "Conditionals that switch on a type code or on isinstance"
    hint = "Replace conditional with polymorphism: one class per kind, chosen once where the kind comes in."
    Params = TypeSwitchParams
    params: TypeSwitchParams

    valid = (
        """
def fee(item):
    if item.kind == "book":
        return 1
    return 2
""",
        """
POLICIES = {"book": 1, "film": 2, "game": 3}

def fee(item):
    return POLICIES[item.kind]
""",
        """
def describe(status):
    if status is None:
        return "unknown"
    if status == "ok":
        return "fine"
    return "broken"
""",
        Example(
            """
def fee(kind):
    if kind == "a":
        return 1
    elif kind == "b":
        return 2
    elif kind == "c":
        return 3
""",
            params={"max_branches": 3},
        ),
    )
    invalid = (
        Example(
            """
def loan_days(item):
    if item.kind == "book":
        return 21
    elif item.kind == "film":
        return 7
    elif item.kind == "magazine":
        return 14
    return 0
""",
            findings=1,
            line=3,
        ),
        Example(
            """
def fine(item, days):
    if item.kind == "book":
        rate = 1
    if item.kind in ("film", "series"):
        rate = 2
    amount = rate * days
    if item.kind == "game":
        amount = max(amount, 5)
    return amount
""",
            findings=1,
            line=3,
        ),
        Example(
            """
def area(shape):
    if isinstance(shape, Circle):
        return 3.14 * shape.r ** 2
    elif isinstance(shape, Square):
        return shape.side ** 2
    elif isinstance(shape, (Triangle, Kite)):
        return shape.base * shape.height / 2
""",
            findings=1,
        ),
        Example(
            """
def label(code):
    match code:
        case Kind.BOOK:
            return "Book"
        case Kind.FILM:
            return "Film"
        case Kind.GAME | Kind.TOY:
            return "Play"
        case _:
            return "?"
""",
            findings=1,
        ),
        Example(
            """
def rate(kind):
    return 1 if kind == "a" else 2 if kind == "b" else 3 if kind == "c" else 0
""",
            findings=1,
        ),
    )

    def begin_file(self, source: SourceFile) -> None:
        self.scopes: list[dict[str, _Subject]] = [{}]
        self.scope_names: list[str] = ["module level"]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.append({})
        self.scope_names.append(f"`{node.name.value}`")

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._judge(self.scopes.pop(), self.scope_names.pop())

    def leave_Module(self, original_node: cst.Module) -> None:
        self._judge(self.scopes.pop(), self.scope_names.pop())

    def _judge(self, subjects: dict[str, _Subject], where: str) -> None:
        limit = self.params.max_branches
        for key, subject in subjects.items():
            if len(subject.values) > limit:
                described = key.removeprefix("isinstance:")
                what = "types" if key.startswith("isinstance:") else "constants"
                shown = ", ".join(sorted(subject.values)[:6])
                self.report(
                    subject.first,
                    f"{where} switches on `{described}`: compared with {len(subject.values)} {what} "
                    f"({shown}); at most {limit} allowed",
                )

    def _add(self, node: cst.CSTNode, key: str, values: list[str]) -> None:
        subject = self.scopes[-1].setdefault(key, _Subject(node))
        subject.values.update(values)

    def _test(self, node: cst.CSTNode, test: cst.BaseExpression) -> None:
        if isinstance(test, cst.BooleanOperation):
            self._test(node, test.left)
            self._test(node, test.right)
            return
        if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
            target = test.comparisons[0]
            left, right, operator = test.left, target.comparator, target.operator
            if isinstance(operator, cst.Equal | cst.Is):
                if _is_constant(right) and not _is_constant(left):
                    self._add(node, self.code(left), [self.code(right)])
                elif _is_constant(left) and not _is_constant(right):
                    self._add(node, self.code(right), [self.code(left)])
                elif self._is_type_call(left):
                    self._add(node, "isinstance:" + self._type_call_subject(left), [self.code(right)])
            elif isinstance(operator, cst.In) and isinstance(right, cst.Tuple | cst.List | cst.Set):
                values = [self.code(e.value) for e in right.elements]
                if values and all(_is_constant(e.value) for e in right.elements):
                    self._add(node, self.code(left), values)
        elif (
            isinstance(test, cst.Call)
            and isinstance(test.func, cst.Name)
            and test.func.value == "isinstance"
            and len(test.args) == 2
        ):
            types = test.args[1].value
            names = [self.code(e.value) for e in types.elements] if isinstance(types, cst.Tuple) else [self.code(types)]
            self._add(node, "isinstance:" + self.code(test.args[0].value), names)

    @staticmethod
    def _is_type_call(node: cst.BaseExpression) -> bool:
        return (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Name)
            and node.func.value == "type"
            and len(node.args) == 1
        )

    def _type_call_subject(self, node: cst.BaseExpression) -> str:
        assert isinstance(node, cst.Call)
        return self.code(node.args[0].value)

    def visit_If(self, node: cst.If) -> None:
        self._test(node, node.test)

    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._test(node, node.test)

    def visit_Match(self, node: cst.Match) -> None:
        key = self.code(node.subject)
        values: list[str] = []
        for case in node.cases:
            values.extend(self._pattern_values(case.pattern))
        if values:
            self._add(node, key, values)

    def _pattern_values(self, pattern: cst.MatchPattern) -> list[str]:
        if isinstance(pattern, cst.MatchOr):
            return [v for p in pattern.patterns for v in self._pattern_values(p.pattern)]
        if isinstance(pattern, cst.MatchValue):
            return [self.code(pattern.value)]
        if isinstance(pattern, cst.MatchClass):
            return [self.code(pattern.cls)]
        return []
