"""What each carrier will take: weight, size, destination, dangerous goods."""

from .carriers import carrier_for
from .parcels import check_measurements, check_zone


def check_parcel(carrier, parcel, zone):
    """Why a carrier would refuse the parcel; an empty list means it is accepted."""
    check_zone(zone)
    check_measurements(parcel)
    chosen = carrier_for(carrier)
    problems = []
    if parcel.weight_g > chosen.max_weight_g:
        problems.append(f"over {chosen.max_weight_g // 1000} kg")
    problems += chosen.size_problems(parcel)
    problems += chosen.route_problems(parcel, zone)
    return problems


def require_acceptance(carrier, parcel, zone):
    """Refuse, with the first reason, a parcel the carrier would not take."""
    problems = check_parcel(carrier, parcel, zone)
    if problems:
        raise ValueError(f"{carrier} cannot take this parcel: {problems[0]}")
