from __future__ import annotations

import builtins
from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.rules.classes import ClassFacts, ancestors, class_facts
from katabench.sources import Package

BUILTIN_EXCEPTIONS = frozenset(
    name
    for name in dir(builtins)
    if isinstance(getattr(builtins, name), type) and issubclass(getattr(builtins, name), BaseException)
)


@dataclass(frozen=True)
class ExceptionHierarchyParams:
    base: str = ""
    min_exceptions: int = 2
    allow_builtin_raises: bool = True

    def __post_init__(self) -> None:
        if self.min_exceptions < 1:
            raise ValueError("min_exceptions: expected an integer of at least 1")


class ExceptionHierarchy(Rule):
    """
    ## What it does
    Checks that the package defines at least `min_exceptions` exception
    classes and that all of them derive from one base exception defined in
    the package (named `base`, when given). With `allow_builtin_raises =
    false` it also flags `raise` of a built-in exception such as `ValueError`.

    ## Why is this bad?
    Without a hierarchy, callers either catch `Exception` (and swallow bugs
    with it) or list every error type; with one base, the error boundary
    catches exactly the errors the package means to signal, and each subclass
    carries what its message needs.

    ## Example
    ```python
    class ParseError(Exception): ...
    class RegisterError(ValueError): ...
    ```

    ## Use instead
    ```python
    class CalculatorError(Exception): ...
    class ParseError(CalculatorError): ...
    class RegisterError(CalculatorError): ...
    ```
    """

    id = "exception-hierarchy"
    summary = "Exceptions that do not form one hierarchy"
    hint = "Introduce one base exception for the package and derive every specific error from it."
    Params = ExceptionHierarchyParams
    params: ExceptionHierarchyParams

    valid = (
        """
class ShopError(Exception):
    pass

class OutOfStock(ShopError):
    pass

class UnknownItem(ShopError, KeyError):
    pass
""",
        Example(
            {
                "errors.py": "class PayError(Exception):\n    pass\n",
                "cards.py": "from .errors import PayError\n\nclass Declined(PayError):\n    pass\n\n"
                "def charge():\n    raise Declined('no')\n",
            },
            params={"base": "PayError", "allow_builtin_raises": False},
        ),
    )
    invalid = (
        Example(
            """
def parse(text):
    if not text:
        return None
    return int(text)
""",
            findings=1,
        ),
        Example(
            """
class ParseError(Exception):
    pass

class RegisterError(ValueError):
    pass
""",
            findings=1,
            line=5,
        ),
        Example(
            """
class AppError(Exception):
    pass

class Missing(AppError):
    pass
""",
            params={"base": "CalcError"},
            findings=1,
        ),
        Example(
            """
class AppError(Exception):
    pass

class Missing(AppError):
    pass

def find(key):
    raise KeyError(key)
""",
            params={"allow_builtin_raises": False},
            findings=1,
            line=9,
        ),
    )

    def begin_package(self, package: Package) -> None:
        self.classes: dict[str, ClassFacts] = {}
        self.raises: list[tuple[cst.Raise, str, int, str]] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        assert self.source is not None
        facts = class_facts(node, self.source.path, self.position(node))
        self.classes.setdefault(facts.name, facts)

    def visit_Raise(self, node: cst.Raise) -> None:
        if self.params.allow_builtin_raises or node.exc is None:
            return
        raised = node.exc.func if isinstance(node.exc, cst.Call) else node.exc
        names = self.qualified_names(raised)
        builtin = sorted(n.removeprefix("builtins.") for n in names if n.startswith("builtins."))
        if builtin and builtin[0] in BUILTIN_EXCEPTIONS:
            assert self.source is not None
            self.raises.append((node, self.source.path, self.position(node), builtin[0]))

    def _is_exception(self, name: str) -> bool:
        return any(
            base in BUILTIN_EXCEPTIONS or base.endswith(("Error", "Exception"))
            for base in ancestors(name, self.classes)
            if base not in self.classes
        )

    def end_package(self) -> None:
        assert self.package is not None
        exceptions = [facts for facts in self.classes.values() if self._is_exception(facts.name)]
        wanted = self.params.min_exceptions
        if len(exceptions) < wanted:
            self.report_at(
                str(self.package.directory),
                0,
                f"the package defines {len(exceptions)} exception class(es); at least {wanted} expected",
            )
        names = {facts.name for facts in exceptions}
        roots = [facts for facts in exceptions if not (set(facts.bases) & names)]
        if self.params.base:
            base = self.classes.get(self.params.base)
            if base is None or base.name not in names:
                if exceptions:
                    self.report_at(
                        exceptions[0].path,
                        exceptions[0].line,
                        f"no base exception `{self.params.base}` in the package",
                    )
                return
        elif roots:
            # The root with most descendants is the base; the other roots stray.
            base = max(roots, key=lambda r: sum(r.name in ancestors(e.name, self.classes) for e in exceptions))
        else:
            return
        for facts in exceptions:
            if facts.name != base.name and base.name not in ancestors(facts.name, self.classes):
                self.report_at(
                    facts.path,
                    facts.line,
                    f"exception `{facts.name}` does not derive from `{base.name}`",
                )
        for _node, path, line, name in self.raises:
            self.report_at(
                path,
                line,
                f"raises the built-in `{name}`; the error boundary catches `{base.name}`",
                f"Raise a subclass of `{base.name}` (it may also derive from `{name}`).",
            )
