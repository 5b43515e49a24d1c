"""Kittiwake Sound Ferries: timetable, journeys and fares for the booking desk.

The public boundary used by the desk at Kelmsport and the kiosk on Orran.
"""

from .errors import BookingError, NoSailing, TimetableError
from .fares import Booking, Quote, quote
from .journeys import plan_journey
from .tickets import format_quote
from .timetable import load_timetable

__all__ = [
    "Booking",
    "BookingError",
    "NoSailing",
    "Quote",
    "TimetableError",
    "format_quote",
    "load_timetable",
    "plan_journey",
    "quote",
]
