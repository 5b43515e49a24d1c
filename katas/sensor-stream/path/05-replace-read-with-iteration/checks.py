"""Which readings the report can trust."""

from .readings import FAULT, LOW_BATTERY_V
from .stations import STATIONS


def usable_readings(readings, counts):
    """The readings of our own gauges, with a working sensor and a charged battery.

    What is dropped is counted in `counts`, under the first check it fails.
    """
    counts["unknown station"] = 0
    counts["sensor fault"] = 0
    counts["low battery"] = 0
    usable = []
    for reading in readings:
        if reading.station not in STATIONS:
            counts["unknown station"] += 1
        elif reading.level == FAULT:
            counts["sensor fault"] += 1
        elif reading.battery is not None and reading.battery < LOW_BATTERY_V:
            counts["low battery"] += 1
        else:
            usable.append(reading)
    return usable
