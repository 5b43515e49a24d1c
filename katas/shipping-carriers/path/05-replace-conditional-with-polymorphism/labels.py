"""The label printed at the pack bench, with the carrier's tracking reference."""

from .carriers import carrier_for
from .limits import require_acceptance
from .parcels import show_weight

HEAVY_GRAMS = 25000  # heavier than this takes two people to lift


def shipping_label(carrier, order, parcel):
    """The label text, one line per printed line."""
    require_acceptance(carrier, parcel, order.zone)
    chosen = carrier_for(carrier)
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
