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


# -- cases from the katas' reference paths --------------------------------------------------------


def test_a_dict_that_becomes_a_record_is_not_a_parameter_object() -> None:
    before = """
def usable(rows):
    kept = []
    for row in rows:
        if row["level"] > 0 and row["station"] != "X":
            kept.append(row)
    return kept
"""
    after = """
from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    station: str
    level: int


def usable(readings):
    kept = []
    for reading in readings:
        if reading.level > 0 and reading.station != "X":
            kept.append(reading)
    return kept
"""
    assert "introduce-parameter-object" not in {r.type for r in found({"m.py": before}, {"m.py": after})}


def test_polymorphism_whose_branch_constants_moved_into_class_data() -> None:
    before = """
class Swift:
    code = "SWL"


class Haul:
    code = "HMF"


def price(carrier, zone, kilos):
    if carrier == "SWL":
        net = {"A": 595, "B": 695}[zone] + kilos * 40
    elif carrier == "HMF":
        net = {"A": 3500, "B": 4500}[zone] + kilos * 12
    else:
        raise ValueError(carrier)
    return net
"""
    after = """
class Rates:
    def __init__(self, zones, per_kilo):
        self.zones = zones
        self.per_kilo = per_kilo

    def price(self, zone, kilos):
        return self.zones[zone] + kilos * self.per_kilo


class Swift:
    code = "SWL"
    rates = Rates({"A": 595, "B": 695}, 40)

    def net_price(self, zone, kilos):
        return self.rates.price(zone, kilos)


class Haul:
    code = "HMF"
    rates = Rates({"A": 3500, "B": 4500}, 12)

    def net_price(self, zone, kilos):
        return self.rates.price(zone, kilos)


CARRIERS = {"SWL": Swift(), "HMF": Haul()}


def price(carrier, zone, kilos):
    return CARRIERS[carrier].net_price(zone, kilos)
"""
    assert "replace-conditional-with-polymorphism" in {r.type for r in found({"m.py": before}, {"m.py": after})}


def test_polymorphism_through_attributes_the_classes_had_already() -> None:
    classes = """
class Albion:
    code = "ALB"
    name = "Albion Post"
    service = "Tracked 48"


class Swift:
    code = "SWL"
    name = "Swiftline"
    service = "Next Day"


CARRIERS = {"ALB": Albion(), "SWL": Swift()}
"""
    before = (
        classes
        + """

def option(carrier):
    if carrier == "ALB":
        service = "Albion Post Tracked 48"
    elif carrier == "SWL":
        service = "Swiftline Next Day"
    else:
        service = "Boxhop Locker"
    return (carrier, service)
"""
    )
    after = (
        classes
        + """

def option(carrier):
    chosen = CARRIERS[carrier]
    return (carrier, f"{chosen.name} {chosen.service}")
"""
    )
    result = found({"m.py": before}, {"m.py": after})
    assert [r.type for r in result] == ["replace-conditional-with-polymorphism"]
    assert set(result[0].after) == {"Albion.name", "Albion.service", "Swift.name", "Swift.service"}


def test_a_variable_read_only_in_an_f_string_is_seen_renamed() -> None:
    before = "def rate(marks, total):\n    passed = sum(marks)\n    return f'{100 * passed / total:.0f}%'\n"
    after = before.replace("passed", "passes").replace("sum(marks)", "sum(mark for mark in marks)")
    assert types({"m.py": before}, {"m.py": after}) == [("rename", "variable")]


def test_a_parameter_used_in_an_f_string_is_not_renamed_when_its_meaning_changes() -> None:
    before = "class Mailer:\n    def send(self, address, subject):\n        post(f'mail {address.lower()} {subject}')\n"
    after = (
        "class Mailer:\n    def send(self, customer, subject):\n"
        "        if customer.email:\n            post(f'mail {customer.email.lower()} {subject}')\n"
    )
    assert ("rename", "parameter") not in types({"m.py": before}, {"m.py": after})


