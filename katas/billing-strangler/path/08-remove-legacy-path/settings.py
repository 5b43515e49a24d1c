"""What the callers tell the billing package at the boundary.

The portal and the billing run build one `BillingSettings` from their own
configuration and pass it in with every call; nothing here reads the
environment.

`engine` chose the billing engine while project BILL-212 replaced v1 with
v2. v1 is retired: both names now run the same code, and callers may keep
passing either until their configuration is cleaned up.
"""

from dataclasses import dataclass

ENGINES = ("v1", "v2")


@dataclass(frozen=True)
class BillingSettings:
    engine: str = "v2"


DEFAULT_SETTINGS = BillingSettings()
