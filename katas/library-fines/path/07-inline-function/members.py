"""Library card tiers, as printed on the card, and what each one changes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class CardTier:
    """What a kind of library card changes about loans and fines."""

    overdue_percent: int = 100  # share of the overdue fine the member pays
    loan_multiplier: int = 1
    extra_renewals: int = 0  # only for items that can be renewed at all
    child: bool = False  # fine-free reading; no adults-only items

    def overdue_share(self, fine, reading_material):
        """The part of an overdue fine this card pays."""
        if self.child and reading_material:
            return 0
        return fine * self.overdue_percent // 100


TIERS = {
    "ADULT": CardTier(),
    "CHILD": CardTier(overdue_percent=50, child=True),
    "SENIOR": CardTier(overdue_percent=80),
    "STAFF": CardTier(overdue_percent=0, loan_multiplier=2, extra_renewals=1),
}


def card_tier(tier):
    """The card tier for a tier code; raises ValueError for an unknown one."""
    if tier not in TIERS:
        raise ValueError(f"unknown card tier {tier!r}")
    return TIERS[tier]
