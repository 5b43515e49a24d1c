"""Each refactoring type, detected between two versions of a small package (and nothing else reported)."""

from __future__ import annotations

import pytest

from katabench.review.detect import detect
from katabench.review.model import Refactoring

PKG = "legacy/shop"


def found(before: dict[str, str], after: dict[str, str]) -> list[Refactoring]:
    return detect({f"{PKG}/{k}": v for k, v in before.items()}, {f"{PKG}/{k}": v for k, v in after.items()})


def types(before: dict[str, str], after: dict[str, str]) -> list[tuple[str, str]]:
    return sorted({(r.type, r.kind) for r in found(before, after)})


PRICE = """
def price(quantity, unit, discount):
    gross = quantity * unit
    if gross > 100:
        gross = gross - discount
    return gross + 5


def invoice(items, unit, discount):
    return [price(q, unit, discount) for q in items]
"""


def test_a_renamed_function_and_its_callers_are_one_rename() -> None:
    after = PRICE.replace("price(", "line_price(")
    result = found({"m.py": PRICE}, {"m.py": after})
    assert [(r.type, r.kind, r.before, r.after) for r in result] == [
        ("rename", "function", ("price",), ("line_price",))
    ]


def test_a_renamed_parameter_is_named_with_its_function() -> None:
    after = PRICE.replace("def price(quantity, unit, discount)", "def price(count, unit, discount)").replace(
        "gross = quantity * unit", "gross = count * unit"
    )
    result = found({"m.py": PRICE}, {"m.py": after})
    assert [(r.type, r.kind, r.before, r.after) for r in result] == [("rename", "parameter", ("quantity",), ("count",))]
    assert "in `price`" in result[0].description


def test_a_renamed_local_variable_is_a_variable_rename() -> None:
    after = PRICE.replace("gross", "total")
    assert types({"m.py": PRICE}, {"m.py": after}) == [("rename", "variable")]


def test_a_renamed_method_is_a_method_rename() -> None:
    before = (
        "class Cart:\n    def total(self, items):\n        s = sum(items)\n        return s * 2\n\n"
        "    def show(self, items):\n        return str(self.total(items))\n"
    )
    after = before.replace("total", "grand_total")
    assert types({"m.py": before}, {"m.py": after}) == [("rename", "method")]


def test_extract_function_names_the_new_function_and_where_it_came_from() -> None:
    after = """
def price(quantity, unit, discount):
    gross = discounted(quantity * unit, discount)
    return gross + 5


def discounted(gross, discount):
    if gross > 100:
        gross = gross - discount
    return gross


def invoice(items, unit, discount):
    return [price(q, unit, discount) for q in items]
"""
    result = found({"m.py": PRICE}, {"m.py": after})
    assert [(r.type, r.after, r.before) for r in result] == [("extract-function", ("discounted",), ("price",))]


def test_extract_method_inside_a_class() -> None:
    before = """
class Till:
    def close(self, sales):
        total = 0
        for sale in sales:
            total += sale.amount * sale.count
        tax = total * 21 // 100
        return total + tax
"""
    after = """
class Till:
    def close(self, sales):
        total = self.takings(sales)
        tax = total * 21 // 100
        return total + tax

    def takings(self, sales):
        total = 0
        for sale in sales:
            total += sale.amount * sale.count
        return total
"""
    assert types({"m.py": before}, {"m.py": after}) == [("extract-method", "method")]


def test_inline_function_puts_the_body_back_into_its_caller() -> None:
    before = """
def shipping(weight):
    return max(weight * 3, 10)


def total(price, weight):
    return price + shipping(weight)
"""
    after = """
def total(price, weight):
    return price + max(weight * 3, 10)
"""
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.before, r.after) for r in result] == [("inline-function", ("shipping",), ("total",))]


def test_move_function_between_modules() -> None:
    helper = "def vat(amount):\n    return amount * 21 // 100\n"
    user = "def gross(amount):\n    return amount + vat(amount)\n"
    before = {"a.py": helper + "\n\n" + user, "b.py": "X = 1\n"}
    after = {"a.py": "from .b import vat\n\n\n" + user, "b.py": "X = 1\n\n\n" + helper}
    result = found(before, after)
    assert [(r.type, r.kind, r.before) for r in result] == [("move-function", "function", ("vat",))]
    assert "from a.py to b.py" in result[0].description


def test_extract_class_from_functions_whose_callers_now_call_its_methods() -> None:
    before = """
def fresh_registers():
    return [0.0] * 9


def store(registers, name, value):
    registers[int(name[1:]) - 1] = value


def recall(registers, name):
    return registers[int(name[1:]) - 1]


def run(lines):
    registers = fresh_registers()
    for name, value in lines:
        store(registers, name, value)
    return recall(registers, "M1")
"""
    after = """
class Registers:
    def __init__(self):
        self._values = {}

    def store(self, name, value):
        self._values[int(name[1:])] = value

    def recall(self, name):
        return self._values.get(int(name[1:]), 0.0)


def run(lines):
    registers = Registers()
    for name, value in lines:
        registers.store(name, value)
    return registers.recall("M1")
"""
    result = found({"m.py": before}, {"m.py": after})
    assert [r.type for r in result] == ["extract-class"]
    assert result[0].after == ("Registers",)
    assert set(result[0].before) >= {"store", "recall"}


