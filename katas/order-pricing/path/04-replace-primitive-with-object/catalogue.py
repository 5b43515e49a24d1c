"""The price list, the markets we deliver to and the coupon codes.

List prices are in EUR, without VAT, per unit as sold (a bag, a case, a
piece). The buying team updates them from their spreadsheet every quarter.
"""

from dataclasses import dataclass
from decimal import Decimal

from .money import CENT, Money
from .values import Percentage


@dataclass(frozen=True)
class Market:
    """A region we deliver to; amounts are in its currency."""

    currency: str
    rate: Decimal  # from EUR
    vat: Percentage
    food_vat: Percentage
    shipping: Money
    free_from: Money  # shipping is free on goods from this amount
    express: Money
    cash_step: Decimal = CENT  # what the total is rounded to

    def convert(self, price):
        """A EUR list price in this market's currency, rounded to cents."""
        return Money(price.amount * self.rate, self.currency).rounded()


@dataclass(frozen=True)
class Coupon:
    code: str
    percent: Percentage
    category: str | None  # only lines of this category; None: every line
    minimum: Decimal  # goods needed before the coupon counts, in any currency


def eur(amount):
    return Money.of(amount, "EUR")


def pct(value):
    return Percentage.of_number(value)


# sku: (description, category, list price in EUR)
PRODUCTS = {
    "GUJI-1KG": ("Ethiopia Guji, whole bean 1kg", "coffee", eur("24.80")),
    "CERRADO-1KG": ("Brazil Cerrado, whole bean 1kg", "coffee", eur("17.45")),
    "DECAF-500": ("Colombia decaf 500g", "coffee", eur("11.90")),
    "ASSAM-500": ("Assam breakfast tea 500g", "tea", eur("14.35")),
    "SENCHA-250": ("Sencha green tea 250g", "tea", eur("9.65")),
    "CUP-8OZ": ("Paper cups 8oz, case of 1000", "sundries", eur("42.00")),
    "LID-8OZ": ("Sip lids 8oz, case of 1000", "sundries", eur("18.75")),
    "STIR-1000": ("Birch stirrers, box of 1000", "sundries", eur("6.25")),
    "TAMPER-58": ("Steel tamper 58mm", "equipment", eur("37.50")),
    "GRINDER-64": ("Flat burr grinder 64mm", "equipment", eur("1249.00")),
}

REGIONS = {
    "DE": Market(
        "EUR", Decimal("1"), pct("19"), pct("7"),
        eur("6.90"), eur("150.00"), eur("12.50"),
    ),
    "FR": Market(
        "EUR", Decimal("1"), pct("20"), pct("5.5"),
        eur("8.50"), eur("200.00"), eur("14.00"),
    ),
    "NL": Market(
        "EUR", Decimal("1"), pct("21"), pct("9"),
        eur("7.25"), eur("150.00"), eur("12.50"),
    ),
    "CH": Market(
        "CHF", Decimal("0.94"), pct("8.1"), pct("2.6"),
        Money.of("14.00", "CHF"), Money.of("250.00", "CHF"), Money.of("21.00", "CHF"),
        cash_step=Decimal("0.05"),  # Swiss francs are paid in steps of 5 centimes
    ),
    "UK": Market(
        "GBP", Decimal("0.855"), pct("20"), pct("0"),
        Money.of("9.95", "GBP"), Money.of("180.00", "GBP"), Money.of("16.50", "GBP"),
    ),
}

COUPONS = {
    "": Coupon("", pct(0), None, Decimal("0")),  # no coupon
    "WELCOME10": Coupon("WELCOME10", pct(10), None, Decimal("100.00")),
    "BEANS15": Coupon("BEANS15", pct(15), "coffee", Decimal("0")),
    "FREESHIP": Coupon("FREESHIP", pct(0), None, Decimal("0")),
}
