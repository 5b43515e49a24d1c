"""Reading the sign-in sheet: clock times in, minutes out."""


def shift_minutes(start, end):
    """Start and end of a call in minutes after midnight of the day it began.

    A call that ends at or before the time it started ran past midnight.
    """
    parts = start.split(":")
    if len(parts) != 2 or not parts[0].isdigit() or not parts[1].isdigit():
        raise ValueError(f"bad start time {start!r}")
    if int(parts[0]) > 23 or int(parts[1]) > 59:
        raise ValueError(f"bad start time {start!r}")
    start_min = int(parts[0]) * 60 + int(parts[1])

    parts = end.split(":")
    if len(parts) != 2 or not parts[0].isdigit() or not parts[1].isdigit():
        raise ValueError(f"bad end time {end!r}")
    # the box office writes midnight as 24:00
    if int(parts[0]) > 24 or int(parts[1]) > 59:
        raise ValueError(f"bad end time {end!r}")
    end_min = int(parts[0]) * 60 + int(parts[1])

    if end_min <= start_min:
        end_min = end_min + 24 * 60
    if end_min - start_min > 16 * 60:
        raise ValueError(f"call of more than 16 hours: {start}-{end}")
    return start_min, end_min


def night_minutes(start_min, end_min):
    """Minutes of a call between 23:00 and 06:00, which earn the night loading."""
    early = max(0, min(end_min, 360) - start_min)
    late = max(0, min(end_min, 1800) - max(start_min, 1380))
    return early + late
