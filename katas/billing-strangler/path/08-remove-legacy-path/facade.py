"""The public operations: the one place that knows about billing engines.

Project BILL-212 strangled v1 here, one operation at a time, behind
`BillingSettings.engine`. v1 is retired; both engine names run the same code,
and an unknown engine is refused as it always was.
"""

from . import bills, credits, invoices
from .records import parse_account, parse_reading
from .settings import DEFAULT_SETTINGS, ENGINES


def bill_account(account, reading, settings=DEFAULT_SETTINGS):
    """The quarterly bill of one account, in cents."""
    check_engine(settings)
    return bills.bill(parse_account(account), parse_reading(reading))


def preview_invoice(account, reading, settings=DEFAULT_SETTINGS):
    """The invoice as the member portal shows it before the billing run."""
    check_engine(settings)
    return invoices.preview(parse_account(account), parse_reading(reading))


def leak_credit(account, reading, usual, settings=DEFAULT_SETTINGS):
    """The credit for water lost to a repaired leak."""
    check_engine(settings)
    return credits.leak_credit(parse_account(account), parse_reading(reading), usual)


def check_engine(settings):
    if settings.engine not in ENGINES:
        raise ValueError(f"unknown billing engine {settings.engine!r}")
