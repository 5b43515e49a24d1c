from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst
import libcst.matchers as m

from katabench.rules.base import Example, Rule
from katabench.sources import SourceFile

_WORD_BREAK = re.compile(r"[^A-Za-z0-9]+")
_CAMEL_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_FLOAT_WORD = re.compile(r"\bfloat\b")
# Builtins whose result is a float when one of their arguments is.
_FLOAT_PRESERVING = frozenset({"builtins.round", "builtins.abs", "builtins.min", "builtins.max", "builtins.sum"})


def name_parts(name: str) -> list[str]:
    """`unit_price` -> [unit, price]; `unitPrice` -> [unit, price]; `FREE_FROM` -> [free, from]."""
    return [part.lower() for chunk in _WORD_BREAK.split(name) for part in _CAMEL_BREAK.split(chunk) if part]


@dataclass(frozen=True)
class FloatMoneyParams:
    # name parts that make a name money (plurals match too: `prices`, `taxes`)
    money_names: tuple[str, ...] = ("price", "total", "amount", "cost", "fee", "tax", "discount", "subtotal")
    # name parts that make a name a ratio, not money: `tax_rate`, `discount_pct`
    exempt_names: tuple[str, ...] = ("rate", "percent", "percentage", "pct", "ratio", "factor")

    def __post_init__(self) -> None:
        if not self.money_names:
            raise ValueError("money_names: expected at least one name part, e.g. 'price'")
        for word in (*self.money_names, *self.exempt_names):
            if name_parts(word) != [word.lower()]:
                raise ValueError(f"money_names: expected single words such as 'price', got {word!r}")