def test_extract_a_module_constant_from_a_function() -> None:
    before = 'import re\n\n\ndef is_bot(agent):\n    return re.search(r"bot|crawler", agent, re.I) is not None\n'
    after = (
        'import re\n\nBOT_AGENT = re.compile(r"bot|crawler", re.I)\n\n\n'
        "def is_bot(agent):\n    return BOT_AGENT.search(agent) is not None\n"
    )
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.after) for r in result] == [("extract-variable", ("BOT_AGENT",))]


def test_a_table_of_cases_is_not_an_extracted_constant() -> None:
    before = 'def label(code):\n    if code == "A":\n        return "alpha"\n    return "beta"\n'
    after = 'LABELS = {"A": "alpha"}\n\n\ndef label(code):\n    return LABELS.get(code, "beta")\n'
    assert "extract-variable" not in {r.type for r in found({"m.py": before}, {"m.py": after})}


def test_extract_variable_in_a_statement_changed_again_on_the_way() -> None:
    before = """
def header(student_id, name, attempt):
    out = []
    out.append(f"Student {student_id} {name}" + (" (resit)" if attempt == 2 else ""))
    return out
"""
    after = """
def header(student_id, name, attempt):
    out = []
    resit = " (resit)" if attempt == 2 else ""
    out.append(f"Student {student_id} {name}{resit}")
    return out
"""
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.after) for r in result] == [("extract-variable", ("resit",))]


def test_functions_of_a_deleted_module_moved_under_their_names_and_taken_apart() -> None:
    before = {
        "orders.py": """
def price_order(order):
    priced = {"ref": order.ref, "account": order.account, "total": str(order.total)}
    priced["lines"] = [str(line) for line in order.lines]
    return priced
""",
    }
    after = {
        "shop.py": """
from .render import as_data


def price_order(order):
    return as_data(SHOP.quote(order))
""",
        "render.py": """
def as_data(order):
    return {
        "ref": order.ref,
        "account": order.account,
        "total": str(order.total),
        "lines": [str(line) for line in order.lines],
    }
""",
    }
    result = {(r.type, r.before, r.after) for r in found(before, after)}
    assert ("move-function", ("price_order",), ("price_order",)) in result
    assert ("extract-function", ("price_order",), ("as_data",)) in result


def test_inline_a_function_whose_callers_now_call_what_it_delegated_to() -> None:
    before = """
_asked = []
_answers = []


def looked_up(question, asked, answers, work_out):
    if question not in asked:
        asked.append(question)
        answers.append(work_out(question))
    return answers[asked.index(question)]


def label(street, town):
    return (looked_up(street, _asked, _answers, tidy_street), looked_up(town, _asked, _answers, tidy_town))
"""
    after = """
def label(street, town):
    return (tidy_street(street), tidy_town(town))
"""
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.before) for r in result] == [("inline-function", ("looked_up",))]


def test_a_returned_tuple_turned_into_a_record_is_not_a_parameter_object() -> None:
    before = (
        "def parse(text):\n    name, qty = text.split()\n    return name, int(qty)\n\n\n"
        "def show(text):\n    name, qty = parse(text)\n    return f'{name}: {qty * 2}'\n"
    )
    after = (
        "from dataclasses import dataclass\n\n\n@dataclass\nclass Row:\n    name: str\n    qty: int\n\n\n"
        "def parse(text):\n    name, qty = text.split()\n    return Row(name, int(qty))\n\n\n"
        "def show(text):\n    row = parse(text)\n    return f'{row.name}: {row.qty * 2}'\n"
    )
    assert "introduce-parameter-object" not in {r.type for r in found({"m.py": before}, {"m.py": after})}


def test_a_function_rewritten_under_a_new_name_is_renamed_when_its_callers_follow() -> None:
    before = (
        "def too_big(value):\n    try:\n        return len(str(int(value))) > 8\n    except Exception:\n"
        "        return True\n\n\n"
        "def add(a, b):\n    if too_big(a + b):\n        return 'ERR'\n    return a + b\n"
    )
    after = (
        "def fit(value):\n    if not abs(value) < 1e8:\n        raise OverflowError(value)\n    return value\n\n\n"
        "def add(a, b):\n    return fit(a + b)\n"
    )
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.before, r.after) for r in result] == [("rename", ("too_big",), ("fit",))]


