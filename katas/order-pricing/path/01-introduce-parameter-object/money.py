"""Rounding and printing of amounts.

Amounts are floats in the order's currency, rounded to cents as soon as
they are computed.
"""

import math

SYMBOLS = {"EUR": "€", "GBP": "£", "CHF": "CHF "}


def round_money(amount):
    """Round to whole cents, half up.

    round() gave 2.67 for 2.675 (binary floats) and accounts noticed; the
    nudge makes exact half cents go up.
    """
    return math.floor(amount * 100 + 0.5 + 0.000001) / 100


def cash_round(amount, currency):
    """Swiss francs are paid in steps of 5 centimes."""
    if currency == "CHF":
        return math.floor(amount * 20 + 0.5 + 0.000001) / 20
    return amount


def fmt(amount, currency):
    """-1234.5 in EUR -> '-€1,234.50'."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{SYMBOLS[currency]}{abs(amount):,.2f}"


class Price:
    """A unit price on its way from the EUR price list to the customer."""

    def __init__(self, amount):
        self.amount = amount

    def convert(self, rate):
        self.amount = round_money(self.amount * rate)
        return self

    def times(self, qty, discount_pct):
        self.amount = round_money(self.amount * qty * (100 - discount_pct) / 100)
        return self
