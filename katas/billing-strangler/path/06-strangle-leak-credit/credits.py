"""Credit notes for water lost to a repaired leak (leak policy, section 4)."""

from .charges import sewerage
from .money import to_cents
from .records import Account, CreditNote, Reading

SMALLEST_LEAK = 10  # m3; smaller leaks are the member's own (section 4.2)
LEAK_CAP = 40000  # cents per claim


def leak_credit(account: Account, reading: Reading, usual: int) -> CreditNote:
    """Credit what was used above the usual: its water (at the tariff's share) and sewerage."""
    if usual < 0:
        raise ValueError("usual consumption cannot be negative")
    used = reading.used
    excess = used - usual
    if excess < SMALLEST_LEAK:
        return CreditNote(account.number, max(excess, 0), 0, 0, 0)
    tariff = account.tariff
    water = to_cents((tariff.water_price(used) - tariff.water_price(usual)) * tariff.leak_share // 100)
    sewer = to_cents(sewerage(account, used) - sewerage(account, usual))
    return CreditNote(account.number, excess, water, sewer, min(water + sewer, LEAK_CAP))
