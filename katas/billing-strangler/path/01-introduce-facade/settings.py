"""What the callers tell the billing package at the boundary.

The portal and the billing run build one `BillingSettings` from their own
configuration and pass it in with every call; nothing here reads the
environment.

`engine` chooses the billing engine: "v1" is this package, "v2" the new
engine of project BILL-212. Until v2 is written both names run v1, so the
callers could be switched over ahead of time.
"""

from dataclasses import dataclass

ENGINES = ("v1", "v2")


@dataclass(frozen=True)
class BillingSettings:
    engine: str = "v1"


DEFAULT_SETTINGS = BillingSettings()
