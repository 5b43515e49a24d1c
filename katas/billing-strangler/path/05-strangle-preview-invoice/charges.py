"""The charges of a quarter, in tenths of a cent, before any rounding."""

from .records import Account
from .tariffs import SEWER_RATE, STANDING_CHARGE


def standing_charge(account: Account, days: int) -> int:
    return STANDING_CHARGE[account.meter] * days


def sewerage(account: Account, used: int) -> int:
    if not account.pays_sewerage:
        return 0
    return account.tariff.discharged(used) * SEWER_RATE


def concession(account: Account, standing: int) -> int:
    """Pensioners on the domestic tariff pay half the standing charge."""
    return standing // 2 if account.gets_concession else 0
