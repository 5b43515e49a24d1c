"""The delivery promise shown at checkout: working days to the doorstep."""

from .parcels import check_zone


def delivery_days(carrier, zone, order_hour):
    """Working days from an order placed at order_hour (0-23) to delivery."""
    check_zone(zone)
    if order_hour < 0 or order_hour > 23:
        raise ValueError(f"order_hour must be 0-23, not {order_hour}")
    if carrier == "ALB":
        cutoff = 16
        days = 4 if zone == "C" else 2
    elif carrier == "SWL":
        cutoff = 18  # Swiftline's van is the last to leave the yard
        days = 2 if zone == "C" else 1
    elif carrier == "HMF":
        cutoff = 12  # pallets have to be booked by noon
        days = {"A": 3, "B": 4, "C": 6}[zone]
    elif carrier == "BXH":
        if zone == "C":
            raise ValueError("BXH has no lockers in zone C")
        cutoff = 20
        days = 2 if zone == "A" else 3
    else:
        raise ValueError(f"unknown carrier {carrier!r}")
    if order_hour >= cutoff:
        days += 1  # misses today's collection
    return days
