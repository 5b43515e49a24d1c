"""Approval harness for the order-pricing kata.

Pins the public boundary of `legacy.order_pricing` -- `price_order(order)`
(a plain dict in, a plain dict of formatted amounts out) and
`order_confirmation(order)` (the text mailed to the customer) -- across every
market, product category, coupon, shipping option and the edge values of
every threshold.
"""

from approvaltests import verify, verify_as_json
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.order_pricing import order_confirmation, price_order

# just below, at and just above every volume break, and the quantity limits
QUANTITIES = [0, 1, 9, 10, 11, 24, 25, 26, 49, 50, 51, 999, 1000]

BASKETS = {
    "3 Guji": [("GUJI-1KG", 3)],
    "16 stirrers": [("STIR-1000", 16)],  # exactly 100.00 EUR
    "4 tampers": [("TAMPER-58", 4)],  # exactly 150.00 EUR
    "10 Guji": [("GUJI-1KG", 10)],
    "1 grinder": [("GRINDER-64", 1)],
    "mixed": [("CERRADO-1KG", 10), ("LID-8OZ", 1), ("SENCHA-250", 3)],
}


def make_order(region, lines, coupon="", partner=False, express=False):
    return {
        "ref": "LF-TEST",
        "account": "C-0001",
        "region": region,
        "partner": partner,
        "coupon": coupon,
        "express": express,
        "lines": lines,
    }


def show_lines(priced):
    return "; ".join(
        f"{line['sku']} {line['qty']} @ {line['unit_price']} -{line['volume_discount']}"
        f" = {line['net']} (coupon {line['coupon']})"
        for line in priced["lines"]
    )


def show_totals(priced):
    coupon = priced["coupon"]
    if coupon is None:
        coupon_text = "no coupon"
    else:
        coupon_text = f"{coupon['code']} {coupon['discount']}"
        if coupon["note"]:
            coupon_text += f" [{coupon['note']}]"
    vat = ", ".join(f"{b['rate']} on {b['base']} = {b['tax']}" for b in priced["vat"])
    return (
        f"goods {priced['goods']} | {coupon_text} | shipping {priced['shipping']}"
        f" ({priced['shipping_note']}) | vat {vat} | rounding {priced['rounding']}"
        f" | total {priced['total']} {priced['currency']}"
    )


def line_price(sku, qty, partner, region):
    priced = price_order(make_order(region, [(sku, qty)], partner=partner))
    return f"{show_lines(priced)} | {show_totals(priced)}"


def catalogue_price(sku, region):
    priced = price_order(make_order(region, [(sku, 1), (sku, 12)]))
    return f"{show_lines(priced)} | {show_totals(priced)}"


def with_coupon(coupon, partner, basket, region):
    priced = price_order(make_order(region, BASKETS[basket], coupon, partner))
    return f"{show_lines(priced)} | {show_totals(priced)}"


def shipped(basket, region, express, coupon):
    priced = price_order(make_order(region, BASKETS[basket], coupon, express=express))
    return show_totals(priced)


def refused_in_order(region, lines, coupon, partner):
    return show_totals(price_order(make_order(region, lines, coupon, partner)))


def test_line_prices():
    verify_all_combinations_with_labeled_input(
        line_price,
        sku=["GUJI-1KG", "ASSAM-500", "CUP-8OZ", "TAMPER-58"],
        qty=QUANTITIES,
        partner=[False, True],
        region=["DE", "CH", "UK"],
    )


def test_catalogue_prices():
    verify_all_combinations_with_labeled_input(
        catalogue_price,
        sku=[
            "GUJI-1KG",
            "CERRADO-1KG",
            "DECAF-500",
            "ASSAM-500",
            "SENCHA-250",
            "CUP-8OZ",
            "LID-8OZ",
            "STIR-1000",
            "TAMPER-58",
            "GRINDER-64",
            "ESPRESSO-X",
        ],
        region=["DE", "FR", "NL", "CH", "UK"],
    )


