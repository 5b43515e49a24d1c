from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import ClassVar

import libcst as cst
from libcst.metadata import ExpressionContext, ExpressionContextProvider, ProviderT

from katabench.rules.base import Example, Rule

ATTRIBUTE_CALLS = frozenset({"builtins.getattr", "builtins.setattr", "builtins.hasattr", "builtins.delattr"})


@dataclass(frozen=True)
class FeatureFlagCheckParams:
    flags: tuple[str, ...]  # names of the flags: attributes (settings.engine) or variables (use_new_billing)
    allowed_in: tuple[str, ...] = ()  # module globs inside the package, e.g. "facade.py"

    def __post_init__(self) -> None:
        if not self.flags:
            raise ValueError("flags: expected at least one flag name, e.g. 'use_new_billing'")
        for flag in self.flags:
            if not flag.isidentifier():
                raise ValueError(f"flags: expected Python identifiers, got {flag!r}")


class FeatureFlagCheck(Rule):
    """
    ## What it does
    Flags every place that reads, sets or passes on a feature flag named in
    `flags` outside the modules listed in `allowed_in`: an attribute of that
    name (`settings.use_new_billing`, also through `getattr`), or a variable
    or parameter of that name used in an expression (`if use_new_billing:`).
    Declaring the flag (a dataclass field, a parameter) is not a check.

    ## Why is this bad?
    A flag tested deep inside the code has no single switch: every check is a
    fork that must be found, tested on both sides and removed again when the
    flag retires. Old and new code end up tangled in the same functions, and
    a forgotten check keeps dead code alive. Routing on the flag in one place
    (a facade, or a router in front of two implementations) keeps both sides
    whole, lets each be tested alone, and makes retiring the old side a
    matter of deleting one branch and one module.

    ## Example
    ```python
    # invoices.py
    def invoice_total(lines, settings):
        total = sum(line.amount for line in lines)
        if settings.use_new_rounding:
            return round_half_even(total)
        return round_half_up(total)
    ```

    ## Use instead
    ```python
    # facade.py: the one place that routes on the flag
    def invoice_total(lines, settings):
        engine = modern if settings.use_new_rounding else legacy
        return engine.invoice_total(lines)
    ```
    """

    id = "feature-flag-check"
    summary = "Feature-flag checks outside the modules allowed to route on the flag"
    hint = (
        "Introduce a facade that routes on the flag once, in front of the old and the new implementation; "
        "move the check there and pass nothing flag-shaped further in."
    )
    Params = FeatureFlagCheckParams
    params: FeatureFlagCheckParams
    METADATA_DEPENDENCIES: ClassVar[tuple[ProviderT, ...]] = (*Rule.METADATA_DEPENDENCIES, ExpressionContextProvider)

    valid = (
        Example(
            {
                "settings.py": "from dataclasses import dataclass\n\n@dataclass(frozen=True)\n"
                "class Settings:\n    use_new_billing: bool = False\n",
                "facade.py": "from . import legacy, modern\n\ndef bill(account, settings):\n"
                "    if settings.use_new_billing:\n        return modern.bill(account)\n"
                "    return legacy.bill(account)\n",
                "modern.py": "def bill(account):\n    return account.total\n",
            },
            params={"flags": ["use_new_billing"], "allowed_in": ["facade.py"]},
        ),
        Example(
            # declaring a parameter of that name, or a keyword of that name, reads nothing
            "def bill(account, engine='v1'):\n    return render(account, engine='plain')\n",
            params={"flags": ["engine"]},
        ),
    )
    invalid = (
        Example(
            {
                "facade.py": "from .billing import bill\n",
                "billing.py": "def bill(account, settings):\n    total = account.total\n"
                "    if settings.use_new_billing:\n        total = round(total)\n    return total\n",
            },
            params={"flags": ["use_new_billing"], "allowed_in": ["facade.py"]},
            findings=1,
            line=3,
        ),
        Example(
            # a flag passed down as a plain argument is still checked far from the facade
            "def bill(account, engine='v1'):\n    if engine == 'v2':\n        return account.total\n"
            "    return total_of(account, engine)\n",
            params={"flags": ["engine"]},
            findings=2,
            line=2,
        ),
        Example(
            "def bill(account, settings):\n    return account.total if getattr(settings, 'engine') else 0\n",
            params={"flags": ["engine"]},
            findings=1,
        ),
    )

    def visit_Import(self, node: cst.Import) -> bool:
        return False  # a module that happens to share the flag's name is not a check

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        # `f(engine=...)`: the keyword is a parameter name, only the value can check the flag
        node.value.visit(self)
        return False

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in self.params.flags:
            self._flag(node, self.code(node))

    def visit_Name(self, node: cst.Name) -> None:
        if (
            node.value in self.params.flags
            and self.get_metadata(ExpressionContextProvider, node, None) is ExpressionContext.LOAD
        ):
            self._flag(node, node.value)

    def visit_Call(self, node: cst.Call) -> None:
        if len(node.args) < 2 or not self.qualified_names(node.func) & ATTRIBUTE_CALLS:
            return
        name = node.args[1].value
        if isinstance(name, cst.SimpleString) and ast.literal_eval(name.value) in self.params.flags:
            self._flag(node, self.code(node))

    def _flag(self, node: cst.CSTNode, code: str) -> None:
        if self.in_modules(self.params.allowed_in):
            return
        allowed = ", ".join(self.params.allowed_in) or "no module of this kata"
        self.report(node, f"feature flag checked in {self.module_path}: `{code}`; route on it only in {allowed}")
