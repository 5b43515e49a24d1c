from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.rules.classes import ClassFacts, ancestors, class_facts
from katabench.sources import Package


@dataclass(frozen=True)
class ProtocolImplementationsParams:
    protocol: str
    at_least: int = 2

    def __post_init__(self) -> None:
        if not self.protocol:
            raise ValueError("protocol: expected the name of a Protocol or ABC class")
        if self.at_least < 1:
            raise ValueError("at_least: expected an integer of at least 1")


class ProtocolImplementations(Rule):
    """
    ## What it does
    Checks that the package defines the Protocol or ABC named `protocol`, and
    at least `at_least` concrete classes that implement it: subclasses without
    abstract methods of their own, or (for a Protocol) classes that define all
    of its methods.

    ## Why is this bad?
    The target design of a Strategy or a replace-conditional-with-polymorphism
    refactoring is one interface with one implementation per variant. Until
    every variant has its class, some behaviour still lives in a switch.

    ## Example
    ```python
    class FinePolicy(Protocol):
        def daily_rate(self) -> int: ...

    class BookPolicy:
        def daily_rate(self) -> int:
            return 20
    # film and magazine still handled by if/elif elsewhere
    ```

    ## Use instead
    ```python
    class FilmPolicy:
        def daily_rate(self) -> int:
            return 100
    ```
    One class per variant, each implementing the protocol.
    """

    id = "protocol-implementations"
    summary = "A Protocol or ABC with too few concrete implementations"
    hint = "Give each variant its own class implementing the protocol (replace conditional with polymorphism)."
    Params = ProtocolImplementationsParams
    params: ProtocolImplementationsParams

    valid = (
        Example(
            """
from typing import Protocol

class Policy(Protocol):
    def rate(self) -> int: ...

class Book:
    def rate(self) -> int:
        return 1

class Film:
    def rate(self) -> int:
        return 2
""",
            params={"protocol": "Policy"},
        ),
        Example(
            {
                "base.py": "from abc import ABC, abstractmethod\n\nclass Carrier(ABC):\n"
                "    @abstractmethod\n    def quote(self): ...\n",
                "carriers.py": "from .base import Carrier\n\nclass Road(Carrier):\n    def quote(self):\n"
                "        return 1\n\nclass Rail(Carrier):\n    def quote(self):\n        return 2\n\n"
                "class Sea(Rail):\n    pass\n",
            },
            params={"protocol": "Carrier", "at_least": 3},
        ),
    )
    invalid = (
        Example(
            """
from typing import Protocol

class Policy(Protocol):
    def rate(self) -> int: ...

class Book:
    def rate(self) -> int:
        return 1
""",
            params={"protocol": "Policy"},
            findings=1,
            line=4,
        ),
        Example(
            """
def rate(kind):
    return {"book": 1, "film": 2}[kind]
""",
            params={"protocol": "Policy"},
            findings=1,
        ),
        Example(
            """
from abc import ABC, abstractmethod

class Carrier(ABC):
    @abstractmethod
    def quote(self): ...

class Road(Carrier):
    @abstractmethod
    def lanes(self): ...

class Rail(Carrier):
    def quote(self):
        return 2
""",
            params={"protocol": "Carrier"},
            findings=1,
        ),
        Example(
            """
class Policy:
    def rate(self):
        return 0

class Book(Policy):
    def rate(self):
        return 1

class Film(Policy):
    def rate(self):
        return 2
""",
            params={"protocol": "Policy"},
            findings=1,
        ),
    )

    def begin_package(self, package: Package) -> None:
        self.classes: dict[str, ClassFacts] = {}

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        assert self.source is not None
        facts = class_facts(node, self.source.path, self.position(node))
        self.classes.setdefault(facts.name, facts)

    def end_package(self) -> None:
        assert self.package is not None
        name, wanted = self.params.protocol, self.params.at_least
        protocol = self.classes.get(name)
        if protocol is None:
            self.report_at(str(self.package.directory), 0, f"no Protocol or ABC named `{name}` in the package")
            return
        if not (protocol.is_protocol or protocol.is_abc):
            self.report_at(
                protocol.path,
                protocol.line,
                f"`{name}` is neither a typing.Protocol nor an abc.ABC",
                "Declare the interface as a Protocol (structural) or an ABC with abstract methods.",
            )
            return
        implementations = sorted(
            facts.name
            for facts in self.classes.values()
            if facts.name != name and not facts.is_protocol and self._implements(facts, protocol)
        )
        if len(implementations) < wanted:
            shown = ", ".join(implementations) or "none"
            self.report_at(
                protocol.path,
                protocol.line,
                f"`{name}` has {len(implementations)} concrete implementation(s) ({shown}); at least {wanted} expected",
            )

    def _implements(self, facts: ClassFacts, protocol: ClassFacts) -> bool:
        lineage = ancestors(facts.name, self.classes)
        if protocol.name in lineage:
            return not self._abstract(facts, lineage)
        if protocol.is_protocol:
            wanted = protocol.methods - {"__init__"}
            available = set(facts.methods)
            for base in lineage:
                if base in self.classes:
                    available |= self.classes[base].methods
            return bool(wanted) and wanted <= available
        return False

    def _abstract(self, facts: ClassFacts, lineage: set[str]) -> bool:
        """Abstract methods left unimplemented anywhere in the class's lineage."""
        abstract: set[str] = set(facts.abstract_methods)
        concrete = set(facts.methods) - facts.abstract_methods
        for base in lineage:
            if base in self.classes:
                abstract |= self.classes[base].abstract_methods
                concrete |= self.classes[base].methods - self.classes[base].abstract_methods
        return bool(facts.abstract_methods) or bool(abstract - concrete)
