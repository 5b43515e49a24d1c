"""Library card tiers, as printed on the card."""

TIERS = ("ADULT", "CHILD", "SENIOR", "STAFF")


def check_tier(tier):
    if tier not in TIERS:
        raise ValueError(f"unknown card tier {tier!r}")
