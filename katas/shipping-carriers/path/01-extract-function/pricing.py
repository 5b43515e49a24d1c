"""What a shipment costs, as the carrier will invoice it. Money in pence."""

from typing import NamedTuple

from .limits import locker_size, require_acceptance

FUEL_SURCHARGE_PER_MILLE = 45  # 4.5 %: the couriers' fuel index, Q3


class Quote(NamedTuple):
    net: int
    fuel: int
    vat: int

    @property
    def total(self):
        return self.net + self.fuel + self.vat


def started_kilos(grams):
    return (grams + 999) // 1000


def chargeable_grams(carrier, parcel):
    """Couriers charge a light, bulky parcel by its volumetric weight."""
    volume = parcel.length_cm * parcel.width_cm * parcel.height_cm
    if carrier == "SWL":
        return max(parcel.weight_g, volume // 5)  # 5000 cm3 to the kilo
    if carrier == "HMF":
        return max(parcel.weight_g, volume // 4)  # 4000 cm3 to the kilo
    return parcel.weight_g


def quote(carrier, parcel, zone):
    """The price of sending the parcel to the zone with the carrier."""
    require_acceptance(carrier, parcel, zone)
    grams = chargeable_grams(carrier, parcel)
    if carrier == "ALB":
        # the universal service: one price for the whole country
        if grams <= 2000:
            net = 395
        elif grams <= 5000:
            net = 695
        elif grams <= 10000:
            net = 995
        else:
            net = 1495
    elif carrier == "SWL":
        net = {"A": 595, "B": 695, "C": 1495}[zone]
        net += max(started_kilos(grams) - 2, 0) * 40
        if parcel.dangerous:
            net += 650
    elif carrier == "HMF":
        net = {"A": 3500, "B": 4500, "C": 8900}[zone]
        net += max(started_kilos(grams) - 50, 0) * 12
        if parcel.dangerous:
            net += 2500  # ADR paperwork and a trained driver
    else:
        net = {"S": 299, "M": 349, "L": 449}[locker_size(parcel)]
    fuel = 0
    if carrier != "ALB":
        fuel = round(net * FUEL_SURCHARGE_PER_MILLE / 1000)
    vat = 0
    # Albion Post is exempt from VAT, and Boxhop's prices include it already
    if carrier == "SWL" or carrier == "HMF":
        vat = (net + fuel) // 5
    return Quote(net, fuel, vat)
