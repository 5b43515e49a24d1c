"""Loan periods and renewals."""

from typing import NamedTuple

from .members import card_tier
from .policies import policy_for


class LoanTerms(NamedTuple):
    days: int
    renewals: int


class RenewalDecision(NamedTuple):
    allowed: bool
    reason: str


def loan_terms(kind, tier):
    """How many days an item goes out for, and how many times it may be renewed."""
    card = card_tier(tier)
    policy = policy_for(kind)
    if policy.adults_only and card.child:
        raise ValueError(f"{kind} items can only be lent on an adult card")
    renewals = policy.renewals
    if renewals > 0:
        renewals += card.extra_renewals
    return LoanTerms(policy.loan_days * card.loan_multiplier, renewals)


def renewal_decision(kind, tier, renewals_used, on_hold):
    """May the member take the item out again without bringing it back?"""
    if renewals_used < 0:
        raise ValueError("renewals_used cannot be negative")
    terms = loan_terms(kind, tier)
    if terms.renewals == 0:
        return RenewalDecision(False, f"{policy_for(kind).plural} cannot be renewed")
    if on_hold:
        return RenewalDecision(False, "on hold for another member")
    if renewals_used >= terms.renewals:
        return RenewalDecision(False, f"renewal limit reached ({terms.renewals})")
    left = terms.renewals - renewals_used - 1
    return RenewalDecision(True, f"renewed for {terms.days} days, {left} renewals left")
