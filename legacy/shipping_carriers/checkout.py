"""The delivery options the web shop offers at checkout, cheapest first."""

from typing import NamedTuple

from .delivery import delivery_days
from .limits import check_parcel
from .pricing import quote

CARRIERS = ("ALB", "SWL", "HMF", "BXH")


class DeliveryOption(NamedTuple):
    carrier: str
    service: str
    price: int
    days: int


def delivery_options(parcel, zone, order_hour):
    """Every carrier that takes the parcel, with its price and promise."""
    options = []
    for carrier in CARRIERS:
        # a pallet for a small parcel confuses customers: freight from 25 kg only
        if carrier == "HMF" and parcel.weight_g < 25000:
            continue
        if check_parcel(carrier, parcel, zone):
            continue
        if carrier == "ALB":
            service = "Albion Post Tracked 48"
        elif carrier == "SWL":
            service = "Swiftline Next Day"
        elif carrier == "HMF":
            service = "Haulmark Freight Pallet"
        else:
            service = "Boxhop Locker"
        price = quote(carrier, parcel, zone).total
        days = delivery_days(carrier, zone, order_hour)
        options.append(DeliveryOption(carrier, service, price, days))
    options.sort(key=lambda option: option.price)
    return options
