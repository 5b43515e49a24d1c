"""What a shipment costs, as the carrier will invoice it. Money in pence."""

from typing import NamedTuple

from .carriers import Carrier
from .limits import accepting_carrier
from .parcels import Parcel

FUEL_SURCHARGE_PER_MILLE = 45  # 4.5 %: the couriers' fuel index, Q3


class Quote(NamedTuple):
    net: int
    fuel: int
    vat: int

    @property
    def total(self) -> int:
        return self.net + self.fuel + self.vat


def quote(carrier: str, parcel: Parcel, zone: str) -> Quote:
    """The price of sending the parcel to the zone with the carrier."""
    return price(accepting_carrier(carrier, parcel, zone), parcel, zone)


def price(carrier: Carrier, parcel: Parcel, zone: str) -> Quote:
    """The carrier's invoice for a parcel it has accepted."""
    net = carrier.net_price(parcel, zone)
    fuel = 0
    if carrier.fuel_surcharge:
        # round() rounds half to even, like the couriers' invoicing system
        fuel = round(net * FUEL_SURCHARGE_PER_MILLE / 1000)
    vat = 0
    if carrier.adds_vat:
        vat = (net + fuel) // 5  # rounded down
    return Quote(net, fuel, vat)
