"""What the callers tell the billing package at the boundary.

The portal and the billing run build one `BillingSettings` from their own
configuration and pass it in with every call; nothing here reads the
environment.

`engine` chooses the billing engine: "v1" is the old engine, "v2" the new
one of project BILL-212, which takes over one operation at a time (see the
facade). The default stays v1 until v2 has every operation.
"""

from dataclasses import dataclass

ENGINES = ("v1", "v2")


@dataclass(frozen=True)
class BillingSettings:
    engine: str = "v1"


DEFAULT_SETTINGS = BillingSettings()
