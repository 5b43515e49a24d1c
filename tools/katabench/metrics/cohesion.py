"""LCOM4 per class, over LibCST.

LCOM4 (Hitz and Montazeri) counts the connected groups of a class's methods,
where two methods are connected when both use the same instance attribute or
one calls the other through `self`. 1 is a cohesive class; 2 or more means the
class holds several responsibilities that could be separate classes.

Left out, because they would distort the count: `__init__` and
`__post_init__` (they touch every attribute and would connect everything),
abstract or stub methods (a body of `...`, `pass` or `raise NotImplementedError`),
and Protocol classes (all stubs by design).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from katabench.metrics.method_groups import method_groups

CONSTRUCTORS = frozenset({"__init__", "__post_init__", "__new__"})


@dataclass(frozen=True)
class ClassCohesion:
    name: str
    line: int
    lcom4: int
    groups: tuple[tuple[str, ...], ...]  # method names per connected group


def _is_stub(function: cst.FunctionDef) -> bool:
    body = function.body
    if not isinstance(body, cst.IndentedBlock):
        statements: list[cst.CSTNode] = list(body.body)
    else:
        statements = []
        for line in body.body:
            if isinstance(line, cst.SimpleStatementLine):
                statements.extend(line.body)
            else:
                return False
    for statement in statements:
        if isinstance(statement, cst.Pass):
            continue
        if isinstance(statement, cst.Expr) and isinstance(
            statement.value, cst.Ellipsis | cst.SimpleString | cst.ConcatenatedString
        ):
            continue
        if isinstance(statement, cst.Raise) and "NotImplementedError" in cst.Module([]).code_for_node(statement):
            continue
        return False
    return True


def _is_abstract(function: cst.FunctionDef) -> bool:
    for decorator in function.decorators:
        target = decorator.decorator
        name = target.attr.value if isinstance(target, cst.Attribute) else getattr(target, "value", "")
        if name == "abstractmethod":
            return True
    return False


def _is_protocol(node: cst.ClassDef) -> bool:
    for base in node.bases:
        value = base.value
        name = value.attr.value if isinstance(value, cst.Attribute) else getattr(value, "value", "")
        if name == "Protocol":
            return True
    return False


class _UsageCollector(cst.CSTVisitor):
    """Attributes read or written through the method's first parameter."""

    def __init__(self, receiver: str) -> None:
        self.receiver = receiver
        self.used: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name) and node.value.value == self.receiver:
            self.used.add(node.attr.value)


def _receiver(function: cst.FunctionDef) -> str | None:
    for decorator in function.decorators:
        if isinstance(decorator.decorator, cst.Name) and decorator.decorator.value == "staticmethod":
            return None
    params = function.params.params or function.params.posonly_params
    return params[0].name.value if params else None


def class_cohesion(node: cst.ClassDef, line: int) -> ClassCohesion | None:
    """LCOM4 of one class, or None when fewer than two methods count."""
    if _is_protocol(node) or not isinstance(node.body, cst.IndentedBlock):
        return None
    methods: dict[str, set[str]] = {}
    for statement in node.body.body:
        if not isinstance(statement, cst.FunctionDef):
            continue
        name = statement.name.value
        if name in CONSTRUCTORS or _is_abstract(statement) or _is_stub(statement):
            continue
        receiver = _receiver(statement)
        collector = _UsageCollector(receiver) if receiver else None
        if collector:
            statement.body.visit(collector)
        methods[name] = collector.used if collector else set()
    if len(methods) < 2:
        return None
    ordered = method_groups(methods)
    return ClassCohesion(node.name.value, line, len(ordered), ordered)


class _ClassFinder(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        self.results: list[ClassCohesion] = []
        self.prefix: list[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        line = self.get_metadata(PositionProvider, node).start.line
        result = class_cohesion(node, line)
        if result:
            qualified = ".".join([*self.prefix, result.name])
            self.results.append(ClassCohesion(qualified, result.line, result.lcom4, result.groups))
        self.prefix.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.prefix.pop()


def lcom4(module: cst.Module) -> list[ClassCohesion]:
    """LCOM4 of every class in the module that has at least two counted methods."""
    finder = _ClassFinder()
    MetadataWrapper(module, unsafe_skip_copy=True).visit(finder)
    return finder.results
