"""The delivery promise shown at checkout: working days to the doorstep."""

from .carriers import carrier_for
from .parcels import check_zone


def delivery_days(carrier, zone, order_hour):
    """Working days from an order placed at order_hour (0-23) to delivery."""
    check_zone(zone)
    if order_hour < 0 or order_hour > 23:
        raise ValueError(f"order_hour must be 0-23, not {order_hour}")
    chosen = carrier_for(carrier)
    days = chosen.transit_days(zone)
    if order_hour >= chosen.cutoff_hour:
        days += 1  # misses today's collection
    return days
