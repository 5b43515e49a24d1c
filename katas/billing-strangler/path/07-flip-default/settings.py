"""What the callers tell the billing package at the boundary.

The portal and the billing run build one `BillingSettings` from their own
configuration and pass it in with every call; nothing here reads the
environment.

`engine` chooses the billing engine: "v1" is the old engine, "v2" the new
one of project BILL-212. v2 is the default: a caller who has not said which
engine it wants gets v2, and "v1" remains the way back for one quarter.
"""

from dataclasses import dataclass

ENGINES = ("v1", "v2")


@dataclass(frozen=True)
class BillingSettings:
    engine: str = "v2"


DEFAULT_SETTINGS = BillingSettings()
