"""The printed statement a member gets at the desk."""

from typing import NamedTuple

from .fines import assess_return
from .money import format_cents


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
        if item.kind == "BK":
            label = "Book"
        elif item.kind == "DVD":
            label = "DVD"
        elif item.kind == "MAG":
            label = "Magazine"
        elif item.kind == "TOOL":
            label = "Tool"
        else:
            label = "Board game"

        if item.condition == "LOST":
            what = "reported lost"
        elif charge.replacement:
            what = f"billed as lost ({item.days_late} days late)"
        else:
            notes = []
            if item.condition == "DAMAGED":
                notes.append("damaged")
            if item.days_late > 0:
                notes.append(f"{item.days_late} days late")
            what = ", ".join(notes) or "on time"

        title = item.title if len(item.title) <= 24 else item.title[:23] + "~"
        lines.append(
            f"  {label:<11}{title:<25}{what:<30}{format_cents(charge.total):>9}"
        )
        total += charge.total
    lines.append(f"  {'Total':<66}{format_cents(total):>9}")
    return "\n".join(lines)
