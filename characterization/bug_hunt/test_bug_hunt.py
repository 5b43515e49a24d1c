"""Approval harness for the bug-hunt kata (Kittiwake Sound Ferries).

Pins the public boundary of `legacy.bug_hunt` (load_timetable, plan_journey,
quote, format_quote) as it behaved in release 2.2: timetable records and their
errors, journeys with and without a change at Orran, fares for every card,
passenger type and vehicle, and a day of bookings at the Kelmsport desk.

Every fare case loads its own timetable; the day at the desk loads one
timetable and prices every booking with it, as the office does.
"""

from approvaltests import verify
from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.bug_hunt import (
    Booking,
    BookingError,
    TimetableError,
    format_quote,
    load_timetable,
    plan_journey,
    quote,
)

TIMETABLE = """\
# Kittiwake Sound Ferries, summer timetable (release 2.2)
PORT KEL Kelmsport
PORT ORR Orran
PORT SKE Little Skerra
PORT BRK Breck Pier          # closed for repairs: no boat calls this season

ROUTE KEL ORR 50
ROUTE ORR SKE 20
FARE KEL ORR PASSENGER ADULT=940 SENIOR=700 CHILD=470
FARE KEL ORR VEHICLE CAR=3815 VAN=5650 MOTORBIKE=1905 BICYCLE=250
FARE ORR SKE PASSENGER ADULT=420 SENIOR=310 CHILD=215
FARE ORR SKE VEHICLE CAR=1650 VAN=2475 MOTORBIKE=830 BICYCLE=0

SAIL KEL ORR 12:15 DAILY
SAIL KEL ORR 07:30 MON-SAT
SAIL KEL ORR 17:40 MON-FRI,SUN
SAIL ORR KEL 14:10 DAILY
SAIL ORR KEL 09:00 MON-SAT
SAIL ORR KEL 19:30 MON-FRI,SUN
SAIL ORR SKE 08:35 MON-SAT   # the 07:30 from Kelmsport arrives 08:20
SAIL ORR SKE 13:20 DAILY
SAIL ORR SKE 18:40 MON-FRI
SAIL SKE ORR 07:50 MON-SAT
SAIL SKE ORR 13:45 DAILY
SAIL SKE ORR 16:05 SAT,SUN
"""

TRIPS = ["KEL-ORR", "ORR-KEL", "ORR-SKE", "SKE-ORR", "KEL-SKE", "SKE-KEL"]
DAYS = ["MON", "SAT", "SUN"]
# just before, at and just after departures and connections
AFTER = ["00:00", "7:30", ":30", "07:3", "07:31", "08:20", "08:21", "12:15", "13:05", "13:06", "16:05", "17:40", "18:41", "23:59"]

FARE_TRIPS = ["KEL-ORR", "ORR-KEL", "ORR-SKE", "SKE-KEL"]
PARTIES = [
    ("ADULT",),
    ("SENIOR",),
    ("ADULT", "CHILD", "CHILD"),
    ("SENIOR", "INFANT"),
    ("ADULT", "SENIOR", "INFANT", "INFANT"),
]
CARDS = ["VISITOR", "RESIDENT", "STUDENT"]


