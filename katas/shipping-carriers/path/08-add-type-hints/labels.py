"""The label printed at the pack bench, with the carrier's tracking reference."""

from .limits import accepting_carrier
from .parcels import Order, Parcel, show_weight

HEAVY_GRAMS = 25000  # heavier than this takes two people to lift


def shipping_label(carrier: str, order: Order, parcel: Parcel) -> str:
    """The label text, one line per printed line."""
    chosen = accepting_carrier(carrier, parcel, order.zone)
    lines = [
        f"{chosen.name.upper()}  {chosen.service}",
        f"Ref: {chosen.tracking_reference(order, parcel)}",
        f"To:  {order.name[:24]}",
        f"     {order.postcode.upper()}",
        f"Weight: {show_weight(parcel.weight_g)}",
    ]
    if parcel.dangerous:
        lines.append(chosen.dangerous_goods_mark)
    if parcel.weight_g > HEAVY_GRAMS and chosen.marks_heavy_parcels:
        lines.append("HEAVY: TWO-PERSON LIFT")
    return "\n".join(lines)
