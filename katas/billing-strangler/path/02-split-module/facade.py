"""The public operations: the one place that knows about billing engines.

Project BILL-212 replaces v1 behind this facade, one operation at a time.
Every operation checks the engine the caller asked for here, and nowhere
else; until v2 has an operation, both engines run v1's.
"""

from . import v1
from .settings import DEFAULT_SETTINGS, ENGINES


def bill_account(account, reading, settings=DEFAULT_SETTINGS):
    """The quarterly bill of one account, in cents."""
    engine(settings)
    return v1.bill_account(account, reading)


def preview_invoice(account, reading, settings=DEFAULT_SETTINGS):
    """The invoice as the member portal shows it before the billing run."""
    engine(settings)
    return v1.preview_invoice(account, reading)


def leak_credit(account, reading, usual, settings=DEFAULT_SETTINGS):
    """The credit for water lost to a repaired leak."""
    engine(settings)
    return v1.leak_credit(account, reading, usual)


def engine(settings):
    """The engine the caller asked for; an unknown one is refused."""
    if settings.engine not in ENGINES:
        raise ValueError(f"unknown billing engine {settings.engine!r}")
    return settings.engine
