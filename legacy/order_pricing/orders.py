"""Pricing an order from the web shop or a sales rep's tablet.

An order arrives as a dict:

    {"ref": "LF-24-0117", "account": "C-1042", "region": "DE",
     "partner": False, "coupon": "WELCOME10", "express": False,
     "lines": [("GUJI-1KG", 12), ("CUP-8OZ", 2)]}
"""

from .catalogue import COUPONS, REGIONS
from .money import cash_round, fmt, round_money
from .pricing import Totals, apply_coupon, price_line, shipping_charge, vat_bands


def price_order(order):
    """The priced order for the web shop; amounts as text with two decimals."""
    region = order["region"]
    if region not in REGIONS:
        raise ValueError(f"we do not deliver to {region!r}")
    if not order["lines"]:
        raise ValueError("an order needs at least one line")
    currency, rate, vat, vat_food, ship_fee, free_from, express_fee = REGIONS[region]
    partner = order.get("partner")
    coupon = (order.get("coupon") or "").strip().upper()
    if coupon not in COUPONS:
        raise ValueError(f"unknown coupon {coupon!r}")
    if coupon and partner:
        raise ValueError("coupons cannot be used on partner accounts")
    coupon_pct, coupon_category, minimum = COUPONS[coupon]

    totals = Totals()
    lines = []
    for sku, qty in order["lines"]:
        line = price_line(sku, qty, rate, partner, vat, vat_food)
        totals.goods = round_money(totals.goods + line["net"])
        lines.append(line)
    totals.coupon, note = apply_coupon(
        lines, totals.goods, coupon, coupon_pct, coupon_category, minimum, currency
    )
    totals.shipping, shipping_note = shipping_charge(
        totals.goods, coupon, order.get("express"), ship_fee, free_from,
        express_fee, currency,
    )
    bands = vat_bands(lines, totals.shipping, vat)
    for band in bands:
        totals.vat = round_money(totals.vat + band[2])
    total = round_money(totals.goods + totals.coupon + totals.shipping + totals.vat)
    payable = cash_round(total, currency)

    priced = {
        "ref": order["ref"],
        "account": order["account"],
        "region": region,
        "currency": currency,
        "lines": [],
        "goods": f"{totals.goods:.2f}",
        "coupon": None,
        "shipping": f"{totals.shipping:.2f}",
        "shipping_note": shipping_note,
        "vat": [],
        "rounding": f"{round_money(payable - total):.2f}",
        "total": f"{payable:.2f}",
    }
    for line in lines:
        priced["lines"].append({
            "sku": line["sku"],
            "name": line["name"],
            "qty": line["qty"],
            "unit_price": f"{line['unit_price']:.2f}",
            "volume_discount": f"{line['pct']}%",
            "net": f"{line['net']:.2f}",
            "coupon": f"{line['coupon']:.2f}",
        })
    if coupon:
        priced["coupon"] = {"code": coupon, "discount": f"{totals.coupon:.2f}", "note": note}
    for rate, base, tax in bands:
        priced["vat"].append({"rate": f"{rate * 100:g}%", "base": f"{base:.2f}", "tax": f"{tax:.2f}"})
    return priced


def order_confirmation(order):
    """The confirmation the customer gets by e-mail, as plain text."""
    priced = price_order(order)
    cur = priced["currency"]
    out = [
        f"Larkspur & Finch - order {priced['ref']} for {priced['account']} "
        f"({priced['region']}, {cur})"
    ]
    for line in priced["lines"]:
        pct = line["volume_discount"]
        pct = "" if pct == "0%" else "-" + pct
        unit = fmt(float(line["unit_price"]), cur)
        net = fmt(float(line["net"]), cur)
        out.append(f"{line['qty']:>5} x {line['name']:<31} @ {unit:>11} {pct:>4}{net:>15}")
    out.append(f"  {'Goods':<56}{fmt(float(priced['goods']), cur):>15}")

    coupon = priced["coupon"]
    if coupon and coupon["note"]:
        out.append(f"  Coupon {coupon['code']} not applied: {coupon['note']}")
    elif coupon:
        pct, category, minimum = COUPONS[coupon["code"]]
        if coupon["code"] == "FREESHIP":
            what = "free shipping"
        elif category:
            what = f"{pct}% off {category}"
        else:
            what = f"{pct}% off"
        label = f"Coupon {coupon['code']} ({what})"
        out.append(f"  {label:<56}{fmt(float(coupon['discount']), cur):>15}")

    label = f"Shipping ({priced['shipping_note']})"
    out.append(f"  {label:<56}{fmt(float(priced['shipping']), cur):>15}")
    for band in priced["vat"]:
        label = f"VAT {band['rate']} on {fmt(float(band['base']), cur)}"
        out.append(f"  {label:<56}{fmt(float(band['tax']), cur):>15}")
    if cur == "CHF":
        out.append(f"  {'Rounding to 0.05':<56}{fmt(float(priced['rounding']), cur):>15}")
    out.append(f"  {'Total':<56}{fmt(float(priced['total']), cur):>15}")
    return "\n".join(out)
