"""What each carrier will take: weight, size, destination, dangerous goods.

Copied from the carriers' service guides: Albion Post (2023 edition),
Swiftline rate card v7, Haulmark conditions of carriage, Boxhop merchant
handbook.
"""

from .parcels import check_measurements, check_zone

# Boxhop locker compartments, sides longest first (cm)
LOCKERS = (("S", (45, 35, 10)), ("M", (45, 35, 20)), ("L", (60, 45, 40)))


def locker_size(parcel):
    """The smallest Boxhop locker the parcel fits in, or None."""
    sides = parcel.sides()
    for size, compartment in LOCKERS:
        if all(side <= room for side, room in zip(sides, compartment)):
            return size
    return None


def check_parcel(carrier, parcel, zone):
    """Why a carrier would refuse the parcel; an empty list means it is accepted."""
    check_zone(zone)
    check_measurements(parcel)
    problems = []
    longest, middle, shortest = parcel.sides()
    if carrier == "ALB":
        if parcel.weight_g > 20000:
            problems.append("over 20 kg")
        if longest > 100:
            problems.append("longer than 100 cm")
        elif longest + 2 * (middle + shortest) > 250:
            problems.append("length and girth over 250 cm")
    elif carrier == "SWL":
        if parcel.weight_g > 30000:
            problems.append("over 30 kg")
        if longest > 120:
            problems.append("longer than 120 cm")
        # zone C goes by plane or ferry: no dangerous goods on those legs
        if zone == "C" and parcel.dangerous:
            problems.append("no dangerous goods to zone C")
    elif carrier == "HMF":
        if parcel.weight_g > 500000:
            problems.append("over 500 kg")
        if longest > 240:
            problems.append("longer than 240 cm")
    elif carrier == "BXH":
        if parcel.weight_g > 15000:
            problems.append("over 15 kg")
        if locker_size(parcel) is None:
            problems.append("does not fit a locker")
        if zone == "C":
            problems.append("no lockers in zone C")
    else:
        raise ValueError(f"unknown carrier {carrier!r}")
    if parcel.dangerous and (carrier == "ALB" or carrier == "BXH"):
        problems.append("no dangerous goods")
    return problems


def require_acceptance(carrier, parcel, zone):
    """Refuse, with the first reason, a parcel the carrier would not take."""
    problems = check_parcel(carrier, parcel, zone)
    if problems:
        raise ValueError(f"{carrier} cannot take this parcel: {problems[0]}")