def test_a_method_that_becomes_a_module_function_is_moved() -> None:
    before = (
        "BANDS = ((70, 'A'), (50, 'B'))\n\n\nclass Book:\n    WIDTH = 50\n\n"
        "    def band(self, mark):\n        for floor, name in BANDS:\n            if mark >= floor:\n"
        "                return name\n        return 'Fail'\n\n"
        "    def line(self):\n        return '-' * self.WIDTH\n\n\n"
        "def report(mark):\n    book = Book()\n    return book.line() + book.band(mark)\n"
    )
    after = (
        "BANDS = ((70, 'A'), (50, 'B'))\n\n\ndef band(mark):\n    for floor, name in BANDS:\n"
        "        if mark >= floor:\n            return name\n    return 'Fail'\n\n\n"
        "class Book:\n    WIDTH = 50\n\n    def line(self):\n        return '-' * self.WIDTH\n\n\n"
        "def report(mark):\n    book = Book()\n    return book.line() + band(mark)\n"
    )
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.kind, r.before, r.after) for r in result] == [("move-function", "method", ("band",), ("band",))]


def test_a_function_moved_under_a_new_name_is_also_renamed() -> None:
    moved = "def parse(rows):\n    kept = [r.strip() for r in rows if r]\n    return [k.split(',') for k in kept]\n"
    before = {"a.py": moved, "b.py": "X = 1\n"}
    after = {"a.py": "Y = 2\n", "b.py": "X = 1\n\n\n" + moved.replace("def parse(", "def _parse(")}
    assert types(before, after) == [("move-function", "function"), ("rename", "function")]


def test_a_local_renamed_where_it_is_defined_while_its_readers_were_rewritten() -> None:
    before = (
        "def summary(rows):\n    counts = Counter()\n    for row in rows:\n        counts[row] = counts[row] + 1\n"
        "    return ', '.join(f'{k} {counts[k]}' for k in counts)\n"
    )
    after = (
        "def summary(rows):\n    tally = Counter()\n    for row in rows:\n        tally[row] += 1\n"
        "    return ', '.join(f'{k} {n}' for k, n in sorted(tally.items()))\n"
    )
    result = found({"m.py": before}, {"m.py": after})
    assert [(r.type, r.kind, r.before, r.after) for r in result] == [("rename", "variable", ("counts",), ("tally",))]


def test_a_constant_read_by_a_function_extracted_in_the_same_step() -> None:
    before = (
        "def report(attempt, mark):\n    if attempt == 3 and mark > 40:\n        return 'capped'\n    return 'open'\n"
    )
    after = (
        "LAST_ATTEMPT = 3\n\n\ndef is_last(attempt):\n    return attempt == LAST_ATTEMPT\n\n\n"
        "def report(attempt, mark):\n    if is_last(attempt) and mark > 40:\n        return 'capped'\n"
        "    return 'open'\n"
    )
    assert ("extract-variable", "constant") in types({"m.py": before}, {"m.py": after})


def test_a_class_attribute_moved_to_module_level_is_not_an_extracted_constant() -> None:
    before = (
        "class Sheet:\n    WIDTH = 50\n\n    def rule(self):\n        return '-' * self.WIDTH\n\n\n"
        "def report(rows):\n    return ['=' * 50] + rows + [Sheet().rule()]\n"
    )
    after = (
        "WIDTH = 50\n\n\ndef bar(mark):\n    text = mark * WIDTH\n    return text.strip()\n\n\n"
        "def report(rows):\n    return [bar('=')] + rows + [bar('-')]\n"
    )
    assert ("extract-variable", "constant") not in types({"m.py": before}, {"m.py": after})


def test_an_extracted_function_with_its_locals_named_anew_and_a_constant_for_a_literal() -> None:
    before = (
        "def summary(grades):\n    out = []\n    passed = []\n    for g in grades:\n"
        "        if g.band not in ('Fail', 'Incomplete'):\n            passed.append(g)\n"
        "    out.append(len(passed))\n    return out\n"
    )
    after = (
        "FAIL = 'Fail'\nINCOMPLETE = 'Incomplete'\n\n\ndef passing(grades):\n    kept = []\n"
        "    for grade in grades:\n        if grade.band not in (FAIL, INCOMPLETE):\n            kept.append(grade)\n"
        "    return kept\n\n\ndef summary(grades):\n    out = []\n    out.append(len(passing(grades)))\n"
        "    return out\n"
    )
    assert ("extract-function", "function") in types({"m.py": before}, {"m.py": after})


