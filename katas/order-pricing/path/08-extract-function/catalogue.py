"""The price list, the markets we deliver to and the coupon codes.

List prices are in EUR, without VAT, per unit as sold (a bag, a case, a
piece). The buying team updates them from their spreadsheet every quarter.
"""

from dataclasses import dataclass
from decimal import Decimal

from .money import CENT, Money
from .values import Percentage

NO_DISCOUNT = Percentage(Decimal(0))
PARTNER_BONUS = Percentage(Decimal(5))  # on food, on top of any volume discount


@dataclass(frozen=True)
class Category:
    name: str
    food: bool = False  # reduced VAT, and the partner bonus
    breaks: tuple = ()  # (least units, discount), largest first

    def volume_discount(self, quantity, partner):
        """Percent off a line for buying in bulk; partners add their bonus on food."""
        earned = next((off for least, off in self.breaks if quantity.units >= least), NO_DISCOUNT)
        if partner and self.food:
            return earned + PARTNER_BONUS
        return earned


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    category: Category
    list_price: Money  # EUR


@dataclass(frozen=True)
class Market:
    """A region we deliver to; amounts are in its currency."""

    code: str
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

    def vat_rate(self, category):
        return self.food_vat if category.food else self.vat


@dataclass(frozen=True)
class Coupon:
    code: str
    percent: Percentage
    category: Category | None = None  # only lines of this category; None: every line
    minimum: Decimal = Decimal(0)  # goods needed before the coupon counts, in any currency
    free_shipping: bool = False

    def applies_to(self, product):
        return self.category is None or product.category == self.category

    def describe(self):
        if self.free_shipping:
            return "free shipping"
        if self.category is None:
            return f"{self.percent} off"
        return f"{self.percent} off {self.category.name}"


def eur(amount):
    return Money.of(amount, "EUR")


def pct(value):
    return Percentage.of_number(value)


BULK_FOOD = ((25, pct(10)), (10, pct(5)))
COFFEE = Category("coffee", food=True, breaks=BULK_FOOD)
TEA = Category("tea", food=True, breaks=BULK_FOOD)
SUNDRIES = Category("sundries", breaks=((50, pct(8)),))
EQUIPMENT = Category("equipment")

PRODUCTS = {
    product.sku: product
    for product in (
        Product("GUJI-1KG", "Ethiopia Guji, whole bean 1kg", COFFEE, eur("24.80")),
        Product("CERRADO-1KG", "Brazil Cerrado, whole bean 1kg", COFFEE, eur("17.45")),
        Product("DECAF-500", "Colombia decaf 500g", COFFEE, eur("11.90")),
        Product("ASSAM-500", "Assam breakfast tea 500g", TEA, eur("14.35")),
        Product("SENCHA-250", "Sencha green tea 250g", TEA, eur("9.65")),
        Product("CUP-8OZ", "Paper cups 8oz, case of 1000", SUNDRIES, eur("42.00")),
        Product("LID-8OZ", "Sip lids 8oz, case of 1000", SUNDRIES, eur("18.75")),
        Product("STIR-1000", "Birch stirrers, box of 1000", SUNDRIES, eur("6.25")),
        Product("TAMPER-58", "Steel tamper 58mm", EQUIPMENT, eur("37.50")),
        Product("GRINDER-64", "Flat burr grinder 64mm", EQUIPMENT, eur("1249.00")),
    )
}

MARKETS = {
    "DE": Market(
        "DE", "EUR", Decimal("1"), pct("19"), pct("7"),
        eur("6.90"), eur("150.00"), eur("12.50"),
    ),
    "FR": Market(
        "FR", "EUR", Decimal("1"), pct("20"), pct("5.5"),
        eur("8.50"), eur("200.00"), eur("14.00"),
    ),
    "NL": Market(
        "NL", "EUR", Decimal("1"), pct("21"), pct("9"),
        eur("7.25"), eur("150.00"), eur("12.50"),
    ),
    "CH": Market(
        "CH", "CHF", Decimal("0.94"), pct("8.1"), pct("2.6"),
        Money.of("14.00", "CHF"), Money.of("250.00", "CHF"), Money.of("21.00", "CHF"),
        cash_step=Decimal("0.05"),  # Swiss francs are paid in steps of 5 centimes
    ),
    "UK": Market(
        "UK", "GBP", Decimal("0.855"), pct("20"), pct("0"),
        Money.of("9.95", "GBP"), Money.of("180.00", "GBP"), Money.of("16.50", "GBP"),
    ),
}

NO_COUPON = Coupon("", pct(0))  # prices like any coupon, and takes nothing off

COUPONS = {
    "WELCOME10": Coupon("WELCOME10", pct(10), minimum=Decimal("100.00")),
    "BEANS15": Coupon("BEANS15", pct(15), category=COFFEE),
    "FREESHIP": Coupon("FREESHIP", pct(0), free_shipping=True),
}
