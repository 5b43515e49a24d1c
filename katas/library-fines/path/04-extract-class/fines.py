"""What a member owes when an item comes back late, damaged or lost.

Rules agreed with the library board, April 2019 (see the fines leaflet).
"""

from typing import NamedTuple

from .members import card_tier

CONDITIONS = ("GOOD", "DAMAGED", "LOST")


class Charge(NamedTuple):
    overdue: int
    damage: int
    replacement: int

    @property
    def total(self):
        return self.overdue + self.damage + self.replacement


def overdue_fine(kind, days_late):
    """The full overdue fine in cents, before any card discount."""
    if kind == "BK":
        # two days' grace for the after-hours drop box
        if days_late <= 2:
            return 0
        fine = min(days_late * 25, 800)
    elif kind == "DVD":
        fine = min(days_late * 100, 1500)
    elif kind == "MAG":
        # magazines are charged per week, and a started week counts
        weeks = (days_late + 6) // 7
        fine = min(weeks * 50, 150)
    elif kind == "TOOL":
        # no cap on tools: after three weeks they are billed as lost anyway
        fine = days_late * 200
    elif kind == "GAME":
        if days_late <= 1:
            return 0
        fine = min(days_late * 50, 1000)
    else:
        raise ValueError(f"unknown item kind {kind!r}")
    return fine


def is_billed_as_lost(kind, days_late):
    """Long overdue items are billed as lost; the fine is dropped then."""
    if kind == "TOOL":
        limit = 21
    elif kind == "DVD" or kind == "MAG":
        limit = 28
    else:
        limit = 42
    return days_late > limit


def replacement_cost(kind, list_price):
    """Replacement is the list price plus the processing fee for that kind."""
    if kind == "MAG":
        # back issues come from the distributor at a flat price
        return 400
    fee = 200
    if kind == "BK":
        fee = 500
    elif kind == "DVD":
        fee = 300
    elif kind == "TOOL":
        fee = 1000
    return list_price + fee


def check_return(days_late, condition, list_price):
    """Refuse what the desk terminals should never have sent."""
    if days_late < 0:
        raise ValueError("days_late cannot be negative")
    if list_price < 0:
        raise ValueError("list_price cannot be negative")
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}")


def assess_return(kind, tier, days_late, condition, list_price):
    """The charge for one returned (or lost) item, in cents."""
    card = card_tier(tier)
    check_return(days_late, condition, list_price)
    fine = overdue_fine(kind, days_late)
    if condition == "LOST" or is_billed_as_lost(kind, days_late):
        return Charge(0, 0, replacement_cost(kind, list_price))

    damage = 0
    if condition == "DAMAGED":
        damage = damage_charge(kind, list_price)
    reading_material = kind == "BK" or kind == "MAG"
    return Charge(card.overdue_share(fine, reading_material), damage, 0)


def damage_charge(kind, list_price):
    if kind == "BK":
        return list_price // 2
    if kind == "DVD":
        # resurfacing the disc, unless a new copy is cheaper
        return min(list_price, 800)
    if kind == "TOOL":
        # repair assessment, never less than the workshop's call-out fee
        return max(list_price * 30 // 100, 1500)
    if kind == "GAME":
        return 600  # missing pieces, ordered from the publisher
    # magazines wear out anyway: no damage charge
    return 0