def test_a_method_of_a_class_taken_apart_becomes_a_module_function_under_a_new_name() -> None:
    before = (
        "class Sheet:\n    WIDTH = 50\n\n    def divider(self):\n        return '-' * self.WIDTH + '\\n'\n\n\n"
        "def report(rows):\n    return Sheet().divider() + '\\n'.join(rows)\n"
    )
    after = (
        "WIDTH = 50\n\n\ndef _divider():\n    return '-' * WIDTH + '\\n'\n\n\n"
        "def report(rows):\n    return _divider() + '\\n'.join(rows)\n"
    )
    result = types({"m.py": before}, {"m.py": after})
    assert ("move-function", "method") in result and ("rename", "method") in result


def test_a_variable_computed_by_the_caller_from_a_condition_of_a_function_that_moved_away() -> None:
    before = (
        "def share(tier, kind, fine):\n    if tier == 'STAFF':\n        return 0\n    if tier == 'CHILD':\n"
        "        if kind == 'BK' or kind == 'MAG':\n            return 0\n    if tier == 'SENIOR':\n"
        "        return fine * 4 // 5\n    return fine\n\n\n"
        "def assess(tier, kind, fine, damage):\n    return (share(tier, kind, fine), damage)\n"
    )
    after = (
        "class Card:\n    def __init__(self, child):\n        self.child = child\n\n"
        "    def owed(self, fine, reading):\n        if self.child and reading:\n            return 0\n"
        "        return fine\n\n\n"
        "def assess(tier, kind, fine, damage):\n    reading = kind == 'BK' or kind == 'MAG'\n"
        "    return (Card(tier == 'CHILD').owed(fine, reading), damage)\n"
    )
    assert ("extract-variable", "") in types({"m.py": before}, {"m.py": after})


def test_a_variable_named_inside_a_function_extracted_from_an_f_string() -> None:
    before = (
        "def report(student, rows):\n    out = [student.name]\n"
        "    out.append(f\"Quizzes {' '.join(str(q) for q in student.quizzes)} of {len(rows)}\")\n"
        "    return out\n"
    )
    after = (
        'def quiz_line(student, rows):\n    marks = " ".join(str(q) for q in student.quizzes)\n'
        '    return f"Quizzes {marks} of {len(rows)}"\n\n\n'
        "def report(student, rows):\n    out = [student.name]\n    out.append(quiz_line(student, rows))\n"
        "    return out\n"
    )
    result = types({"m.py": before}, {"m.py": after})
    assert ("extract-function", "function") in result and ("extract-variable", "") in result


def test_a_call_kept_under_a_name_in_an_extracted_function_is_not_an_extracted_variable() -> None:
    before = (
        "def run(lines):\n    kept = [line for line in lines if line.strip() and line.strip()[0] != '#']\n"
        "    return kept\n"
    )
    after = (
        "def wanted(line):\n    text = line.strip()\n    return text != '' and text[0] != '#'\n\n\n"
        "def run(lines):\n    kept = [line for line in lines if wanted(line)]\n    return kept\n"
    )
    assert ("extract-variable", "") not in types({"m.py": before}, {"m.py": after})


def test_an_extracted_function_reading_a_new_table_of_the_literals_its_caller_wrote() -> None:
    before = (
        "def summarise(counts, n):\n    head = 'report'\n"
        "    ignored = counts['malformed'] + counts['faulty'] + counts['low'] + counts['late']\n"
        "    return [head, f'{n} read, {ignored} ignored']\n"
    )
    after = (
        "DROPPED = ('malformed', 'faulty', 'low', 'late')\n\n\n"
        "def counts_line(tally, n):\n    ignored = sum(tally.get(reason, 0) for reason in DROPPED)\n"
        "    return f'{n} read, {ignored} ignored'\n\n\n"
        "def summarise(counts, n):\n    head = 'report'\n    return [head, counts_line(counts, n)]\n"
    )
    assert ("extract-function", "function") in types({"m.py": before}, {"m.py": after})


