"""Line prices, coupons, shipping and VAT for one order.

Everything is in the order's currency. List prices are converted per unit,
the way the old web shop showed them, and rounded before they are
multiplied.
"""

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_DOWN, Decimal

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


@dataclass(frozen=True)
class PricedLine:
    sku: str
    name: str
    category: str
    quantity: Quantity
    unit_price: Money
    volume: Percentage  # volume and partner discount
    net: Money
    vat_rate: Percentage
    coupon: Money  # the coupon's share, negative; zero where it does not count


@dataclass(frozen=True)
class VatBand:
    rate: Percentage
    base: Money
    tax: Money


@dataclass(frozen=True)
class PricedOrder:
    currency: str
    lines: tuple
    coupon_note: str
    shipping: Money
    shipping_note: str
    vat: tuple
    cash_step: Decimal

    def goods(self):
        return sum((line.net for line in self.lines), Money.zero(self.currency))

    def discount(self):
        return sum((line.coupon for line in self.lines), Money.zero(self.currency))

    def total(self):
        vat = sum((band.tax for band in self.vat), Money.zero(self.currency))
        return self.goods() + self.discount() + self.shipping + vat

    def payable(self):
        return self.total().rounded(self.cash_step)


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
    """One order line, priced in the order's currency, before any coupon."""
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
    zero = Money.zero(market.currency)
    return PricedLine(sku, name, category, quantity, unit_price, volume, net, vat_rate, zero)


def apply_coupon(lines, goods, context):
    """The lines with the coupon taken off where it counts; returns (lines, note)."""
    coupon = context.coupon
    if goods.amount < coupon.minimum:
        minimum = Money(coupon.minimum, goods.currency).display()
        return lines, f"{coupon.code} needs goods of {minimum} or more"
    return tuple(with_coupon(line, coupon) for line in lines), ""


def with_coupon(line, coupon):
    if coupon.category is not None and line.category != coupon.category:
        return line
    # half a cent of a coupon stays with us: the old float code rounded the
    # negative amount half up, towards zero
    share = coupon.percent.of(line.net).rounded(rounding=ROUND_HALF_DOWN)
    return replace(line, coupon=-share)


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
    """One band per VAT rate, lowest rate first; shipping is taxed at the standard rate."""
    zero = Money.zero(market.currency)
    bases = {}
    for line in lines:
        bases[line.vat_rate] = bases.get(line.vat_rate, zero) + line.net + line.coupon
    if shipping.amount:
        bases[market.vat] = bases.get(market.vat, zero) + shipping
    return tuple(VatBand(rate, bases[rate], rate.of(bases[rate]).rounded()) for rate in sorted(bases))


def price_lines(order_lines, context):
    """Every line priced, the coupon taken off, shipping and VAT worked out."""
    lines = tuple(price_line(sku, qty, context) for sku, qty in order_lines)
    market = context.market
    goods = sum((line.net for line in lines), Money.zero(market.currency))
    lines, coupon_note = apply_coupon(lines, goods, context)
    shipping, shipping_note = shipping_charge(goods, context)
    vat = vat_bands(lines, shipping, market)
    return PricedOrder(
        market.currency, lines, coupon_note, shipping, shipping_note, vat, market.cash_step
    )
