"""Fellside Outfitters warehouse: shipping with our carriers.

The public boundary used by the pack benches (labels) and the web shop's
checkout (delivery options and promises); keep these names and signatures
stable.
"""

from .checkout import DeliveryOption, delivery_options
from .delivery import delivery_days
from .labels import shipping_label
from .limits import check_parcel
from .parcels import Order, Parcel
from .pricing import Quote, quote

__all__ = [
    "DeliveryOption",
    "Order",
    "Parcel",
    "Quote",
    "check_parcel",
    "delivery_days",
    "delivery_options",
    "quote",
    "shipping_label",
]
