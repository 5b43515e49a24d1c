"""Line prices, coupons, shipping and VAT for one order.

Everything is in the order's currency. List prices are converted per unit,
the way the old web shop showed them, and rounded before they are
multiplied.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_DOWN

from .catalogue import PRODUCTS, Coupon, Market
from .money import Money
from .values import Percentage, Quantity

FOOD = ("coffee", "tea")


@dataclass(frozen=True)
class PricingContext:
    """Where the order goes and what the customer chose: the same for every line."""

    market: Market
    partner: bool
    coupon: Coupon
    express: bool


@dataclass
class Totals:
    """Running totals while an order is priced."""

    goods: Money
    coupon: Money
    shipping: Money
    vat: Money


def volume_discount(category, quantity, partner):
    """Percent off a line for buying in bulk; partners get 5 more on coffee and tea."""
    pct = 0
    if category in FOOD:
        if quantity.units >= 25:
            pct = 10
        elif quantity.units >= 10:
            pct = 5
        if partner:
            pct = pct + 5
    elif category == "sundries" and quantity.units >= 50:
        pct = 8
    return Percentage.of_number(pct)


def price_line(sku, qty, context):
    """One order line, priced in the order's currency."""
    if sku not in PRODUCTS:
        raise ValueError(f"unknown product {sku!r}")
    quantity = Quantity(qty)
    name, category, list_price = PRODUCTS[sku]
    market = context.market
    unit_price = market.convert(list_price)
    volume = volume_discount(category, quantity, context.partner)
    net = volume.taken_off(unit_price * quantity.units).rounded()
    vat_rate = market.vat
    if category in FOOD:
        vat_rate = market.food_vat
    return {
        "sku": sku,
        "name": name,
        "category": category,
        "quantity": quantity,
        "unit_price": unit_price,
        "volume": volume,
        "net": net,
        "coupon": Money.zero(market.currency),
        "vat_rate": vat_rate,
    }


def apply_coupon(lines, goods, context):
    """Take the coupon off the lines it is valid for; returns (total, note)."""
    coupon = context.coupon
    discount = Money.zero(context.market.currency)
    if goods.amount < coupon.minimum:
        minimum = Money(coupon.minimum, goods.currency).display()
        return discount, f"{coupon.code} needs goods of {minimum} or more"
    for line in lines:
        if coupon.category is None or line["category"] == coupon.category:
            # half a cent of a coupon stays with us: the old float code rounded
            # the negative amount half up, towards zero
            share = coupon.percent.of(line["net"])
            line["coupon"] = -share.rounded(rounding=ROUND_HALF_DOWN)
            discount = discount + line["coupon"]
    return discount, ""


def shipping_charge(goods, context):
    """What delivery costs, and how to describe it; returns (charge, note)."""
    market = context.market
    if context.express:
        return market.express, "express"
    if context.coupon.code == "FREESHIP":
        return Money.zero(market.currency), "FREESHIP"
    if goods >= market.free_from:
        return Money.zero(market.currency), f"free from {market.free_from.display()}"
    return market.shipping, "standard"


def vat_bands(lines, shipping, market):
    """[(rate, base, tax)] per VAT rate, lowest rate first.

    Shipping is taxed at the standard rate.
    """
    zero = Money.zero(market.currency)
    bases = {}
    for line in lines:
        rate = line["vat_rate"]
        bases[rate] = bases.get(rate, zero) + line["net"] + line["coupon"]
    if shipping.amount:
        bases[market.vat] = bases.get(market.vat, zero) + shipping
    return [
        (rate, bases[rate], rate.of(bases[rate]).rounded())
        for rate in sorted(bases)
    ]
