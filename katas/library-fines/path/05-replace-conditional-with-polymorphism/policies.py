"""One policy per kind of item: the rules that differ from kind to kind.

Item kinds arrive from the catalogue as codes (BK, DVD, MAG, TOOL, GAME);
`policy_for` turns a code into its policy.
"""

from typing import Protocol


class LoanPolicy(Protocol):
    """How one kind of item is lent, and what it costs when it comes back late."""

    plural: str  # as said at the desk: "magazines cannot be renewed"
    loan_days: int
    renewals: int
    adults_only: bool = False

    def overdue_fine(self, days_late):
        """The full overdue fine in cents, before any card discount."""
        ...


class BookPolicy(LoanPolicy):
    plural = "books"
    loan_days = 21
    renewals = 3

    def overdue_fine(self, days_late):
        # two days' grace for the after-hours drop box; after that, every day counts
        if days_late <= 2:
            return 0
        return min(days_late * 25, 800)


class DvdPolicy(LoanPolicy):
    plural = "DVDs"
    loan_days = 7
    renewals = 1

    def overdue_fine(self, days_late):
        return min(days_late * 100, 1500)


class MagazinePolicy(LoanPolicy):
    plural = "magazines"
    loan_days = 7
    renewals = 0

    def overdue_fine(self, days_late):
        # charged per week, and a started week counts
        weeks = (days_late + 6) // 7
        return min(weeks * 50, 150)


class ToolPolicy(LoanPolicy):
    plural = "tools"
    loan_days = 7
    renewals = 1
    adults_only = True  # insurance: power tools only go out on an adult's card

    def overdue_fine(self, days_late):
        # no cap: after three weeks a tool is billed as lost anyway
        return days_late * 200


class GamePolicy(LoanPolicy):
    plural = "board games"
    loan_days = 14
    renewals = 2

    def overdue_fine(self, days_late):
        if days_late <= 1:
            return 0
        return min(days_late * 50, 1000)


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
