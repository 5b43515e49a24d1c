"""Money is kept in whole cents everywhere; only the statement shows dollars."""


def format_cents(cents):
    """1234 -> '$12.34'."""
    return f"${cents // 100}.{cents % 100:02d}"
