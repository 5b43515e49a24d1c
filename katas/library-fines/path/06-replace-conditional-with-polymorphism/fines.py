"""What a member owes when an item comes back late, damaged or lost.

Rules agreed with the library board, April 2019 (see the fines leaflet).
"""

from typing import NamedTuple

from .members import card_tier
from .policies import policy_for

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
    return policy_for(kind).overdue_fine(days_late)


def is_billed_as_lost(kind, days_late):
    """Long overdue items are billed as lost; the fine is dropped then."""
    return days_late > policy_for(kind).lost_after_days


def replacement_cost(kind, list_price):
    return policy_for(kind).replacement_cost(list_price)


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
    reading_material = policy_for(kind).reading_material
    return Charge(card.overdue_share(fine, reading_material), damage, 0)


def damage_charge(kind, list_price):
    return policy_for(kind).damage_charge(list_price)
