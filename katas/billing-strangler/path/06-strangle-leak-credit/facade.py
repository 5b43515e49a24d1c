"""The public operations: the one place that knows about billing engines.

Project BILL-212 replaces v1 behind this facade, one operation at a time.
Every operation checks the engine the caller asked for here, and nowhere
else. v2 now has every operation; v1 stays one setting away until the
default has been flipped and has run a full billing quarter.
"""

from . import bills, credits, invoices, v1
from .records import parse_account, parse_reading
from .settings import DEFAULT_SETTINGS, ENGINES


def bill_account(account, reading, settings=DEFAULT_SETTINGS):
    """The quarterly bill of one account, in cents."""
    if engine(settings) == "v2":
        return bills.bill(parse_account(account), parse_reading(reading))
    return v1.bill_account(account, reading)


def preview_invoice(account, reading, settings=DEFAULT_SETTINGS):
    """The invoice as the member portal shows it before the billing run."""
    if engine(settings) == "v2":
        return invoices.preview(parse_account(account), parse_reading(reading))
    return v1.preview_invoice(account, reading)


def leak_credit(account, reading, usual, settings=DEFAULT_SETTINGS):
    """The credit for water lost to a repaired leak."""
    if engine(settings) == "v2":
        return credits.leak_credit(parse_account(account), parse_reading(reading), usual)
    return v1.leak_credit(account, reading, usual)


def engine(settings):
    """The engine the caller asked for; an unknown one is refused."""
    if settings.engine not in ENGINES:
        raise ValueError(f"unknown billing engine {settings.engine!r}")
    return settings.engine
