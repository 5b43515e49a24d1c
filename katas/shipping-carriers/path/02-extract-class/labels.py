"""The label printed at the pack bench, with the carrier's tracking reference."""

from .limits import locker_size, require_acceptance
from .parcels import show_weight

PALLET_GRAMS = 250000  # what Haulmark puts on one pallet


def albion_check_digit(serial):
    """Albion Post's check digit: weights 3 and 1 alternating, modulo 10."""
    total = 0
    for position, digit in enumerate(serial):
        weight = 3 if position % 2 == 0 else 1
        total += int(digit) * weight
    return (10 - total % 10) % 10


def tracking_reference(carrier, order, parcel):
    if carrier == "ALB":
        serial = f"{order.number:08d}"
        return f"AP{serial}{albion_check_digit(serial)}GB"
    if carrier == "SWL":
        return f"SWL-{order.zone}-{order.number:07d}"
    if carrier == "HMF":
        pallets = (parcel.weight_g + PALLET_GRAMS - 1) // PALLET_GRAMS
        return f"HM{order.number:06d}/{pallets}"
    return f"BX{locker_size(parcel)}{order.number:06d}"


def shipping_label(carrier, order, parcel):
    """The label text, one line per printed line."""
    require_acceptance(carrier, parcel, order.zone)
    if carrier == "ALB":
        header = "ALBION POST  Tracked 48"
    elif carrier == "SWL":
        header = "SWIFTLINE  Next Day"
    elif carrier == "HMF":
        header = "HAULMARK FREIGHT  Pallet"
    else:
        header = "BOXHOP  Locker"
    lines = [
        header,
        f"Ref: {tracking_reference(carrier, order, parcel)}",
        f"To:  {order.name[:24]}",
        f"     {order.postcode.upper()}",
        f"Weight: {show_weight(parcel.weight_g)}",
    ]
    if parcel.dangerous:
        if carrier == "HMF":
            lines.append("ADR: SEE CONSIGNMENT NOTE")
        else:
            lines.append("LIMITED QUANTITY")
    if parcel.weight_g > 25000 and carrier != "HMF":
        lines.append("HEAVY: TWO-PERSON LIFT")
    return "\n".join(lines)
