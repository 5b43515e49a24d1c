"""The quote as the desk prints it for the customer."""

from .fares import Quote
from .timetable import clock

WIDTH = 30


def money(pence: int) -> str:
    return f"£{pence // 100}.{pence % 100:02d}"


def format_quote(quote: Quote) -> str:
    booking = quote.booking
    vehicle = booking.vehicle.lower() if booking.vehicle else "foot passengers"
    lines = [f"{booking.day} {booking.origin}->{booking.destination}, {vehicle}, {booking.card.lower()} card"]
    for leg in quote.journey:
        lines.append(f"  sails {leg.origin} {clock(leg.departs)}, arrives {leg.destination} {clock(leg.arrives)}")
    for line in quote.lines:
        lines.append(f"  {line.label:<{WIDTH}}{money(line.pence):>9}")
    if booking.return_trip:
        lines.append(f"  {'single':<{WIDTH}}{money(quote.single):>9}")
        lines.append(f"  {'RETURN (1.8 singles)':<{WIDTH}}{money(quote.total):>9}")
    else:
        lines.append(f"  {'SINGLE':<{WIDTH}}{money(quote.total):>9}")
    return "\n".join(lines)
