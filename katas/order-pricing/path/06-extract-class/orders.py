"""Pricing an order from the web shop or a sales rep's tablet.

An order arrives as a dict:

    {"ref": "LF-24-0117", "account": "C-1042", "region": "DE",
     "partner": False, "coupon": "WELCOME10", "express": False,
     "lines": [("GUJI-1KG", 12), ("CUP-8OZ", 2)]}
"""

from decimal import Decimal

from .catalogue import COUPONS, PRODUCTS, REGIONS
from .money import Money
from .order import Order, OrderLine, PricingContext
from .pricing import price
from .values import Quantity


def receive(request):
    """The order in a web shop request, checked in the order the shop expects."""
    region = request["region"]
    if region not in REGIONS:
        raise ValueError(f"we do not deliver to {region!r}")
    if not request["lines"]:
        raise ValueError("an order needs at least one line")
    partner = bool(request.get("partner"))
    coupon = (request.get("coupon") or "").strip().upper()
    if coupon not in COUPONS:
        raise ValueError(f"unknown coupon {coupon!r}")
    if coupon and partner:
        raise ValueError("coupons cannot be used on partner accounts")
    context = PricingContext(REGIONS[region], partner, COUPONS[coupon], bool(request.get("express")))
    order = Order(request["ref"], request["account"], context)
    for sku, qty in request["lines"]:
        if sku not in PRODUCTS:
            raise ValueError(f"unknown product {sku!r}")
        order.add(OrderLine(PRODUCTS[sku], Quantity(qty)))
    return order


def price_order(request):
    """The priced order for the web shop; amounts as text with two decimals."""
    order = receive(request)
    market = order.context.market
    coupon = order.context.coupon
    priced_order = price(order)
    priced = {
        "ref": order.ref,
        "account": order.account,
        "region": request["region"],
        "currency": market.currency,
        "lines": [],
        "goods": str(priced_order.goods()),
        "coupon": None,
        "shipping": str(priced_order.shipping),
        "shipping_note": priced_order.shipping_note,
        "vat": [],
        "rounding": str(priced_order.payable() - priced_order.total()),
        "total": str(priced_order.payable()),
    }
    for line in priced_order.lines:
        priced["lines"].append({
            "sku": line.line.product.sku,
            "name": line.line.product.name,
            "qty": line.line.quantity.units,
            "unit_price": str(line.unit_price),
            "volume_discount": str(line.volume),
            "net": str(line.net),
            "coupon": str(line.coupon),
        })
    if coupon.code:
        priced["coupon"] = {
            "code": coupon.code,
            "discount": str(priced_order.discount()),
            "note": priced_order.coupon_note,
        }
    for band in priced_order.vat:
        priced["vat"].append({"rate": str(band.rate), "base": str(band.base), "tax": str(band.tax)})
    return priced


def order_confirmation(order):
    """The confirmation the customer gets by e-mail, as plain text."""
    priced = price_order(order)
    cur = priced["currency"]

    def fmt(amount):
        return Money(Decimal(amount), cur).display()

    out = [
        f"Larkspur & Finch - order {priced['ref']} for {priced['account']} "
        f"({priced['region']}, {cur})"
    ]
    for line in priced["lines"]:
        pct = line["volume_discount"]
        pct = "" if pct == "0%" else "-" + pct
        unit = fmt(line["unit_price"])
        net = fmt(line["net"])
        out.append(f"{line['qty']:>5} x {line['name']:<31} @ {unit:>11} {pct:>4}{net:>15}")
    out.append(f"  {'Goods':<56}{fmt(priced['goods']):>15}")

    coupon = priced["coupon"]
    if coupon and coupon["note"]:
        out.append(f"  Coupon {coupon['code']} not applied: {coupon['note']}")
    elif coupon:
        entry = COUPONS[coupon["code"]]
        if entry.free_shipping:
            what = "free shipping"
        elif entry.category:
            what = f"{entry.percent} off {entry.category.name}"
        else:
            what = f"{entry.percent} off"
        label = f"Coupon {coupon['code']} ({what})"
        out.append(f"  {label:<56}{fmt(coupon['discount']):>15}")

    label = f"Shipping ({priced['shipping_note']})"
    out.append(f"  {label:<56}{fmt(priced['shipping']):>15}")
    for band in priced["vat"]:
        label = f"VAT {band['rate']} on {fmt(band['base'])}"
        out.append(f"  {label:<56}{fmt(band['tax']):>15}")
    if cur == "CHF":
        out.append(f"  {'Rounding to 0.05':<56}{fmt(priced['rounding']):>15}")
    out.append(f"  {'Total':<56}{fmt(priced['total']):>15}")
    return "\n".join(out)
