"""What each carrier will take: weight, size, destination, dangerous goods."""

from .carriers import Carrier, carrier_for
from .parcels import Parcel, check_shipment


def check_parcel(carrier: str, parcel: Parcel, zone: str) -> list[str]:
    """Why a carrier would refuse the parcel; an empty list means it is accepted."""
    check_shipment(parcel, zone)
    return problems_with(carrier_for(carrier), parcel, zone)


def accepting_carrier(code: str, parcel: Parcel, zone: str) -> Carrier:
    """The carrier for the code, if it takes the parcel to the zone."""
    check_shipment(parcel, zone)
    carrier = carrier_for(code)
    problems = problems_with(carrier, parcel, zone)
    if problems:
        raise ValueError(f"{code} cannot take this parcel: {problems[0]}")
    return carrier


def problems_with(carrier: Carrier, parcel: Parcel, zone: str) -> list[str]:
    """Why the carrier would refuse a well-formed parcel, weight first."""
    problems = []
    if parcel.weight_g > carrier.max_weight_g:
        problems.append(f"over {carrier.max_weight_g // 1000} kg")
    return problems + carrier.size_problems(parcel) + carrier.route_problems(parcel, zone)
