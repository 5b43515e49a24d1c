"""Pricing a booking: one line per passenger type and vehicle, per leg."""

from dataclasses import dataclass

from .concessions import CARDS, apply_concession
from .errors import BookingError
from .journeys import Journey, Leg, plan_journey
from .timetable import Timetable

PASSENGER_KINDS = ("ADULT", "SENIOR", "CHILD", "INFANT")
DRIVERS = ("ADULT", "SENIOR")
VEHICLES = ("CAR", "VAN", "MOTORBIKE", "BICYCLE")
SATURDAY_SURCHARGE_PERCENT = 25  # motor vehicles only, rounded up to 10p
RETURN_TENTHS = 18  # a return costs 1.8 singles, rounded down to 10p


@dataclass(frozen=True)
class Booking:
    origin: str
    destination: str
    day: str
    after: str
    passengers: tuple[str, ...]
    vehicle: str | None = None
    card: str = "VISITOR"
    return_trip: bool = False


@dataclass(frozen=True)
class FareLine:
    label: str
    pence: int


@dataclass(frozen=True)
class Quote:
    booking: Booking
    journey: Journey
    lines: tuple[FareLine, ...]
    single: int
    total: int


def quote(timetable: Timetable, booking: Booking) -> Quote:
    check_booking(booking)
    journey = plan_journey(timetable, booking.origin, booking.destination, booking.day, booking.after)
    lines = [line for leg in journey for line in leg_fares(timetable, leg, booking)]
    single = sum(line.pence for line in lines)
    total = single * RETURN_TENTHS // 100 * 10 if booking.return_trip else single
    return Quote(booking, journey, tuple(lines), single, total)


def check_booking(booking: Booking) -> None:
    if booking.card not in CARDS:
        raise BookingError(f"unknown card {booking.card!r}")
    for passenger in booking.passengers:
        if passenger not in PASSENGER_KINDS:
            raise BookingError(f"unknown passenger {passenger!r}")
    if booking.vehicle is not None and booking.vehicle not in VEHICLES:
        raise BookingError(f"unknown vehicle {booking.vehicle!r}")
    grown_ups = sum(1 for passenger in booking.passengers if passenger in DRIVERS)
    if grown_ups == 0:
        raise BookingError("every booking needs an adult or a senior")
    infants = booking.passengers.count("INFANT")
    if infants > grown_ups:
        raise BookingError(f"{infants} infants need {infants} laps, there are {grown_ups}")


def leg_fares(timetable: Timetable, leg: Leg, booking: Booking) -> list[FareLine]:
    route = timetable.route(leg.origin, leg.destination)
    assert route is not None
    table = apply_concession(route.fares, booking.card)
    name = f"{leg.origin}-{leg.destination}"
    lines = []
    for kind in PASSENGER_KINDS:
        count = booking.passengers.count(kind)
        if count:
            price = table["PASSENGER"].get(kind, 0)
            lines.append(FareLine(f"{name} {count} x {kind.lower()}", count * price))
    if booking.vehicle is not None:
        price = table["VEHICLE"][booking.vehicle]
        if booking.day == "SAT" and booking.vehicle != "BICYCLE":
            price = saturday_price(price)
        lines.append(FareLine(f"{name} {booking.vehicle.lower()}", price))
    return lines


def saturday_price(pence: int) -> int:
    raised = pence * (100 + SATURDAY_SURCHARGE_PERCENT)
    return -(-raised // 1000) * 10
