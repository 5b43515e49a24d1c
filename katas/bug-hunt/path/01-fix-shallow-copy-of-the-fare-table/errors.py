"""What can go wrong, from the timetable file to the booking desk."""


class FerryError(Exception):
    """Anything the office should show to the clerk instead of a quote."""


class TimetableError(FerryError):
    """The timetable file cannot be read; the message names the line."""


class BookingError(FerryError):
    """The booking cannot be priced as asked."""


class NoSailing(BookingError):
    """No boat leaves late enough that day."""
