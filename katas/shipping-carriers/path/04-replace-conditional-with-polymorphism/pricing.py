"""What a shipment costs, as the carrier will invoice it. Money in pence."""

from typing import NamedTuple

from .carriers import carrier_for
from .limits import require_acceptance

FUEL_SURCHARGE_PER_MILLE = 45  # 4.5 %: the couriers' fuel index, Q3


class Quote(NamedTuple):
    net: int
    fuel: int
    vat: int

    @property
    def total(self):
        return self.net + self.fuel + self.vat


def quote(carrier, parcel, zone):
    """The price of sending the parcel to the zone with the carrier."""
    require_acceptance(carrier, parcel, zone)
    chosen = carrier_for(carrier)
    net = chosen.net_price(parcel, zone)
    fuel = 0
    if chosen.fuel_surcharge:
        # round() rounds half to even, like the couriers' invoicing system
        fuel = round(net * FUEL_SURCHARGE_PER_MILLE / 1000)
    vat = 0
    if chosen.adds_vat:
        vat = (net + fuel) // 5  # rounded down
    return Quote(net, fuel, vat)
