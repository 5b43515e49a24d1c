from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule

BROAD = frozenset({"builtins.Exception", "builtins.BaseException"})


@dataclass(frozen=True)
class BroadExceptParams:
    allow_reraise: bool = True


class _RaiseFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Raise(self, node: cst.Raise) -> None:
        self.found = True

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # a raise inside a nested function does not re-raise

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False


class BroadExcept(Rule):
    """
    ## What it does
    Flags a bare `except:` and handlers for `Exception` or `BaseException`
    (alone or in a tuple). With `allow_reraise` (the default), a handler that
    raises again, for example translating the error into the package's own
    exception, is accepted.

    ## Why is this bad?
    A broad handler catches the errors you meant to handle together with the
    ones you did not: typos, `KeyboardInterrupt`, bugs. The program carries on
    with a wrong result and the traceback that would have found the bug is gone.

    ## Example
    ```python
    try:
        value = float(text)
    except:
        value = 0
    ```

    ## Use instead
    ```python
    try:
        value = float(text)
    except ValueError:
        raise ParseError(text) from None
    ```
    """

    id = "broad-except"
    summary = "Bare or overly broad except handlers"
    hint = "Catch the specific exceptions you expect; let the rest reach one error boundary."
    Params = BroadExceptParams
    params: BroadExceptParams

    valid = (
        """
try:
    value = int("3")
except ValueError:
    value = 0
""",
        """
def load(text):
    try:
        return parse(text)
    except Exception as error:
        raise LoadError(text) from error
""",
        """
try:
    import tomllib
except (ImportError, ModuleNotFoundError):
    tomllib = None
""",
    )
    invalid = (
        Example(
            """
try:
    value = int("x")
except:
    value = 0
""",
            findings=1,
            line=4,
        ),
        Example(
            """
def total(rows):
    try:
        return sum(rows)
    except (TypeError, Exception):
        return -1
""",
            findings=1,
        ),
        Example(
            """
def run(job):
    try:
        job()
    except BaseException:
        raise
""",
            params={"allow_reraise": False},
            findings=1,
        ),
        Example(
            """
import builtins
try:
    pass
except builtins.Exception:
    def later():
        raise
""",
            findings=1,
        ),
    )

    def _broad(self, handler_type: cst.BaseExpression | None) -> str | None:
        if handler_type is None:
            return "bare `except:`"
        candidates = list(handler_type.elements) if isinstance(handler_type, cst.Tuple) else [handler_type]
        for candidate in candidates:
            expression = candidate.value if isinstance(candidate, cst.Element) else candidate
            names = self.qualified_names(expression) & BROAD
            if names:
                return f"`except {self.code(expression)}`"
        return None

    def _check(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> None:
        what = self._broad(node.type)
        if what is None:
            return
        if self.params.allow_reraise:
            finder = _RaiseFinder()
            node.body.visit(finder)
            if finder.found:
                return
        self.report(node, f"{what} catches every error, including bugs, and does not re-raise")

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._check(node)

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self._check(node)
