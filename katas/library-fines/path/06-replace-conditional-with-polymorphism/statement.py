"""The printed statement a member gets at the desk."""

from typing import NamedTuple

from .fines import assess_return
from .money import format_cents
from .policies import policy_for


class ReturnedItem(NamedTuple):
    kind: str
    title: str
    days_late: int
    condition: str
    list_price: int


def account_statement(tier, items):
    """One line per item with what it costs, then the total."""
    lines = [f"Kestrel Bay Public Library - {tier.lower()} card"]
    total = 0
    for item in items:
        charge = assess_return(
            item.kind, tier, item.days_late, item.condition, item.list_price
        )
        label = kind_label(item.kind)
        what = describe(item, charge)
        title = item.title if len(item.title) <= 24 else item.title[:23] + "~"
        lines.append(
            f"  {label:<11}{title:<25}{what:<30}{format_cents(charge.total):>9}"
        )
        total += charge.total
    lines.append(f"  {'Total':<66}{format_cents(total):>9}")
    return "\n".join(lines)


def kind_label(kind):
    return policy_for(kind).label


def describe(item, charge):
    """What happened to the item, in the words of the desk staff."""
    if item.condition == "LOST":
        return "reported lost"
    if charge.replacement:
        return f"billed as lost ({item.days_late} days late)"
    notes = []
    if item.condition == "DAMAGED":
        notes.append("damaged")
    if item.days_late > 0:
        notes.append(f"{item.days_late} days late")
    return ", ".join(notes) or "on time"
