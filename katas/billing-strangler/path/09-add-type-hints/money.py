"""Money helpers.

The board sets rates to a tenth of a cent, so charges are worked out in
tenths of a cent and rounded to whole cents (half up) before anyone sees them.
"""


def to_cents(tenths: int) -> int:
    """1425 tenths of a cent -> 143 cents (half up)."""
    return (tenths + 5) // 10


def format_cents(cents: int) -> str:
    """12345 -> '$123.45'."""
    return f"${cents // 100}.{cents % 100:02d}"


def format_rate(tenths: int) -> str:
    """A rate in tenths of a cent per m3: 1425 -> '$1.425'."""
    return f"${tenths // 1000}.{tenths % 1000:03d}"