def test_introduce_parameter_object_for_a_group_of_parameters() -> None:
    before = """
def quote(weight, width, height, depth):
    volume = width * height * depth
    return max(weight, volume // 5000)
"""
    after = """
from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    width: int
    height: int
    depth: int


def quote(weight, box):
    volume = box.width * box.height * box.depth
    return max(weight, volume // 5000)
"""
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.after, r.before) for r in result] == [("introduce-parameter-object", ("Box",), ("quote",))]


SWITCH = """
def fine(kind, days):
    if kind == "BK":
        return min(days * 25, 800)
    elif kind == "DVD":
        return min(days * 100, 1500)
    elif kind == "MAG":
        weeks = (days + 6) // 7
        return min(weeks * 50, 150)
    else:
        raise ValueError(kind)
"""
POLYMORPHIC = """
class Book:
    def fine(self, days):
        return min(days * 25, 800)


class Dvd:
    def fine(self, days):
        return min(days * 100, 1500)


class Magazine:
    def fine(self, days):
        weeks = (days + 6) // 7
        return min(weeks * 50, 150)


KINDS = {"BK": Book(), "DVD": Dvd(), "MAG": Magazine()}


def fine(kind, days):
    if kind not in KINDS:
        raise ValueError(kind)
    return KINDS[kind].fine(days)
"""


def test_replace_conditional_with_polymorphism_and_not_also_extract_class() -> None:
    result = found({"m.py": SWITCH}, {"m.py": POLYMORPHIC})
    assert [r.type for r in result] == ["replace-conditional-with-polymorphism"]
    assert "the switch on `kind` in `fine`" in result[0].description
    assert set(result[0].after) == {"Book.fine", "Dvd.fine", "Magazine.fine"}


def test_a_match_statement_replaced_by_polymorphism_is_found_too() -> None:
    before = SWITCH.replace('    if kind == "BK":\n', '    match kind:\n        case "BK":\n')
    before = """
def fine(kind, days):
    match kind:
        case "BK":
            return min(days * 25, 800)
        case "DVD":
            return min(days * 100, 1500)
        case _:
            raise ValueError(kind)
"""
    after = POLYMORPHIC.replace('    "MAG": Magazine()', "")
    assert "replace-conditional-with-polymorphism" in {r.type for r in found({"m.py": before}, {"m.py": after})}


def test_isinstance_switch_replaced_by_methods() -> None:
    before = """
class Circle:
    def __init__(self, r):
        self.r = r


class Square:
    def __init__(self, side):
        self.side = side


def area(shape):
    if isinstance(shape, Circle):
        return 3.14159 * shape.r * shape.r
    elif isinstance(shape, Square):
        return shape.side * shape.side
    raise TypeError(shape)
"""
    after = """
class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


def area(shape):
    return shape.area()
"""
    assert [r.type for r in found({"m.py": before}, {"m.py": after})] == ["replace-conditional-with-polymorphism"]


def test_extract_variable_names_the_new_variable() -> None:
    before = "def total(price, count, rate):\n    return price * count + price * count * rate // 100\n"
    after = (
        "def total(price, count, rate):\n    subtotal = price * count\n"
        "    return subtotal + price * count * rate // 100\n"
    )
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.after) for r in result] == [("extract-variable", ("subtotal",))]


def test_annotations_only_is_add_type_hints_and_comments_only_is_tidy() -> None:
    typed = PRICE.replace(
        "def price(quantity, unit, discount):", "def price(quantity: int, unit: int, discount: int) -> int:"
    )
    assert [r.type for r in found({"m.py": PRICE}, {"m.py": typed})] == ["add-type-hints"]
    commented = PRICE.replace("    gross = quantity * unit", "    # the gross price\n    gross = quantity * unit")
    assert [r.type for r in found({"m.py": PRICE}, {"m.py": commented})] == ["tidy"]


def test_a_changed_behaviour_with_no_refactoring_reports_nothing() -> None:
    after = PRICE.replace("gross + 5", "gross + 7")
    assert found({"m.py": PRICE}, {"m.py": after}) == []


@pytest.mark.parametrize(
    "broken",
    ["def price(:\n", "x = (\n" * 3, "\x00\x01", "def f():\n" + "    " * 50 + "pass\n", "(" * 300 + ")" * 300],
)
def test_unparseable_versions_give_no_crash_and_no_invented_refactoring(broken: str) -> None:
    assert found({"m.py": PRICE}, {"m.py": broken}) == []
    assert found({"m.py": broken}, {"m.py": PRICE}) == []