def test_coupons():
    verify_all_combinations_with_labeled_input(
        with_coupon,
        coupon=["", None, "WELCOME10", " welcome10 ", "BEANS15", "freeship", "SUMMER24"],
        partner=[False, True],
        basket=["3 Guji", "16 stirrers", "mixed"],
        region=["DE", "UK"],
    )


def test_shipping_and_vat():
    verify_all_combinations_with_labeled_input(
        shipped,
        basket=["16 stirrers", "4 tampers", "10 Guji", "1 grinder"],
        region=["DE", "FR", "NL", "CH", "UK", "AT"],
        express=[False, True],
        coupon=["", "FREESHIP"],
    )


def test_invalid_orders_are_refused_in_order():
    verify_all_combinations_with_labeled_input(
        refused_in_order,
        region=["DE", "AT"],
        lines=[
            [],
            [("DECAF-500", 1)],
            [("DECAF-500", 0)],
            [("LATTE-1L", 1000)],
            [("DECAF-500", 2), ("DECAF-500", 1000)],
        ],
        coupon=["", "BEANS15", "SUMMER24"],
        partner=[False, True],
    )


def test_priced_order_as_data():
    orders = [
        make_order("DE", BASKETS["mixed"], "welcome10"),
        make_order("CH", [("ASSAM-500", 30), ("CUP-8OZ", 2)], partner=True, express=True),
        make_order("UK", [("DECAF-500", 4)], "WELCOME10"),
    ]
    verify_as_json([price_order(order) for order in orders])


CONFIRMATIONS = [
    {
        "ref": "LF-24-0117",
        "account": "C-1042 Kaffeehaus Lindner",
        "region": "DE",
        "partner": False,
        "coupon": "WELCOME10",
        "express": False,
        "lines": [("GUJI-1KG", 12), ("CUP-8OZ", 2), ("LID-8OZ", 2), ("SENCHA-250", 5)],
    },
    {
        "ref": "LF-24-0118",
        "account": "C-2210 Cafe des Arts",
        "region": "FR",
        "coupon": "BEANS15",
        "lines": [("CERRADO-1KG", 25), ("DECAF-500", 6), ("ASSAM-500", 10)],
    },
    {
        "ref": "LF-24-0119",
        "account": "C-0311 Kaffee Rösterei Bern",
        "region": "CH",
        "partner": True,
        "express": True,
        "lines": [("GUJI-1KG", 30), ("TAMPER-58", 1), ("STIR-1000", 3)],
    },
    {
        "ref": "LF-24-0120",
        "account": "C-0775 The Daily Grind",
        "region": "UK",
        "coupon": " freeship",
        "express": True,
        "lines": [("ASSAM-500", 8), ("ASSAM-500", 4), ("CUP-8OZ", 50)],
    },
    {
        "ref": "LF-24-0121",
        "account": "C-0912 Koffie Lab",
        "region": "NL",
        "coupon": "welcome10",
        "lines": [("SENCHA-250", 2), ("STIR-1000", 1)],
    },
    {
        "ref": "LF-24-0122",
        "account": "C-1500 Bean There",
        "region": "CH",
        "coupon": "WELCOME10",
        "lines": [("GRINDER-64", 2), ("LID-8OZ", 3), ("DECAF-500", 9)],
    },
    {
        "ref": "LF-24-0123",
        "account": "C-0042 Brühwerk",
        "region": "DE",
        "coupon": "FREESHIP",
        "lines": [("STIR-1000", 1)],
    },
    {
        "ref": "LF-24-0124",
        "account": "C-0043 Tea & Tonic",
        "region": "UK",
        "partner": True,
        "lines": [("SENCHA-250", 999), ("GRINDER-64", 1)],
    },
]


def test_order_confirmations():
    transcript = []
    for order in CONFIRMATIONS:
        try:
            transcript.append(order_confirmation(order))
        except ValueError as error:
            transcript.append(f"{order['ref']}: ValueError: {error}")
    verify("\n\n".join(transcript))
