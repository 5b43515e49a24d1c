"""Line prices, coupons, shipping and VAT for one order.

Everything is in the order's currency. List prices are converted per unit,
the way the old web shop showed them, and rounded before they are
multiplied.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_DOWN, Decimal

from .catalogue import PRODUCTS, Coupon, Market
from .money import Money

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


def volume_discount(category, qty, partner):
    """Percent off a line for buying in bulk; partners get 5 more on coffee and tea."""
    pct = 0
    if category in FOOD:
        if qty >= 25:
            pct = 10
        elif qty >= 10:
            pct = 5
        if partner:
            pct = pct + 5
    elif category == "sundries" and qty >= 50:
        pct = 8
    return pct


def price_line(sku, qty, context):
    """One order line, priced in the order's currency."""
    if sku not in PRODUCTS:
        raise ValueError(f"unknown product {sku!r}")
    if qty < 1 or qty > 999:
        raise ValueError(f"quantity must be between 1 and 999, not {qty}")
    name, category, list_price = PRODUCTS[sku]
    market = context.market
    unit_price = market.convert(list_price)
    pct = volume_discount(category, qty, context.partner)
    net = (unit_price * qty * (Decimal(100 - pct) / 100)).rounded()
    vat_rate = market.vat
    if category in FOOD:
        vat_rate = market.food_vat
    return {
        "sku": sku,
        "name": name,
        "category": category,
        "qty": qty,
        "unit_price": unit_price,
        "pct": pct,
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
            share = line["net"] * (Decimal(coupon.percent) / 100)
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
    """[(rate, base, tax)] per VAT rate in percent, lowest rate first.

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
        (rate, bases[rate], (bases[rate] * (rate / 100)).rounded())
        for rate in sorted(bases)
    ]
