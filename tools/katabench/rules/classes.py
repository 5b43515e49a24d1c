"""Facts about the classes of a package, gathered while a rule visits it.

Package-level rules (protocol implementations, exception hierarchy) need the
class graph across files: names, bases, methods, whether a class is abstract.
Bases are matched by their last name segment (`abc.ABC` and `ABC` alike),
which is what a kata package with unique class names needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst


@dataclass(frozen=True)
class ClassFacts:
    name: str
    path: str
    line: int
    bases: tuple[str, ...]  # last segment of each base expression
    methods: frozenset[str]
    abstract_methods: frozenset[str]
    metaclass: str

    @property
    def is_protocol(self) -> bool:
        return "Protocol" in self.bases

    @property
    def is_abc(self) -> bool:
        return "ABC" in self.bases or self.metaclass == "ABCMeta"


def _last_segment(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Subscript):  # Generic[T], Protocol[T]
        return _last_segment(node.value)
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Name):
        return node.value
    return ""


def _is_abstract(function: cst.FunctionDef) -> bool:
    return any(_last_segment(d.decorator) == "abstractmethod" for d in function.decorators)


def class_facts(node: cst.ClassDef, path: str, line: int) -> ClassFacts:
    bases = tuple(_last_segment(arg.value) for arg in node.bases if arg.keyword is None)
    metaclass = next((_last_segment(a.value) for a in node.bases if a.keyword and a.keyword.value == "metaclass"), "")
    methods: set[str] = set()
    abstract: set[str] = set()
    if isinstance(node.body, cst.IndentedBlock):
        for statement in node.body.body:
            if isinstance(statement, cst.FunctionDef):
                methods.add(statement.name.value)
                if _is_abstract(statement):
                    abstract.add(statement.name.value)
    return ClassFacts(node.name.value, path, line, bases, frozenset(methods), frozenset(abstract), metaclass)


def ancestors(name: str, classes: dict[str, ClassFacts]) -> set[str]:
    """Every base name reachable from `name`, including bases outside the package."""
    seen: set[str] = set()
    todo = list(classes[name].bases) if name in classes else []
    while todo:
        base = todo.pop()
        if base in seen:
            continue
        seen.add(base)
        if base in classes:
            todo.extend(classes[base].bases)
    return seen
