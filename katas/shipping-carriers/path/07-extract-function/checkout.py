"""The delivery options the web shop offers at checkout, cheapest first."""

from typing import NamedTuple

from .carriers import CARRIERS
from .delivery import check_hour, promised_days
from .limits import problems_with
from .parcels import check_shipment
from .pricing import price


class DeliveryOption(NamedTuple):
    carrier: str
    service: str
    price: int
    days: int


def delivery_options(parcel, zone, order_hour):
    """Every carrier that takes the parcel, with its price and promise."""
    check_shipment(parcel, zone)
    offered = [c for c in CARRIERS.values() if is_offered(c, parcel, zone)]
    if offered:
        check_hour(order_hour)  # no carrier, no promise: the hour is not looked at
    options = [delivery_option(c, parcel, zone, order_hour) for c in offered]
    return sorted(options, key=lambda option: option.price)


def is_offered(carrier, parcel, zone):
    """A carrier is offered if it takes the parcel, and the parcel is heavy enough."""
    return parcel.weight_g >= carrier.offered_from_g and not problems_with(carrier, parcel, zone)


def delivery_option(carrier, parcel, zone, order_hour):
    return DeliveryOption(
        carrier.code,
        f"{carrier.name} {carrier.service}",
        price(carrier, parcel, zone).total,
        promised_days(carrier, zone, order_hour),
    )
