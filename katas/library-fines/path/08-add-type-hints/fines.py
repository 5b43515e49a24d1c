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
    def total(self) -> int:
        return self.overdue + self.damage + self.replacement


def check_return(days_late: int, condition: str, list_price: int) -> None:
    """Refuse what the desk terminals should never have sent."""
    if days_late < 0:
        raise ValueError("days_late cannot be negative")
    if list_price < 0:
        raise ValueError("list_price cannot be negative")
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}")


def assess_return(
    kind: str, tier: str, days_late: int, condition: str, list_price: int
) -> Charge:
    """The charge for one returned (or lost) item, in cents."""
    card = card_tier(tier)
    check_return(days_late, condition, list_price)
    policy = policy_for(kind)
    if condition == "LOST" or days_late > policy.lost_after_days:
        return Charge(0, 0, policy.replacement_cost(list_price))
    fine = policy.overdue_fine(days_late)
    overdue = card.overdue_share(fine, policy.reading_material)
    damage = policy.damage_charge(list_price) if condition == "DAMAGED" else 0
    return Charge(overdue, damage, 0)
