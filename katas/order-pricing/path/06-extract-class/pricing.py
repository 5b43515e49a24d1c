"""Line prices, coupons, shipping and VAT for one order.

Everything is in the order's currency. List prices are converted per unit,
the way the old web shop showed them, and rounded before they are
multiplied.
"""

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_DOWN

from .money import Money
from .order import Order, OrderLine
from .values import Percentage


@dataclass(frozen=True)
class PricedLine:
    line: OrderLine
    unit_price: Money
    volume: Percentage  # volume and partner discount
    net: Money
    coupon: Money  # the coupon's share, negative; zero where it does not count


@dataclass(frozen=True)
class VatBand:
    rate: Percentage
    base: Money
    tax: Money


@dataclass(frozen=True)
class PricedOrder:
    order: Order
    lines: tuple
    coupon_note: str
    shipping: Money
    shipping_note: str
    vat: tuple

    def goods(self):
        return self._sum(line.net for line in self.lines)

    def discount(self):
        return self._sum(line.coupon for line in self.lines)

    def total(self):
        vat = self._sum(band.tax for band in self.vat)
        return self.goods() + self.discount() + self.shipping + vat

    def payable(self):
        return self.total().rounded(self.order.context.market.cash_step)

    def _sum(self, amounts):
        return sum(amounts, Money.zero(self.order.context.market.currency))


def price_line(line, context):
    """One order line, priced in the order's currency, before any coupon."""
    unit_price = context.market.convert(line.product.list_price)
    volume = line.product.category.volume_discount(line.quantity, context.partner)
    net = volume.taken_off(unit_price * line.quantity.units).rounded()
    return PricedLine(line, unit_price, volume, net, Money.zero(context.market.currency))


def apply_coupon(lines, goods, coupon):
    """The lines with the coupon taken off where it counts; returns (lines, note)."""
    if goods.amount < coupon.minimum:
        minimum = Money(coupon.minimum, goods.currency).display()
        return lines, f"{coupon.code} needs goods of {minimum} or more"
    return tuple(with_coupon(line, coupon) for line in lines), ""


def with_coupon(line, coupon):
    if not coupon.applies_to(line.line.product):
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
    if context.coupon.free_shipping:
        return Money.zero(market.currency), context.coupon.code
    if goods >= market.free_from:
        return Money.zero(market.currency), f"free from {market.free_from.display()}"
    return market.shipping, "standard"


def vat_bands(lines, shipping, market):
    """One band per VAT rate, lowest rate first; shipping is taxed at the standard rate."""
    zero = Money.zero(market.currency)
    bases = {}
    for line in lines:
        rate = market.vat_rate(line.line.product.category)
        bases[rate] = bases.get(rate, zero) + line.net + line.coupon
    if shipping.amount:
        bases[market.vat] = bases.get(market.vat, zero) + shipping
    return tuple(VatBand(rate, bases[rate], rate.of(bases[rate]).rounded()) for rate in sorted(bases))


def price(order):
    """Every line priced, the coupon taken off, shipping and VAT worked out."""
    context = order.context
    lines = tuple(price_line(line, context) for line in order.lines)
    goods = sum((line.net for line in lines), Money.zero(context.market.currency))
    lines, coupon_note = apply_coupon(lines, goods, context.coupon)
    shipping, shipping_note = shipping_charge(goods, context)
    vat = vat_bands(lines, shipping, context.market)
    return PricedOrder(order, lines, coupon_note, shipping, shipping_note, vat)
