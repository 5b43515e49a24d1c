"""Brackenfell Water Co-operative: quarterly water bills.

The public boundary used by the member portal (previews, leak claims) and by
the quarterly billing run. Keep these names and signatures stable: both
callers pass a `BillingSettings` that says which billing engine to use.
"""

from .facade import bill_account, leak_credit, preview_invoice
from .settings import DEFAULT_SETTINGS, BillingSettings
from .v1 import Bill, CreditNote

__all__ = [
    "DEFAULT_SETTINGS",
    "Bill",
    "BillingSettings",
    "CreditNote",
    "bill_account",
    "leak_credit",
    "preview_invoice",
]