def hhmm(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def show_journey(journey):
    return ", ".join(f"{leg.origin} {hhmm(leg.departs)} {leg.destination} {hhmm(leg.arrives)}" for leg in journey)


def show_quote(result):
    lines = "; ".join(f"{line.label} {line.pence}" for line in result.lines)
    return f"{lines} | single {result.single}, total {result.total}"


def journey(origin, destination, day, after):
    return show_journey(plan_journey(load_timetable(TIMETABLE), origin, destination, day, after))


def trip_journey(trip, day, after):
    origin, destination = trip.split("-")
    return journey(origin, destination, day, after)


def party_fare(trip, party, card, return_trip):
    origin, destination = trip.split("-")
    booking = Booking(origin, destination, "MON", "07:00", party, None, card, return_trip)
    return show_quote(quote(load_timetable(TIMETABLE), booking))


def vehicle_fare(trip, vehicle, card, day, return_trip):
    origin, destination = trip.split("-")
    booking = Booking(origin, destination, day, "07:00", ("ADULT",), vehicle, card, return_trip)
    return show_quote(quote(load_timetable(TIMETABLE), booking))


def refused(card, party, vehicle, destination, day):
    booking = Booking("KEL", destination, day, "07:00", party, vehicle, card)
    return show_quote(quote(load_timetable(TIMETABLE), booking))


def test_journeys():
    verify_all_combinations_with_labeled_input(trip_journey, trip=TRIPS, day=DAYS, after=AFTER)


def test_journeys_that_cannot_be_planned():
    verify_all_combinations_with_labeled_input(
        journey,
        origin=["KEL", "BRK", "XYZ"],
        destination=["SKE", "BRK", "KEL"],
        day=["MON", "Mon"],
        after=["08:00", "24:00", "12:60", "1200"],
    )


def test_party_fares():
    verify_all_combinations_with_labeled_input(
        party_fare, trip=FARE_TRIPS, party=PARTIES, card=CARDS, return_trip=[False, True]
    )


def test_vehicle_fares():
    verify_all_combinations_with_labeled_input(
        vehicle_fare,
        trip=FARE_TRIPS,
        vehicle=["CAR", "VAN", "MOTORBIKE", "BICYCLE"],
        card=CARDS,
        day=["FRI", "SAT"],
        return_trip=[False, True],
    )


def test_bookings_are_refused_in_order():
    verify_all_combinations_with_labeled_input(
        refused,
        card=["VISITOR", "GOLD"],
        party=[("ADULT",), ("CHILD",), ("ADULT", "DOG"), ("ADULT", "INFANT", "INFANT")],
        vehicle=[None, "TRACTOR"],
        destination=["ORR", "XYZ"],
        day=["MON", "MONDAY"],
    )


WEEK = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
RECORDS = [
    ("a record nobody knows", "TIDE KEL 06:12"),
    ("a port without a name", "PORT EIG"),
    ("a route to an unknown port", "ROUTE KEL EIG 90"),
    ("a route from an unknown port", "ROUTE EIG KEL 90"),
    ("a route without a crossing time", "ROUTE KEL SKE"),
    ("a crossing time of zero", "ROUTE KEL SKE 0"),
    ("a crossing time in hours", "ROUTE KEL SKE 1h"),
    ("fares for a route nobody runs", "FARE KEL SKE PASSENGER ADULT=1200"),
    ("fares without prices", "FARE KEL ORR PASSENGER"),
    ("fares for freight", "FARE KEL ORR FREIGHT PALLET=9000"),
    ("a fare for a dog", "FARE KEL ORR PASSENGER DOG=150"),
    ("a price in pounds", "FARE KEL ORR VEHICLE CAR=38.15"),
    ("a price without a value", "FARE KEL ORR VEHICLE CAR"),
    ("a sailing without days", "SAIL KEL ORR 06:00"),
    ("a sailing nobody can take", "SAIL KEL SKE 06:00 DAILY"),
    ("a sailing at 25 o'clock", "SAIL KEL ORR 25:00 DAILY"),
    ("a sailing at 06:60", "SAIL KEL ORR 06:60 DAILY"),
    ("a sailing at 6.30", "SAIL KEL ORR 6.30 DAILY"),
    ("a sailing at 06:3", "SAIL KEL ORR 06:3 DAILY"),
    ("days backwards", "SAIL KEL ORR 06:00 SAT-MON"),
    ("days in lower case", "SAIL KEL ORR 06:00 mon-fri"),
    ("days without an end", "SAIL KEL ORR 06:00 MON-"),
    ("a day range ending in a typo", "SAIL KEL ORR 06:00 MON-FRY"),
    ("one bad day in a list", "SAIL KEL ORR 06:00 SAT,SUM"),
    ("a fare changed later in the file", "FARE KEL ORR VEHICLE CAR=4000"),
    ("an early sailing on Sundays only", "SAIL KEL ORR 06:00 SUN  # extra boat # for the regatta"),
    ("a Tuesday to Thursday sailing", "SAIL KEL ORR 06:45 TUE-THU"),
    ("a Wednesday sailing", "SAIL KEL ORR 06:45 WED"),
    ("a port renamed", "PORT KEL Kelmsport Quay"),
]


def attempt(action):
    try:
        return action()
    except BookingError as error:
        return f"{type(error).__name__}: {error}"


def test_timetable_records():
    transcript = []
    for label, record in RECORDS:
        try:
            timetable = load_timetable(TIMETABLE + record + "\n")
            boats = [f"{day} {show_journey(plan_journey(timetable, 'KEL', 'ORR', day, '00:00'))}" for day in WEEK]
            car = quote(timetable, Booking("KEL", "ORR", "MON", "00:00", ("ADULT",), "CAR"))
            closed = attempt(lambda: plan_journey(timetable, "KEL", "BRK", "MON", "00:00"))
            outcome = f"first boats {'; '.join(boats)}; {show_quote(car)}; {closed}"
        except TimetableError as error:
            outcome = f"TimetableError: {error}"
        transcript.append(f"{label}: {outcome}")
    verify("\n".join(transcript))


DESK_BOOKINGS = [
    Booking("KEL", "ORR", "MON", "06:50", ("ADULT", "ADULT"), "CAR"),
    Booking("KEL", "SKE", "MON", "07:00", ("ADULT", "CHILD")),
    Booking("ORR", "SKE", "MON", "12:00", ("ADULT",), "VAN"),
    Booking("KEL", "ORR", "TUE", "10:00", ("ADULT",), "VAN"),
    Booking("SKE", "ORR", "TUE", "07:15", ("SENIOR",), None, "RESIDENT"),
    Booking("KEL", "ORR", "WED", "12:00", ("ADULT", "CHILD", "CHILD"), "CAR", return_trip=True),
    Booking("ORR", "SKE", "WED", "12:00", ("ADULT", "ADULT")),
    Booking("KEL", "ORR", "THU", "18:00", ("ADULT",), "CAR"),
    Booking("KEL", "SKE", "THU", "07:00", ("ADULT",), "CAR"),
    Booking("KEL", "ORR", "FRI", "16:00", ("ADULT",), "MOTORBIKE"),
    Booking("KEL", "ORR", "FRI", "07:00", ("ADULT",), "TRACTOR"),
    Booking("ORR", "KEL", "FRI", "09:00", ("SENIOR", "INFANT"), "CAR", "RESIDENT"),
    Booking("KEL", "BRK", "SAT", "09:00", ("ADULT",)),
    Booking("KEL", "ORR", "SAT", "07:00", ("ADULT", "ADULT"), "CAR"),
    Booking("KEL", "SKE", "SAT", "12:00", ("ADULT",), "BICYCLE", "STUDENT"),
    Booking("KEL", "SKE", "SAT", "13:00", ("ADULT", "SENIOR"), "CAR", return_trip=True),
    Booking("SKE", "ORR", "SUN", "14:00", ("CHILD",)),
    Booking("SKE", "KEL", "SUN", "15:00", ("ADULT", "INFANT"), "VAN", "RESIDENT"),
    Booking("ORR", "KEL", "SUN", "17:00", ("ADULT", "CHILD"), "CAR", "GOLD"),
    Booking("ORR", "SKE", "SUN", "09:00", ("ADULT", "SENIOR", "CHILD"), "MOTORBIKE", return_trip=True),
    Booking("KEL", "ORR", "SUN", "17:00", ("SENIOR",)),
]


def test_a_week_of_bookings_at_the_kelmsport_desk():
    timetable = load_timetable(TIMETABLE)
    transcript = []
    for number, booking in enumerate(DESK_BOOKINGS, start=1):
        try:
            text = format_quote(quote(timetable, booking))
        except BookingError as error:
            text = f"{booking.day} {booking.origin}->{booking.destination}: {type(error).__name__}: {error}"
        transcript.append(f"#{number} {text}")
    verify("\n\n".join(transcript))
