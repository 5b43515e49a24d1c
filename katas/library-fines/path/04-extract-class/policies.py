"""One policy per kind of item: the rules that differ from kind to kind.

Item kinds arrive from the catalogue as codes (BK, DVD, MAG, TOOL, GAME);
`policy_for` turns a code into its policy.
"""

from typing import Protocol


class LoanPolicy(Protocol):
    """How one kind of item is lent."""

    plural: str  # as said at the desk: "magazines cannot be renewed"
    loan_days: int
    renewals: int
    adults_only: bool = False


class BookPolicy(LoanPolicy):
    plural = "books"
    loan_days = 21
    renewals = 3


class DvdPolicy(LoanPolicy):
    plural = "DVDs"
    loan_days = 7
    renewals = 1


class MagazinePolicy(LoanPolicy):
    plural = "magazines"
    loan_days = 7
    renewals = 0


class ToolPolicy(LoanPolicy):
    plural = "tools"
    loan_days = 7
    renewals = 1
    adults_only = True  # insurance: power tools only go out on an adult's card


class GamePolicy(LoanPolicy):
    plural = "board games"
    loan_days = 14
    renewals = 2


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
