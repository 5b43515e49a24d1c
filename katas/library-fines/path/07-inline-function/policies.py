"""One policy per kind of item: the rules that differ from kind to kind.

Item kinds arrive from the catalogue as codes (BK, DVD, MAG, TOOL, GAME);
`policy_for` turns a code into its policy.
"""

from typing import Protocol


class LoanPolicy(Protocol):
    """How one kind of item is lent, and what it costs when it comes back wrong.

    Money is in cents, time in days.
    """

    label: str  # as printed on the statement
    plural: str  # as said at the desk: "magazines cannot be renewed"
    loan_days: int
    renewals: int
    lost_after_days: int  # any later than this and the item is billed as lost
    reading_material: bool = False  # children read fine-free
    adults_only: bool = False

    def overdue_fine(self, days_late):
        """The full overdue fine, before any card discount."""
        ...

    def replacement_cost(self, list_price):
        """What a lost item costs: usually the list price and a processing fee."""
        ...

    def damage_charge(self, list_price):
        """What an item returned damaged costs, on top of any overdue fine."""
        ...


class BookPolicy(LoanPolicy):
    label = "Book"
    plural = "books"
    loan_days = 21
    renewals = 3
    lost_after_days = 42
    reading_material = True

    def overdue_fine(self, days_late):
        # two days' grace for the after-hours drop box; after that, every day counts
        if days_late <= 2:
            return 0
        return min(days_late * 25, 800)

    def replacement_cost(self, list_price):
        return list_price + 500

    def damage_charge(self, list_price):
        return list_price // 2


class DvdPolicy(LoanPolicy):
    label = "DVD"
    plural = "DVDs"
    loan_days = 7
    renewals = 1
    lost_after_days = 28

    def overdue_fine(self, days_late):
        return min(days_late * 100, 1500)

    def replacement_cost(self, list_price):
        return list_price + 300

    def damage_charge(self, list_price):
        # resurfacing the disc, unless a new copy is cheaper
        return min(list_price, 800)


class MagazinePolicy(LoanPolicy):
    label = "Magazine"
    plural = "magazines"
    loan_days = 7
    renewals = 0
    lost_after_days = 28
    reading_material = True

    def overdue_fine(self, days_late):
        # charged per week, and a started week counts
        weeks = (days_late + 6) // 7
        return min(weeks * 50, 150)

    def replacement_cost(self, list_price):
        # back issues come from the distributor at a flat price
        return 400

    def damage_charge(self, list_price):
        # magazines wear out anyway
        return 0


class ToolPolicy(LoanPolicy):
    label = "Tool"
    plural = "tools"
    loan_days = 7
    renewals = 1
    lost_after_days = 21
    adults_only = True  # insurance: power tools only go out on an adult's card

    def overdue_fine(self, days_late):
        # no cap: after three weeks a tool is billed as lost anyway
        return days_late * 200

    def replacement_cost(self, list_price):
        return list_price + 1000

    def damage_charge(self, list_price):
        # repair assessment, never less than the workshop's call-out fee
        return max(list_price * 30 // 100, 1500)


class GamePolicy(LoanPolicy):
    label = "Board game"
    plural = "board games"
    loan_days = 14
    renewals = 2
    lost_after_days = 42

    def overdue_fine(self, days_late):
        if days_late <= 1:
            return 0
        return min(days_late * 50, 1000)

    def replacement_cost(self, list_price):
        return list_price + 200

    def damage_charge(self, list_price):
        # missing pieces, ordered from the publisher
        return 600


POLICIES = {
    "BK": BookPolicy(),
    "DVD": DvdPolicy(),
    "MAG": MagazinePolicy(),
    "TOOL": ToolPolicy(),
    "GAME": GamePolicy(),
}


def policy_for(kind):
    """The policy for a kind code; raises ValueError for an unknown one."""
    if kind not in POLICIES:
        raise ValueError(f"unknown item kind {kind!r}")
    return POLICIES[kind]
