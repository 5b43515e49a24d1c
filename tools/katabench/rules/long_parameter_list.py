from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile


@dataclass(frozen=True)
class LongParameterListParams:
    max_parameters: int = 4

    def __post_init__(self) -> None:
        if self.max_parameters < 0:
            raise ValueError("max_parameters: expected an integer of at least 0")


class LongParameterList(Rule):
    """
    ## What it does
    Flags functions and methods that take more than `max_parameters`
    parameters. `self` and `cls` are not counted; `*args` and `**kwargs`
    count as one each.

    ## Why is this bad?
    A long parameter list is hard to call correctly (which float was the tax
    rate?), and the parameters that always travel together are a concept
    waiting for a name. Every new option makes every signature longer.

    ## Example
    ```python
    def price(amount, currency, tax_rate, discount, country, member):
        ...
    ```

    ## Use instead
    ```python
    @dataclass(frozen=True)
    class PricingContext:
        tax_rate: Decimal
        country: str
        member: bool

    def price(amount: Money, discount: Discount, context: PricingContext) -> Money:
        ...
    ```
    """

    id = "long-parameter-list"
    summary = "Functions that take too many parameters"
    hint = "Introduce parameter object: group parameters that travel together into a frozen dataclass."
    Params = LongParameterListParams
    params: LongParameterListParams

    valid = (
        """
def total(order, tax, discount, currency):
    return order
""",
        """
class Invoice:
    def line(self, product, quantity, price, tax):
        return price
""",
    )
    invalid = (
        Example(
            """
def price(amount, currency, tax_rate, discount, country):
    return amount
""",
            findings=1,
            line=2,
        ),
        Example(
            """
def send(message, *recipients, retries=3, **headers):
    return message
""",
            params={"max_parameters": 3},
            findings=1,
        ),
    )

    def begin_file(self, source: SourceFile) -> None:
        self.in_class: list[bool] = [False]

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.in_class.append(True)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.in_class.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        params = node.params
        named = [*params.posonly_params, *params.params]
        if self.in_class[-1] and named and named[0].name.value in ("self", "cls"):
            named = named[1:]
        count = len(named) + len(params.kwonly_params)
        count += isinstance(params.star_arg, cst.Param) + (params.star_kwarg is not None)
        self.in_class.append(False)
        if count > self.params.max_parameters:
            self.report(
                node,
                f"`{node.name.value}` takes {count} parameters; at most {self.params.max_parameters} allowed",
            )

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.in_class.pop()