def test_a_dict_built_by_string_keys_that_becomes_a_record_is_an_extracted_class() -> None:
    before = (
        "def parse(line):\n    code, level, when = line.split(',')\n"
        "    return {'station': code, 'level': float(level), 'when': when}\n\n\n"
        "def peak(rows):\n    return max(row['level'] for row in rows)\n"
    )
    after = (
        "from dataclasses import dataclass\n\n\n@dataclass\nclass Reading:\n    station: str\n    level: float\n"
        "    when: str\n\n\ndef parse(line):\n    code, level, when = line.split(',')\n"
        "    return Reading(code, float(level), when)\n\n\n"
        "def peak(rows):\n    return max(row.level for row in rows)\n"
    )
    assert types({"m.py": before}, {"m.py": after}) == [("extract-class", "")]


def test_a_function_renamed_with_one_parameter_renamed_and_its_callers_following() -> None:
    before = (
        "def require(carrier, parcel):\n    chosen = CARRIERS[carrier]\n    problem = chosen.check(parcel)\n"
        "    if problem:\n        raise ValueError(problem)\n\n\n"
        "def quote(carrier, parcel):\n    require(carrier, parcel)\n    return CARRIERS[carrier].price(parcel)\n"
    )
    after = (
        "def accepting(code, parcel):\n    chosen = CARRIERS[code]\n    problem = chosen.check(parcel)\n"
        "    if problem:\n        raise ValueError(f'{code}: {problem}')\n    log.info('accepted %s', code)\n"
        "    audit.append((code, parcel.weight))\n"
        "    return chosen\n\n\n"
        "def quote(carrier, parcel):\n    return accepting(carrier, parcel).price(parcel)\n"
    )
    assert ("rename", "function") in types({"m.py": before}, {"m.py": after})


def test_a_method_inlined_into_its_caller_while_a_new_class_takes_the_rest() -> None:
    before = (
        "class Price:\n    def __init__(self, amount):\n        self.amount = amount\n\n"
        "    def times(self, qty, pct):\n        return round(self.amount * qty * (100 - pct) / 100, 2)\n\n\n"
        "def price_line(price, qty, pct):\n    net = price.times(qty, pct)\n    return {'net': net}\n"
    )
    after = (
        "class Price:\n    def __init__(self, amount):\n        self.amount = amount\n\n\n"
        "class Money:\n    def __init__(self, value):\n        self.value = value\n\n"
        "    def rounded(self):\n        return Money(round(self.value, 2))\n\n\n"
        "def price_line(price, qty, pct):\n    net = Money(price.amount * qty * (100 - pct) / 100).rounded()\n"
        "    return {'net': net}\n"
    )
    result = types({"m.py": before}, {"m.py": after})
    assert ("inline-function", "method") in result and ("extract-class", "") in result


def test_functions_extracted_from_a_function_extracted_in_the_same_step() -> None:
    before = (
        "def alerts(rows, warning):\n    out = []\n    for i in range(len(rows)):\n"
        "        if rows[i] >= warning and (i == 0 or rows[i - 1] < warning):\n"
        "            out.append(f'{i} above warning at {rows[i]}')\n    return out\n"
    )
    after = (
        "def crosses(rows, i, warning):\n    return rows[i] >= warning and (i == 0 or rows[i - 1] < warning)\n\n\n"
        "def gauge_alerts(rows, warning):\n    found = []\n    for i in range(len(rows)):\n"
        "        if crosses(rows, i, warning):\n            found.append(f'{i} above warning at {rows[i]}')\n"
        "    return found\n\n\n"
        "def alerts(rows, warning):\n    return gauge_alerts(rows, warning)\n"
    )
    extracted = {r.after for r in found({"m.py": before}, {"m.py": after}) if r.type == "extract-function"}
    assert extracted == {("gauge_alerts",), ("crosses",)}
