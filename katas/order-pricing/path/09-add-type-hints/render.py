"""How a priced order is shown: as data for the web shop, as text for the customer."""

from .money import CENT, Money
from .pricing import PricedLine, PricedOrder

LABEL_WIDTH = 56


def as_data(priced: PricedOrder) -> dict[str, object]:
    """The web shop's view: every amount as text with two decimals."""
    order = priced.order
    market = order.context.market
    return {
        "ref": order.ref,
        "account": order.account,
        "region": market.code,
        "currency": market.currency,
        "lines": [line_data(line) for line in priced.lines],
        "goods": str(priced.goods()),
        "coupon": coupon_data(priced) if order.context.coupon.code else None,
        "shipping": str(priced.shipping),
        "shipping_note": priced.shipping_note,
        "vat": [
            {"rate": str(band.rate), "base": str(band.base), "tax": str(band.tax)}
            for band in priced.vat
        ],
        "rounding": str(priced.rounding()),
        "total": str(priced.payable()),
    }


def line_data(priced_line: PricedLine) -> dict[str, object]:
    product = priced_line.line.product
    return {
        "sku": product.sku,
        "name": product.name,
        "qty": priced_line.line.quantity.units,
        "unit_price": str(priced_line.unit_price),
        "volume_discount": str(priced_line.volume),
        "net": str(priced_line.net),
        "coupon": str(priced_line.coupon),
    }


def coupon_data(priced: PricedOrder) -> dict[str, object]:
    return {
        "code": priced.order.context.coupon.code,
        "discount": str(priced.discount()),
        "note": priced.coupon_note,
    }


def confirmation(priced: PricedOrder) -> str:
    """The confirmation the customer gets by e-mail."""
    order = priced.order
    market = order.context.market
    return "\n".join(
        [
            f"Larkspur & Finch - order {order.ref} for {order.account}"
            f" ({market.code}, {market.currency})",
            *(line_row(line) for line in priced.lines),
            row("Goods", priced.goods()),
            *coupon_rows(priced),
            row(f"Shipping ({priced.shipping_note})", priced.shipping),
            *(row(f"VAT {band.rate} on {band.base.display()}", band.tax) for band in priced.vat),
            *rounding_rows(priced),
            row("Total", priced.payable()),
        ]
    )


def line_row(priced_line: PricedLine) -> str:
    line = priced_line.line
    volume = f"-{priced_line.volume}" if priced_line.volume.value else ""
    return (
        f"{line.quantity.units:>5} x {line.product.name:<31}"
        f" @ {priced_line.unit_price.display():>11} {volume:>4}{priced_line.net.display():>15}"
    )


def row(label: str, amount: Money) -> str:
    return f"  {label:<{LABEL_WIDTH}}{amount.display():>15}"


def coupon_rows(priced: PricedOrder) -> list[str]:
    coupon = priced.order.context.coupon
    if not coupon.code:
        return []
    if priced.coupon_note:
        return [f"  Coupon {coupon.code} not applied: {priced.coupon_note}"]
    return [row(f"Coupon {coupon.code} ({coupon.describe()})", priced.discount())]


def rounding_rows(priced: PricedOrder) -> list[str]:
    step = priced.order.context.market.cash_step
    if step == CENT:
        return []
    return [row(f"Rounding to {step}", priced.rounding())]
