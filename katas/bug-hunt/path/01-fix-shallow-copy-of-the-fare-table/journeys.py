"""Journey planning: the first boat, or the first two boats with a change."""

from dataclasses import dataclass

from .errors import BookingError, NoSailing
from .timetable import DAYS, Timetable, clock, parse_clock

MIN_CONNECTION = 15  # minutes to walk off one boat and onto the next


@dataclass(frozen=True)
class Leg:
    origin: str
    destination: str
    departs: int
    arrives: int


Journey = tuple[Leg, ...]


def plan_journey(timetable: Timetable, origin: str, destination: str, day: str, after: str) -> Journey:
    """The earliest journey leaving `origin` at or after `after` on `day`."""
    for port in (origin, destination):
        if port not in timetable.ports:
            raise BookingError(f"unknown port {port!r}")
    if origin == destination:
        raise BookingError(f"{origin} to {origin} is not a journey")
    if day not in DAYS:
        raise BookingError(f"unknown day {day!r}")
    try:
        earliest = parse_clock(after)
    except ValueError as error:
        raise BookingError(str(error)) from None
    if timetable.route(origin, destination) is not None:
        return (next_leg(timetable, origin, destination, day, earliest),)
    via = connecting_port(timetable, origin, destination)
    first = next_leg(timetable, origin, via, day, earliest)
    second = next_leg(timetable, via, destination, day, first.arrives + MIN_CONNECTION)
    print("DEBUG connection at", via, clock(first.arrives), "->", clock(second.departs))
    return (first, second)


def connecting_port(timetable: Timetable, origin: str, destination: str) -> str:
    for port in timetable.ports:
        if timetable.route(origin, port) and timetable.route(port, destination):
            return port
    raise BookingError(f"no route from {timetable.ports[origin]} to {timetable.ports[destination]}")


def next_leg(timetable: Timetable, origin: str, destination: str, day: str, earliest: int) -> Leg:
    route = timetable.route(origin, destination)
    assert route is not None
    for sailing in sorted(timetable.sailings, key=lambda sailing: sailing.departs):
        runs_today = (sailing.origin, sailing.destination) == (origin, destination) and day in sailing.days
        if runs_today and sailing.departs >= earliest:
            return Leg(origin, destination, sailing.departs, sailing.departs + route.minutes)
    raise NoSailing(f"no sailing {origin}-{destination} on {day} from {clock(earliest)}")
