"""Which readings the report can trust, and the survey corrections."""

from dataclasses import replace

from .readings import FAULT, LOW_BATTERY_V
from .stations import STATIONS


def known_station(reading):
    return reading.station in STATIONS


def sensor_works(reading):
    return reading.level != FAULT


def battery_charged(reading):
    return reading.battery is None or reading.battery >= LOW_BATTERY_V


# In the order they are made: a dropped reading is counted under the first check it fails.
CHECKS = (
    ("unknown station", known_station),
    ("sensor fault", sensor_works),
    ("low battery", battery_charged),
)


def passing(readings, check, reason, tally):
    """The readings that pass `check`; the others are counted in `tally` under `reason`."""
    for reading in readings:
        if check(reading):
            yield reading
        else:
            tally[reason] += 1


def usable_readings(readings, tally):
    """The readings of our own gauges, with a working sensor and a charged battery."""
    for reason, check in CHECKS:
        readings = passing(readings, check, reason, tally)
    return readings


def corrected(readings):
    """The readings with their gauge's survey correction applied."""
    for reading in readings:
        yield replace(reading, level=reading.level + STATIONS[reading.station].offset_mm)
