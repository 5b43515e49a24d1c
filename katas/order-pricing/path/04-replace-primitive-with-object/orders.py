"""Pricing an order from the web shop or a sales rep's tablet.

An order arrives as a dict:

    {"ref": "LF-24-0117", "account": "C-1042", "region": "DE",
     "partner": False, "coupon": "WELCOME10", "express": False,
     "lines": [("GUJI-1KG", 12), ("CUP-8OZ", 2)]}
"""

from decimal import Decimal

from .catalogue import COUPONS, REGIONS
from .money import Money
from .pricing import (
    PricingContext,
    Totals,
    apply_coupon,
    price_line,
    shipping_charge,
    vat_bands,
)


def price_order(order):
    """The priced order for the web shop; amounts as text with two decimals."""
    region = order["region"]
    if region not in REGIONS:
        raise ValueError(f"we do not deliver to {region!r}")
    if not order["lines"]:
        raise ValueError("an order needs at least one line")
    partner = order.get("partner")
    coupon = (order.get("coupon") or "").strip().upper()
    if coupon not in COUPONS:
        raise ValueError(f"unknown coupon {coupon!r}")
    if coupon and partner:
        raise ValueError("coupons cannot be used on partner accounts")
    market = REGIONS[region]
    currency = market.currency
    context = PricingContext(market, partner, COUPONS[coupon], order.get("express"))

    zero = Money.zero(currency)
    totals = Totals(zero, zero, zero, zero)
    lines = []
    for sku, qty in order["lines"]:
        line = price_line(sku, qty, context)
        totals.goods = totals.goods + line["net"]
        lines.append(line)
    totals.coupon, note = apply_coupon(lines, totals.goods, context)
    totals.shipping, shipping_note = shipping_charge(totals.goods, context)
    bands = vat_bands(lines, totals.shipping, market)
    for band in bands:
        totals.vat = totals.vat + band[2]
    total = totals.goods + totals.coupon + totals.shipping + totals.vat
    payable = total.rounded(market.cash_step)

    priced = {
        "ref": order["ref"],
        "account": order["account"],
        "region": region,
        "currency": currency,
        "lines": [],
        "goods": str(totals.goods),
        "coupon": None,
        "shipping": str(totals.shipping),
        "shipping_note": shipping_note,
        "vat": [],
        "rounding": str(payable - total),
        "total": str(payable),
    }
    for line in lines:
        priced["lines"].append({
            "sku": line["sku"],
            "name": line["name"],
            "qty": line["quantity"].units,
            "unit_price": str(line["unit_price"]),
            "volume_discount": str(line["volume"]),
            "net": str(line["net"]),
            "coupon": str(line["coupon"]),
        })
    if coupon:
        priced["coupon"] = {"code": coupon, "discount": str(totals.coupon), "note": note}
    for rate, base, tax in bands:
        priced["vat"].append({"rate": str(rate), "base": str(base), "tax": str(tax)})
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
        if entry.code == "FREESHIP":
            what = "free shipping"
        elif entry.category:
            what = f"{entry.percent} off {entry.category}"
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
