"""The carriers we ship with: one strategy class each.

Their rules come from the carriers' service guides: Albion Post (2023
edition), Swiftline rate card v7, Haulmark conditions of carriage, Boxhop
merchant handbook. Carrier codes come from the warehouse system (ALB, SWL,
HMF, BXH); `carrier_for` turns a code into its carrier.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from .parcels import Parcel


class Carrier(Protocol):
    """One carrier's service, as we buy it: what it takes, what it costs,
    and how fast it is. Money in pence."""

    code: str  # as the warehouse system spells it
    name: str
    service: str
    cutoff_hour: int  # orders placed from this hour on miss today's collection
    max_weight_g: int
    fuel_surcharge: bool = True
    adds_vat: bool = True

    def size_problems(self, parcel: Parcel) -> list[str]:
        """Why the parcel is too big for this carrier, if it is."""
        ...

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        """Why this carrier will not take the parcel to the zone, if it won't."""
        ...

    def net_price(self, parcel: Parcel, zone: str) -> int:
        """The price of an accepted parcel before fuel surcharge and VAT."""
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
    fuel_surcharge = False
    adds_vat = False  # the universal service is exempt
    # one price for the whole country, by weight: (up to grams, price)
    price_bands = ((2000, 395), (5000, 695), (10000, 995), (20000, 1495))

    def size_problems(self, parcel: Parcel) -> list[str]:
        longest, middle, shortest = parcel.sides()
        if longest > 100:
            return ["longer than 100 cm"]
        if longest + 2 * (middle + shortest) > 250:
            return ["length and girth over 250 cm"]
        return []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        return ["no dangerous goods"] if parcel.dangerous else []

    def net_price(self, parcel: Parcel, zone: str) -> int:
        return next(price for most, price in self.price_bands if parcel.weight_g <= most)

    def transit_days(self, zone: str) -> int:
        return 4 if zone == "C" else 2


@dataclass(frozen=True)
class CourierRates:
    """A courier's rate card: a price per zone with some kilos included, a
    price for every started kilo over them, and a dangerous-goods fee.

    A light, bulky parcel is charged by its volumetric weight.
    """

    zone_prices: Mapping[str, int]
    included_kilos: int
    per_extra_kilo: int
    dangerous_goods_fee: int
    cm3_per_kilo: int  # the volumetric divisor

    def price(self, parcel: Parcel, zone: str) -> int:
        volume = parcel.length_cm * parcel.width_cm * parcel.height_cm
        grams = max(parcel.weight_g, volume * 1000 // self.cm3_per_kilo)
        extra_kilos = max(started_kilos(grams) - self.included_kilos, 0)
        price = self.zone_prices[zone] + extra_kilos * self.per_extra_kilo
        if parcel.dangerous:
            price += self.dangerous_goods_fee
        return price


def started_kilos(grams: int) -> int:
    return (grams + 999) // 1000


class Swiftline(Carrier):
    code = "SWL"
    name = "Swiftline"
    service = "Next Day"
    cutoff_hour = 18  # Swiftline's van is the last to leave the yard
    max_weight_g = 30000
    rates = CourierRates(
        zone_prices={"A": 595, "B": 695, "C": 1495},
        included_kilos=2,
        per_extra_kilo=40,
        dangerous_goods_fee=650,
        cm3_per_kilo=5000,
    )

    def size_problems(self, parcel: Parcel) -> list[str]:
        return ["longer than 120 cm"] if parcel.sides()[0] > 120 else []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        # zone C goes by plane or ferry: no dangerous goods on those legs
        if zone == "C" and parcel.dangerous:
            return ["no dangerous goods to zone C"]
        return []

    def net_price(self, parcel: Parcel, zone: str) -> int:
        return self.rates.price(parcel, zone)

    def transit_days(self, zone: str) -> int:
        return 2 if zone == "C" else 1


class HaulmarkFreight(Carrier):
    code = "HMF"
    name = "Haulmark Freight"
    service = "Pallet"
    cutoff_hour = 12  # pallets have to be booked by noon
    max_weight_g = 500000
    rates = CourierRates(
        zone_prices={"A": 3500, "B": 4500, "C": 8900},
        included_kilos=50,
        per_extra_kilo=12,
        dangerous_goods_fee=2500,  # ADR paperwork and a trained driver
        cm3_per_kilo=4000,
    )

    def size_problems(self, parcel: Parcel) -> list[str]:
        return ["longer than 240 cm"] if parcel.sides()[0] > 240 else []

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        return []  # ADR-trained drivers, everywhere

    def net_price(self, parcel: Parcel, zone: str) -> int:
        return self.rates.price(parcel, zone)

    def transit_days(self, zone: str) -> int:
        return {"A": 3, "B": 4, "C": 6}[zone]


class Locker(NamedTuple):
    """A Boxhop locker compartment and its price."""

    size: str
    sides: tuple[int, int, int]  # longest first, cm
    price: int

    def fits(self, parcel: Parcel) -> bool:
        return all(side <= room for side, room in zip(parcel.sides(), self.sides))


LOCKERS = (
    Locker("S", (45, 35, 10), 299),
    Locker("M", (45, 35, 20), 349),
    Locker("L", (60, 45, 40), 449),
)


def smallest_locker(parcel: Parcel) -> Locker:
    """The smallest locker an accepted parcel fits in."""
    return next(locker for locker in LOCKERS if locker.fits(parcel))


class Boxhop(Carrier):
    code = "BXH"
    name = "Boxhop"
    service = "Locker"
    cutoff_hour = 20
    max_weight_g = 15000
    adds_vat = False  # Boxhop's prices include it already

    def size_problems(self, parcel: Parcel) -> list[str]:
        if any(locker.fits(parcel) for locker in LOCKERS):
            return []
        return ["does not fit a locker"]

    def route_problems(self, parcel: Parcel, zone: str) -> list[str]:
        problems = []
        if zone == "C":
            problems.append("no lockers in zone C")
        if parcel.dangerous:
            problems.append("no dangerous goods")
        return problems

    def net_price(self, parcel: Parcel, zone: str) -> int:
        return smallest_locker(parcel).price

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
