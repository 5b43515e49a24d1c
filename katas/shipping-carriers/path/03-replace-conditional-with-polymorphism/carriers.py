"""The carriers we ship with: one strategy class each.

Their rules come from the carriers' service guides: Albion Post (2023
edition), Swiftline rate card v7, Haulmark conditions of carriage, Boxhop
merchant handbook. Carrier codes come from the warehouse system (ALB, SWL,
HMF, BXH); `carrier_for` turns a code into its carrier.
"""

from collections.abc import Mapping
from typing import Protocol

from .parcels import Parcel


class Carrier(Protocol):
    """One carrier's service, as we buy it: what it takes and how fast it is."""

    code: str  # as the warehouse system spells it
    name: str
    service: str
    cutoff_hour: int  # orders placed from this hour on miss today's collection
    max_weight_g: int

    def size_problems(self, parcel: Parcel) -> list[str]:
        """Why the parcel is too big for this carrier, if it is."""
        ...

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        """Why this carrier will not take the parcel to the zone, if it won't."""
        ...

    def transit_days(self, zone: str) -> int:
        """Working days from collection to the doorstep."""
        ...


class AlbionPost(Carrier):
    code = "ALB"
    name = "Albion Post"
    service = "Tracked 48"
    cutoff_hour = 16
    max_weight_g = 20000

    def size_problems(self, parcel: Parcel) -> list[str]:
        longest, middle, shortest = parcel.sides()
        if longest > 100:
            return ["longer than 100 cm"]
        if longest + 2 * (middle + shortest) > 250:
            return ["length and girth over 250 cm"]
        return []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        return ["no dangerous goods"] if parcel.dangerous else []

    def transit_days(self, zone: str) -> int:
        return 4 if zone == "C" else 2


class Swiftline(Carrier):
    code = "SWL"
    name = "Swiftline"
    service = "Next Day"
    cutoff_hour = 18  # Swiftline's van is the last to leave the yard
    max_weight_g = 30000

    def size_problems(self, parcel: Parcel) -> list[str]:
        return ["longer than 120 cm"] if parcel.sides()[0] > 120 else []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        # zone C goes by plane or ferry: no dangerous goods on those legs
        if zone == "C" and parcel.dangerous:
            return ["no dangerous goods to zone C"]
        return []

    def transit_days(self, zone: str) -> int:
        return 2 if zone == "C" else 1


class HaulmarkFreight(Carrier):
    code = "HMF"
    name = "Haulmark Freight"
    service = "Pallet"
    cutoff_hour = 12  # pallets have to be booked by noon
    max_weight_g = 500000

    def size_problems(self, parcel: Parcel) -> list[str]:
        return ["longer than 240 cm"] if parcel.sides()[0] > 240 else []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        return []  # ADR-trained drivers, everywhere

    def transit_days(self, zone: str) -> int:
        return {"A": 3, "B": 4, "C": 6}[zone]


# Boxhop locker compartments, sides longest first (cm)
LOCKERS = (("S", (45, 35, 10)), ("M", (45, 35, 20)), ("L", (60, 45, 40)))


def locker_size(parcel):
    """The smallest Boxhop locker the parcel fits in, or None."""
    sides = parcel.sides()
    for size, compartment in LOCKERS:
        if all(side <= room for side, room in zip(sides, compartment)):
            return size
    return None


class Boxhop(Carrier):
    code = "BXH"
    name = "Boxhop"
    service = "Locker"
    cutoff_hour = 20
    max_weight_g = 15000

    def size_problems(self, parcel: Parcel) -> list[str]:
        return ["does not fit a locker"] if locker_size(parcel) is None else []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        problems = []
        if zone == "C":
            problems.append("no lockers in zone C")
        if parcel.dangerous:
            problems.append("no dangerous goods")
        return problems

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
