"""Line prices, coupons, shipping and VAT for one order.

Everything is in the order's currency. List prices are converted per unit,
the way the old web shop showed them, and rounded before they are
multiplied.
"""

from dataclasses import dataclass

from .catalogue import PRODUCTS, Coupon, Market
from .money import Price, fmt, round_money

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

    goods: float = 0.0
    coupon: float = 0.0
    shipping: float = 0.0
    vat: float = 0.0


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
    unit = Price(list_price).convert(market.rate)
    unit_price = unit.amount
    pct = volume_discount(category, qty, context.partner)
    net = unit.times(qty, pct).amount
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
        "coupon": 0.0,
        "vat_rate": vat_rate,
    }


def apply_coupon(lines, goods, context):
    """Take the coupon off the lines it is valid for; returns (total, note)."""
    coupon = context.coupon
    if goods < coupon.minimum:
        minimum = fmt(coupon.minimum, context.market.currency)
        return 0.0, f"{coupon.code} needs goods of {minimum} or more"
    discount = 0.0
    for line in lines:
        if coupon.category is None or line["category"] == coupon.category:
            # discounts are negative, like on the ledger
            line["coupon"] = round_money(-line["net"] * coupon.percent / 100)
            discount = round_money(discount + line["coupon"])
    return discount, ""


def shipping_charge(goods, context):
    """What delivery costs, and how to describe it; returns (charge, note)."""
    market = context.market
    if context.express:
        return market.express, "express"
    if context.coupon.code == "FREESHIP":
        return 0.0, "FREESHIP"
    if goods >= market.free_from:
        return 0.0, f"free from {fmt(market.free_from, market.currency)}"
    return market.shipping, "standard"


def vat_bands(lines, shipping, market):
    """[(rate, base, tax)] per VAT rate, lowest rate first.

    Shipping is taxed at the standard rate.
    """
    bases = {}
    for line in lines:
        rate = line["vat_rate"]
        bases[rate] = bases.get(rate, 0.0) + line["net"] + line["coupon"]
    if shipping:
        bases[market.vat] = bases.get(market.vat, 0.0) + shipping
    return [(rate, bases[rate], round_money(bases[rate] * rate)) for rate in sorted(bases)]