class FloatMoney(Rule):
    """
    ## What it does
    Flags `float` used for money. A name is money when one of its parts
    (split at `_` and at camelCase) is in `money_names` — `unit_price`,
    `shippingFee`, `totals`, a dict key `"net"` — unless a part is in
    `exempt_names` (`tax_rate`, `discount_pct` are ratios). For such names it
    flags, at most once per line:

    - a float assigned to them: a float literal, `float(...)`, or arithmetic,
      a conditional expression or `round`/`abs`/`min`/`max`/`sum` involving
      one (`total = 0.0`, `net = gross * 0.95`, `line["price"] = 2.5`,
      `{"price": 2.5}`, `Line(price=2.5)`, a parameter default `fee=0.0`);
    - a comparison with a float (`if subtotal >= 150.0`);
    - a float returned from a function whose name is money (`def
      shipping_fee(): return 4.5`);
    - `float(...)` of them (`float(row["price"])`);
    - a `float` annotation (`price: float`, `def total(...) -> float`).

    It also flags `Decimal(...)` built from a float (`Decimal(0.1)`), whatever
    the name.

    ## Why is this bad?
    Binary floats cannot hold 0.10 exactly: sums drift (`0.1 + 0.2 !=
    0.3`), half cents round the wrong way (`round(2.675, 2) == 2.67`), and
    every caller has to remember to round. A float also forgets its currency,
    so nothing stops francs being added to euros.

    ## Example
    ```python
    def line_total(unit_price: float, quantity: int) -> float:
        total = unit_price * quantity
        if total >= 100.0:
            total = total * 0.95
        return round(total, 2)
    ```

    ## Use instead
    ```python
    @dataclass(frozen=True)
    class Money:
        amount: Decimal
        currency: str

        def rounded(self) -> Money:
            return Money(self.amount.quantize(Decimal("0.01"), ROUND_HALF_UP), self.currency)

    def line_total(unit_price: Money, quantity: int) -> Money:
        return (unit_price * quantity).rounded()
    ```
    Decimal amounts built from strings (`Decimal("24.80")`), rounded in one
    place, inside a frozen `Money` value object that knows its currency.
    """

    id = "float-money"
    summary = "Money held, compared or returned as a binary float"
    hint = "Replace primitive with object: a frozen Money value object holding a Decimal and its currency."
    Params = FloatMoneyParams
    params: FloatMoneyParams

    valid = (
        """
from decimal import Decimal

TAX_RATE = 0.19
discount_pct = 2.5

def total(prices: list[Decimal]) -> Decimal:
    subtotal = sum(prices, Decimal("0"))
    if subtotal >= Decimal("150.00"):
        return subtotal
    return subtotal + Decimal("4.90")
""",
        """
def average(marks: list[float]) -> float:
    mean = sum(marks) / len(marks)
    return round(mean * 1.0, 1)
""",
        """
def price_label(price):
    return f"{float(2):.2f} {price}"
""",
        Example(
            "fare = 2.5\n",
            params={"money_names": ["price"]},
        ),
    )
    invalid = (
        Example(
            """
def line_total(unit_price: float, quantity):
    total = unit_price * quantity
    if total >= 100.0:
        total = total * 0.95
    return total
""",
            findings=3,
            line=2,
        ),
        Example(
            """
def shipping_fee(weight):
    if weight > 2:
        return 9.5
    return 4
""",
            findings=1,
            line=4,
        ),
        Example(
            """
line = {"sku": "A-1", "net": 12.5}
line["coupon"] = -1.25
amount = float(line["net"])
""",
            params={"money_names": ["net", "coupon"]},
            findings=3,
        ),
        Example(
            """
from decimal import Decimal

def charge(level, late_fee=0.0):
    return Decimal(0.1) * level
""",
            findings=2,
            line=4,
        ),
        Example(
            """
from dataclasses import dataclass

@dataclass
class Totals:
    goods: float = 0.0
    shippingCost: "float | None" = None

totals = Totals(goods=1.5)
totals.goods, note = 2.5, ""
""",
            params={"money_names": ["goods", "cost"]},
            findings=4,
            line=6,
        ),
    )

    def begin_file(self, source: SourceFile) -> None:
        self.functions: list[str] = []
        self.flagged_lines: set[int] = set()

    # -- what counts as money, and as a float --------------------------------

    def _is_money_name(self, name: str) -> bool:
        parts = name_parts(name)
        if any(part in self.params.exempt_names for part in parts):
            return False
        money = self.params.money_names
        return any(
            part in money or (part.endswith("s") and part[:-1] in money) or (part.endswith("es") and part[:-2] in money)
            for part in parts
        )

    def _money_name(self, node: cst.BaseExpression) -> str | None:
        """The money name an expression stands for: `price`, `line.price`, `line["price"]`."""
        if isinstance(node, cst.Name):
            name = node.value
        elif isinstance(node, cst.Attribute):
            name = node.attr.value
        elif isinstance(node, cst.Subscript) and len(node.slice) == 1:
            index = node.slice[0].slice
            key = index.value if isinstance(index, cst.Index) else None
            if not isinstance(key, cst.SimpleString):
                return None
            name = str(key.evaluated_value)
        else:
            return None
        return name if self._is_money_name(name) else None

    def _is_float(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.UnaryOperation):
            return self._is_float(node.expression)
        if isinstance(node, cst.BinaryOperation):
            return self._is_float(node.left) or self._is_float(node.right)
        if isinstance(node, cst.IfExp):
            return self._is_float(node.body) or self._is_float(node.orelse)
        if isinstance(node, cst.Call):
            names = self.qualified_names(node.func)
            preserving = bool(names & _FLOAT_PRESERVING) and any(self._is_float(arg.value) for arg in node.args)
            return "builtins.float" in names or preserving
        return isinstance(node, cst.Float)

    @staticmethod
    def _mentions_float(annotation: cst.Annotation) -> bool:
        node = annotation.annotation
        if isinstance(node, cst.SimpleString):
            return bool(_FLOAT_WORD.search(str(node.evaluated_value)))
        return bool(m.findall(node, m.Name("float")))

    def _flag(self, node: cst.CSTNode, message: str) -> None:
        line = self.position(node)
        if line not in self.flagged_lines:
            self.flagged_lines.add(line)
            self.report(node, message)

    def _check_assigned(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, cst.Tuple | cst.List) and isinstance(value, cst.Tuple | cst.List):
            if len(target.elements) == len(value.elements):
                for t, v in zip(target.elements, value.elements, strict=True):
                    self._check_assigned(t.value, v.value)
            return
        name = self._money_name(target)
        if name is not None and self._is_float(value):
            self._flag(value, f"float `{self.code(value)}` assigned to money `{name}`")

    # -- visitors ------------------------------------------------------------

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._check_assigned(target.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._check_assigned(node.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        name = self._money_name(node.target)
        if name is not None and self._mentions_float(node.annotation):
            self._flag(node, f"money `{name}` annotated as `{self.code(node.annotation.annotation)}`")
        elif node.value is not None:
            self._check_assigned(node.target, node.value)

    def visit_Param(self, node: cst.Param) -> None:
        name = node.name.value
        if not self._is_money_name(name):
            return
        if node.annotation is not None and self._mentions_float(node.annotation):
            self._flag(node, f"money parameter `{name}` annotated as `{self.code(node.annotation.annotation)}`")
        elif node.default is not None and self._is_float(node.default):
            self._flag(node.default, f"float `{self.code(node.default)}` as default of money parameter `{name}`")

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if isinstance(node.key, cst.SimpleString):
            key = str(node.key.evaluated_value)
            if self._is_money_name(key) and self._is_float(node.value):
                self._flag(node.value, f"float `{self.code(node.value)}` stored as money `{key}`")

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._check_assigned(node.keyword, node.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        name = node.name.value
        self.functions.append(name)
        if node.returns is not None and self._is_money_name(name) and self._mentions_float(node.returns):
            self._flag(node.returns, f"`{name}()` returns money as `{self.code(node.returns.annotation)}`")

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.functions.pop()

    def visit_Return(self, node: cst.Return) -> None:
        value = node.value
        if self.functions and value is not None and self._is_money_name(self.functions[-1]) and self._is_float(value):
            self._flag(node, f"`{self.functions[-1]}()` returns the float `{self.code(value)}`")

    def visit_Comparison(self, node: cst.Comparison) -> None:
        operands = [node.left, *(target.comparator for target in node.comparisons)]
        money = next((name for name in map(self._money_name, operands) if name), None)
        floats = [operand for operand in operands if self._is_float(operand)]
        if money is not None and floats:
            self._flag(node, f"money `{money}` compared with the float `{self.code(floats[0])}`")

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        if not node.args:
            return
        first = node.args[0].value
        if "builtins.float" in names:
            name = self._money_name(first)
            if name is not None:
                self._flag(node, f"`{self.code(node)}` turns money `{name}` into a float")
        elif "decimal.Decimal" in names and self._is_float(first):
            self._flag(node, f"`{self.code(node)}` keeps the float's binary error; build a Decimal from a string")
