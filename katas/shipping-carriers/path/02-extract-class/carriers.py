"""The carriers we ship with: one strategy class each.

Their rules come from the carriers' service guides: Albion Post (2023
edition), Swiftline rate card v7, Haulmark conditions of carriage, Boxhop
merchant handbook. Carrier codes come from the warehouse system (ALB, SWL,
HMF, BXH); `carrier_for` turns a code into its carrier.
"""

from collections.abc import Mapping
from typing import Protocol


class Carrier(Protocol):
    """One carrier's service, as we buy it: its names and how fast it is."""

    code: str  # as the warehouse system spells it
    name: str
    service: str
    cutoff_hour: int  # orders placed from this hour on miss today's collection

    def transit_days(self, zone: str) -> int:
        """Working days from collection to the doorstep."""
        ...


class AlbionPost(Carrier):
    code = "ALB"
    name = "Albion Post"
    service = "Tracked 48"
    cutoff_hour = 16

    def transit_days(self, zone: str) -> int:
        return 4 if zone == "C" else 2


class Swiftline(Carrier):
    code = "SWL"
    name = "Swiftline"
    service = "Next Day"
    cutoff_hour = 18  # Swiftline's van is the last to leave the yard

    def transit_days(self, zone: str) -> int:
        return 2 if zone == "C" else 1


class HaulmarkFreight(Carrier):
    code = "HMF"
    name = "Haulmark Freight"
    service = "Pallet"
    cutoff_hour = 12  # pallets have to be booked by noon

    def transit_days(self, zone: str) -> int:
        return {"A": 3, "B": 4, "C": 6}[zone]


class Boxhop(Carrier):
    code = "BXH"
    name = "Boxhop"
    service = "Locker"
    cutoff_hour = 20

    def transit_days(self, zone: str) -> int:
        if zone == "C":
            raise ValueError("BXH has no lockers in zone C")
        return 2 if zone == "A" else 3


# The factory: one entry per carrier, in the order the checkout lists
# carriers of the same price.
CARRIERS: Mapping[str, Carrier] = {
    carrier.code: carrier for carrier in (AlbionPost(), Swiftline(), HaulmarkFreight(), Boxhop())
}


def carrier_for(code: str) -> Carrier:
    """The carrier for a code from the warehouse system."""
    if code not in CARRIERS:
        raise ValueError(f"unknown carrier {code!r}")
    return CARRIERS[code]
