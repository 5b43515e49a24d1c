"""The delivery options the web shop offers at checkout, cheapest first."""

from typing import NamedTuple

from .carriers import CARRIERS
from .delivery import delivery_days
from .limits import check_parcel
from .pricing import quote


class DeliveryOption(NamedTuple):
    carrier: str
    service: str
    price: int
    days: int


def delivery_options(parcel, zone, order_hour):
    """Every carrier that takes the parcel, with its price and promise."""
    options = []
    for carrier in CARRIERS.values():
        if parcel.weight_g < carrier.offered_from_g:
            continue
        if check_parcel(carrier.code, parcel, zone):
            continue
        service = f"{carrier.name} {carrier.service}"
        price = quote(carrier.code, parcel, zone).total
        days = delivery_days(carrier.code, zone, order_hour)
        options.append(DeliveryOption(carrier.code, service, price, days))
    options.sort(key=lambda option: option.price)
    return options
