from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst
import libcst.matchers as m

from katabench.rules.base import Example, Rule

_DATACLASS = frozenset({"dataclasses.dataclass"})
# attrs decorators: always frozen, and those frozen only with frozen=True
_ATTRS_FROZEN = frozenset({"attr.frozen", "attrs.frozen"})
_ATTRS = frozenset({"attr.s", "attr.attrs", "attr.define", "attr.mutable", "attrs.define", "attrs.mutable"})
_IMMUTABLE_BASES = frozenset({"NamedTuple", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
_MUTABLE_TYPES = frozenset({"list", "dict", "set", "bytearray", "List", "Dict", "Set", "DefaultDict", "defaultdict"})
_TYPE_NAME = re.compile(r"\s*(?:[A-Za-z_][A-Za-z0-9_]*\.)*([A-Za-z_][A-Za-z0-9_]*)")
# methods that build the object; assigning to self there is how it gets its value
_BUILDERS = frozenset({"__init__", "__post_init__", "__new__", "__attrs_post_init__"})


@dataclass(frozen=True)
class MutableValueObjectParams:
    value_objects: tuple[str, ...] = ()  # class names that are value objects, e.g. "Money"
    value_object_pattern: str = ""  # a regular expression matched against whole class names
    dataclasses_with_eq: bool = True  # every dataclass that compares by value is a value object

    def __post_init__(self) -> None:
        try:
            re.compile(self.value_object_pattern)
        except re.error as error:
            raise ValueError(f"value_object_pattern: expected a regular expression ({error})") from None


@dataclass(frozen=True)
class _Shape:
    """How a class is declared: what makes it a value, and what makes it immutable."""

    kind: str  # "dataclass", "attrs", "namedtuple", "enum" or "class"
    frozen: bool
    compares_by_value: bool


def _last_segment(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return node.value if isinstance(node, cst.Name) else ""


def _keyword(call: cst.Call | None, name: str) -> bool | None:
    """The literal True/False passed as `name=` to a decorator call, if any."""
    for arg in call.args if call else ():
        if arg.keyword is not None and arg.keyword.value == name and isinstance(arg.value, cst.Name):
            return {"True": True, "False": False}.get(arg.value.value)
    return None


class MutableValueObject(Rule):
    """
    ## What it does
    Checks that value objects cannot change. A class is a value object when
    its name is in `value_objects`, when it matches `value_object_pattern`
    (the whole name), or — with `dataclasses_with_eq` (the default) — when it
    is a dataclass or an attrs class that compares by value (`eq` not set to
    False). It flags, for each value object:

    - its declaration, unless it is a `@dataclass(frozen=True)`, an attrs
      class declared frozen (`@attrs.frozen`, `@define(frozen=True)`), a
      `NamedTuple` or an `Enum`: a plain class or a mutable dataclass;
    - every assignment to `self.<attribute>` (including `+=`, `del`,
      `setattr(self, ...)` and `object.__setattr__(self, ...)`) in a method
      other than `__init__`, `__post_init__`, `__new__` and
      `__attrs_post_init__`;
    - every field annotated with a mutable collection (`list`, `dict`,
      `set`, `bytearray`, and their `typing` aliases): a frozen object whose
      list can be appended to is not a value.

    An entity — an object with an identity that outlives its changes, such
    as an order — opts out by not being named as a value object and, if it
    is a dataclass, by `eq=False`.

    ## Why is this bad?
    A value object is its value: two `Money(10, "EUR")` are the same money.
    If one can change, every holder of a shared instance sees the change (the
    catalogue's price becomes the discounted price), hashing it into a set or
    dict breaks, and equality means "equal right now".

    ## Example
    ```python
    @dataclass
    class Money:
        amount: Decimal
        currency: str

        def add(self, other):
            self.amount += other.amount
    ```

    ## Use instead
    ```python
    @dataclass(frozen=True)
    class Money:
        amount: Decimal
        currency: str

        def __add__(self, other: Money) -> Money:
            return Money(self.amount + other.amount, self.currency)
    ```
    """

    id = "mutable-value-object"
    summary = "Value objects that can change after they are made"
    hint = "Make it a frozen dataclass (or a NamedTuple) and return a new value instead of changing this one."
    Params = MutableValueObjectParams
    params: MutableValueObjectParams

    valid = (
        """
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self):
        object.__setattr__(self, "amount", Decimal(self.amount))

    def plus(self, other):
        return Money(self.amount + other.amount, self.currency)

class Quantity(NamedTuple):
    units: int

@dataclass(eq=False)
class Order:
    ref: str
    lines: list

    def add(self, line):
        self.lines.append(line)
        self.count = len(self.lines)
""",
        Example(
            """
import attrs

@attrs.frozen
class Money:
    cents: int

@attrs.define(frozen=True)
class Rate:
    value: int

class Service:
    def __init__(self):
        self.calls = 0

    def call(self):
        self.calls += 1
""",
            params={"value_objects": ["Money", "Rate"]},
        ),
        Example(
            """
from dataclasses import dataclass

@dataclass
class Settings:
    debug: bool = False
""",
            params={"dataclasses_with_eq": False},
        ),
    )
    invalid = (
        Example(
            """
from dataclasses import dataclass

@dataclass
class Totals:
    goods: float = 0.0
    lines: list = None
""",
            findings=2,
            line=5,
        ),
        Example(
            """
class Price:
    def __init__(self, amount):
        self.amount = amount

    def convert(self, rate):
        self.amount = self.amount * rate
        return self
""",
            params={"value_objects": ["Price"]},
            findings=2,
            line=2,
        ),
        Example(
            """
import dataclasses

@dataclasses.dataclass(frozen=True)
class Percent:
    value: int

    def bump(self):
        object.__setattr__(self, "value", self.value + 1)
        self.value += 1
        del self.value
""",
            params={"value_object_pattern": "Perc.*"},
            findings=3,
            line=9,
        ),
        Example(
            """
import attr

@attr.s
class Point:
    x = attr.ib()
""",
            findings=1,
        ),
    )

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        shape = self._shape(node)
        name = node.name.value
        if not self._is_value_object(name, shape):
            return
        if not shape.frozen:
            what = {"dataclass": "a dataclass without frozen=True", "attrs": "an attrs class that is not frozen"}
            self.report(
                node,
                f"value object `{name}` is {what.get(shape.kind, 'a plain class')}; its fields can be changed",
            )
        if isinstance(node.body, cst.IndentedBlock):
            for statement in node.body.body:
                if isinstance(statement, cst.FunctionDef):
                    self._check_method(name, statement)
                elif isinstance(statement, cst.SimpleStatementLine):
                    self._check_fields(name, statement)

    def _shape(self, node: cst.ClassDef) -> _Shape:
        bases = {_last_segment(arg.value) for arg in node.bases if arg.keyword is None}
        made = {_last_segment(arg.value.func) for arg in node.bases if isinstance(arg.value, cst.Call)}
        if "NamedTuple" in bases or "namedtuple" in made:
            return _Shape("namedtuple", frozen=True, compares_by_value=True)
        if bases & _IMMUTABLE_BASES:
            return _Shape("enum", frozen=True, compares_by_value=False)
        for decorator in node.decorators:
            call = decorator.decorator if isinstance(decorator.decorator, cst.Call) else None
            target = call.func if call else decorator.decorator
            names = self.qualified_names(target) or {_last_segment(target)}
            eq = _keyword(call, "eq") is not False
            if names & _DATACLASS or "dataclass" in names:
                return _Shape("dataclass", frozen=_keyword(call, "frozen") is True, compares_by_value=eq)
            if names & _ATTRS_FROZEN:
                return _Shape("attrs", frozen=True, compares_by_value=eq)
            if names & _ATTRS:
                return _Shape("attrs", frozen=_keyword(call, "frozen") is True, compares_by_value=eq)
        return _Shape("class", frozen=False, compares_by_value=False)

    def _is_value_object(self, name: str, shape: _Shape) -> bool:
        if name in self.params.value_objects:
            return True
        pattern = self.params.value_object_pattern
        if pattern and re.fullmatch(pattern, name):
            return True
        return self.params.dataclasses_with_eq and shape.kind in ("dataclass", "attrs") and shape.compares_by_value

    def _check_method(self, cls: str, method: cst.FunctionDef) -> None:
        decorators = {_last_segment(d.decorator) for d in method.decorators}
        params = method.params.posonly_params or method.params.params
        if method.name.value in _BUILDERS or decorators & {"staticmethod", "classmethod"} or not params:
            return
        me = params[0].name.value
        where = f"`{cls}.{method.name.value}`"
        is_me = m.Attribute(value=m.Name(me))
        for node in m.findall(method.body, m.Assign() | m.AugAssign() | m.AnnAssign() | m.Del()):
            for target in _targets(node):
                if m.matches(target, is_me):
                    assert isinstance(target, cst.Attribute)
                    self.report(node, f"{where} changes `{me}.{target.attr.value}`; a value object never changes")
        setters = m.Call(args=[m.Arg(m.Name(me)), m.ZeroOrMore()])
        for call in m.findall(method.body, setters):
            assert isinstance(call, cst.Call)
            if self.qualified_names(call.func) & {"builtins.setattr", "builtins.object.__setattr__"} or (
                self.code(call.func) in ("setattr", "object.__setattr__")
            ):
                self.report(call, f"{where} changes `{me}` with `{self.code(call.func)}`; a value object never changes")

    def _check_fields(self, cls: str, line: cst.SimpleStatementLine) -> None:
        for statement in line.body:
            if isinstance(statement, cst.AnnAssign) and isinstance(statement.target, cst.Name):
                annotation = statement.annotation.annotation
                if _outer_type(annotation) in _MUTABLE_TYPES:
                    self.report(
                        statement,
                        f"field `{cls}.{statement.target.value}: {self.code(annotation)}` can be changed in place; "
                        "use a tuple, frozenset or Mapping",
                    )


def _outer_type(annotation: cst.BaseExpression) -> str:
    """`list[int]` -> list; `typing.Dict[str, int]` -> Dict; `"set[str]"` -> set."""
    if isinstance(annotation, cst.SimpleString):
        found = _TYPE_NAME.match(str(annotation.evaluated_value))
        return found.group(1) if found else ""
    return _last_segment(annotation.value if isinstance(annotation, cst.Subscript) else annotation)


def _targets(node: cst.CSTNode) -> list[cst.BaseExpression]:
    if isinstance(node, cst.Assign):
        return _flatten([t.target for t in node.targets])
    if isinstance(node, cst.AugAssign | cst.AnnAssign | cst.Del):
        return _flatten([node.target])
    return []


def _flatten(targets: list[cst.BaseExpression]) -> list[cst.BaseExpression]:
    """`a, (b, c)` -> [a, b, c]."""
    flat: list[cst.BaseExpression] = []
    for target in targets:
        if isinstance(target, cst.Tuple | cst.List):
            flat.extend(_flatten([element.value for element in target.elements]))
        else:
            flat.append(target)
    return flat
