"""The timetable file: ports, routes with their fares (pence), and sailings.

    PORT KEL Kelmsport
    ROUTE KEL ORR 50                          crossing time in minutes
    FARE KEL ORR VEHICLE CAR=3800 VAN=5650    both ways, same price
    SAIL KEL ORR 07:30 MON-SAT                DAILY, MON-FRI, SAT,SUN, ...
"""

from dataclasses import dataclass, field

from .errors import TimetableError

DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
FARE_KINDS = {"PASSENGER": ("ADULT", "SENIOR", "CHILD"), "VEHICLE": ("CAR", "VAN", "MOTORBIKE", "BICYCLE")}


@dataclass
class Route:
    minutes: int
    fares: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Sailing:
    origin: str
    destination: str
    departs: int  # minutes after midnight
    days: frozenset[str]


@dataclass
class Timetable:
    ports: dict[str, str] = field(default_factory=dict)
    routes: dict[frozenset[str], Route] = field(default_factory=dict)
    sailings: list[Sailing] = field(default_factory=list)

    def route(self, origin: str, destination: str) -> Route | None:
        return self.routes.get(frozenset((origin, destination)))


def parse_clock(text: str) -> int:
    hours, colon, minutes = text.partition(":")
    if colon and hours.isdigit() and minutes.isdigit() and len(minutes) == 2:
        if int(hours) < 24 and int(minutes) < 60:
            return int(hours) * 60 + int(minutes)
    raise ValueError(f"bad time {text!r}")


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_days(text: str) -> frozenset[str]:
    if text == "DAILY":
        return frozenset(DAYS)
    days: set[str] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        last = last or first
        if first not in DAYS or last not in DAYS or DAYS.index(last) < DAYS.index(first):
            raise ValueError(f"bad days {text!r}")
        days.update(DAYS[DAYS.index(first) : DAYS.index(last) + 1])
    return frozenset(days)


def load_timetable(text: str) -> Timetable:
    timetable = Timetable()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.partition("#")[0].strip()
        if not line:
            continue
        keyword, *fields = line.split()
        try:
            if keyword == "PORT" and len(fields) >= 2:
                timetable.ports[fields[0]] = " ".join(fields[1:])
            elif keyword == "ROUTE":
                _add_route(timetable, fields)
            elif keyword == "FARE":
                _add_fares(timetable, fields)
            elif keyword == "SAIL":
                _add_sailing(timetable, fields)
            else:
                raise ValueError(f"cannot read a {keyword} record")
        except ValueError as error:
            raise TimetableError(f"line {number}: {error}") from None
    return timetable


def _route(timetable: Timetable, origin: str, destination: str) -> Route:
    route = timetable.route(origin, destination)
    if route is None:
        raise ValueError(f"no route {origin}-{destination}")
    return route


def _add_route(timetable: Timetable, fields: list[str]) -> None:
    if len(fields) != 3:
        raise ValueError("ROUTE needs two ports and a crossing time")
    origin, destination, minutes = fields
    for port in (origin, destination):
        if port not in timetable.ports:
            raise ValueError(f"unknown port {port!r}")
    if not minutes.isdigit() or int(minutes) == 0:
        raise ValueError(f"bad crossing time {minutes!r}")
    timetable.routes[frozenset((origin, destination))] = Route(int(minutes))


def _add_fares(timetable: Timetable, fields: list[str]) -> None:
    if len(fields) < 4:
        raise ValueError("FARE needs a route, a group and prices")
    origin, destination, group, *prices = fields
    route = _route(timetable, origin, destination)
    if group not in FARE_KINDS:
        raise ValueError(f"unknown fare group {group!r}")
    table = route.fares.setdefault(group, {})
    for price in prices:
        kind, _, pence = price.partition("=")
        if kind not in FARE_KINDS[group]:
            raise ValueError(f"unknown {group} fare {kind!r}")
        if not pence.isdigit():
            raise ValueError(f"bad price {price!r}")
        table[kind] = int(pence)


def _add_sailing(timetable: Timetable, fields: list[str]) -> None:
    if len(fields) != 4:
        raise ValueError("SAIL needs two ports, a time and days")
    origin, destination, departs, days = fields
    _route(timetable, origin, destination)
    timetable.sailings.append(Sailing(origin, destination, parse_clock(departs), parse_days(days)))

