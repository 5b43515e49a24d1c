"""Approval harness for the library-fines kata.

Pins the behaviour of the public boundary of `legacy.library_fines`
(loan_terms, renewal_decision, assess_return, account_statement) across
every item kind, card tier and the edge values of every threshold.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.library_fines import (
    ReturnedItem,
    account_statement,
    assess_return,
    loan_terms,
    renewal_decision,
)

KINDS = ["BK", "DVD", "MAG", "TOOL", "GAME", "CD"]
TIERS = ["ADULT", "CHILD", "SENIOR", "STAFF", "GOLD"]

# just below, at and just above every grace period, cap and lost threshold
DAYS_LATE = [0, 1, 2, 3, 7, 8, 14, 15, 16, 19, 20, 21, 22, 28, 29, 31, 32, 33, 42, 43]

# just below, at and just above every price threshold of the damage rules
LIST_PRICES = [0, 799, 800, 801, 4999, 5000, 5010]


def show_charge(charge):
    return (
        f"overdue {charge.overdue}, damage {charge.damage}, "
        f"replacement {charge.replacement}, total {charge.total}"
    )


def terms(kind, tier):
    result = loan_terms(kind, tier)
    return f"{result.days} days, {result.renewals} renewals"


def renewal(kind, tier, renewals_used, on_hold):
    decision = renewal_decision(kind, tier, renewals_used, on_hold)
    return f"allowed={decision.allowed!r}, {decision.reason}"


def overdue(kind, tier, days_late):
    return show_charge(assess_return(kind, tier, days_late, "GOOD", 2000))


def condition_charge(kind, condition, list_price, days_late):
    return show_charge(assess_return(kind, "ADULT", days_late, condition, list_price))


def checked_in_order(kind, tier, days_late, condition, list_price):
    return show_charge(assess_return(kind, tier, days_late, condition, list_price))


def test_loan_terms():
    verify_all_combinations_with_labeled_input(terms, kind=KINDS, tier=TIERS)


def test_renewal_decision():
    verify_all_combinations_with_labeled_input(
        renewal,
        kind=KINDS,
        tier=TIERS,
        renewals_used=[-1, 0, 1, 2, 3, 4],
        on_hold=[False, True],
    )


def test_overdue_fines():
    verify_all_combinations_with_labeled_input(
        overdue, kind=KINDS, tier=TIERS, days_late=DAYS_LATE
    )


def test_damaged_and_lost_items():
    verify_all_combinations_with_labeled_input(
        condition_charge,
        kind=KINDS,
        condition=["GOOD", "DAMAGED", "LOST"],
        list_price=LIST_PRICES,
        days_late=[0, 5, 25, 50],
    )


def test_invalid_returns_are_refused_in_order():
    verify_all_combinations_with_labeled_input(
        checked_in_order,
        kind=["BK", "CD"],
        tier=["ADULT", "GOLD"],
        days_late=[-1, 0],
        condition=["GOOD", "WET"],
        list_price=[-1, 100],
    )


STATEMENTS = [
    (
        "ADULT",
        [
            ReturnedItem("BK", "The Salt Road", 3, "GOOD", 1899),
            ReturnedItem("BK", "Tides of the Estuary Vol1", 0, "GOOD", 2450),
            ReturnedItem("BK", "Lanterns Over the Harbor", 1, "DAMAGED", 2450),
            ReturnedItem("DVD", "Harbour Lights", 0, "DAMAGED", 1299),
            ReturnedItem("MAG", "Coastal Living (June)", 9, "LOST", 650),
            ReturnedItem("TOOL", "Cordless drill 18V", 22, "GOOD", 8900),
            ReturnedItem("GAME", "Lighthouse Keepers", 1, "GOOD", 3500),
        ],
    ),
    (
        "CHILD",
        [
            ReturnedItem("BK", "The Otter Who Swam Home", 10, "GOOD", 799),
            ReturnedItem("DVD", "Sea Monsters 3", 1, "GOOD", 999),
            ReturnedItem("GAME", "Pirate Ludo", 5, "DAMAGED", 1500),
            ReturnedItem("MAG", "Whizz Kids", 30, "GOOD", 350),
        ],
    ),
    (
        "SENIOR",
        [
            ReturnedItem("DVD", "Brief Encounter", 4, "GOOD", 899),
            ReturnedItem("TOOL", "Hedge trimmer", 2, "DAMAGED", 12000),
            ReturnedItem("BK", "Large Print Almanac", 43, "GOOD", 3000),
        ],
    ),
    (
        "STAFF",
        [
            ReturnedItem("BK", "Cataloguing Rules", 40, "DAMAGED", 5600),
            ReturnedItem("GAME", "Carcassonne", 60, "GOOD", 3999),
        ],
    ),
    ("SENIOR", []),
    ("GOLD", []),
    ("GOLD", [ReturnedItem("BK", "The Salt Road", 0, "GOOD", 1899)]),
    ("ADULT", [ReturnedItem("CD", "Sea Shanties", 0, "GOOD", 1299)]),
]


def test_account_statements():
    transcript = []
    for tier, items in STATEMENTS:
        try:
            transcript.append(account_statement(tier, items))
        except ValueError as error:
            transcript.append(f"{tier} card, {len(items)} items: ValueError: {error}")
    verify("\n\n".join(transcript))
