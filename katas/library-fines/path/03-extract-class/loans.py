"""Loan periods and renewals.

Item kinds come from the catalogue as codes:
BK book, DVD film on disc, MAG magazine, TOOL Library of Things tool,
GAME board game.
"""

from typing import NamedTuple

from .members import card_tier


class LoanTerms(NamedTuple):
    days: int
    renewals: int


class RenewalDecision(NamedTuple):
    allowed: bool
    reason: str


def loan_terms(kind, tier):
    """How many days an item goes out for, and how many times it may be renewed."""
    card = card_tier(tier)
    if kind == "BK":
        days = 21
        renewals = 3
    elif kind == "DVD":
        days = 7
        renewals = 1
    elif kind == "MAG":
        days = 7
        renewals = 0
    elif kind == "TOOL":
        # insurance: power tools only go out on an adult's card
        if card.child:
            raise ValueError("TOOL items can only be lent on an adult card")
        days = 7
        renewals = 1
    elif kind == "GAME":
        days = 14
        renewals = 2
    else:
        raise ValueError(f"unknown item kind {kind!r}")
    if renewals > 0:
        renewals += card.extra_renewals
    return LoanTerms(days * card.loan_multiplier, renewals)


def renewal_decision(kind, tier, renewals_used, on_hold):
    """May the member take the item out again without bringing it back?"""
    if renewals_used < 0:
        raise ValueError("renewals_used cannot be negative")
    terms = loan_terms(kind, tier)
    if kind == "MAG":
        return RenewalDecision(False, "magazines cannot be renewed")
    if on_hold:
        return RenewalDecision(False, "on hold for another member")
    if renewals_used >= terms.renewals:
        return RenewalDecision(False, f"renewal limit reached ({terms.renewals})")
    left = terms.renewals - renewals_used - 1
    return RenewalDecision(True, f"renewed for {terms.days} days, {left} renewals left")
