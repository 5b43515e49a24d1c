"""Watching each gauge, reading by reading, for the alerts of the phone tree."""

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .readings import Reading
from .stations import STATIONS, Station, metres

READINGS_BACK = 4  # one hour at the usual 15-minute interval


class GaugeWatch:
    """Remembers what one gauge's alerts depend on: its last few levels, and whether it was rising."""

    def __init__(self, station: Station) -> None:
        self.station = station
        self.recent: deque[int] = deque(maxlen=READINGS_BACK + 1)  # this level and the four before it
        self.rising = False

    def alerts_for(self, reading: Reading) -> tuple[str, ...]:
        """The alerts this reading raises, in the order the phone tree wants them."""
        self.recent.append(reading.level)
        found = []
        if self.crosses_warning():
            found.append(f"{reading.when} {self.station.code} above warning at {metres(reading.level)}")
        rise = self.recent[-1] - self.recent[0]
        rose = len(self.recent) > READINGS_BACK and rise >= self.station.rise_mm
        if rose and not self.rising:  # one alert for a run of rising readings
            found.append(f"{reading.when} {self.station.code} rising {rise} mm in {READINGS_BACK} readings")
        self.rising = rose
        return tuple(found)

    def crosses_warning(self) -> bool:
        """At or above the warning level now, and below it before (or no reading before)."""
        below_before = len(self.recent) < 2 or self.recent[-2] < self.station.warning_mm
        return self.recent[-1] >= self.station.warning_mm and below_before


def with_alerts(readings: Iterable[Reading]) -> Iterator[Reading]:
    """The readings, each with the alerts it raises on its gauge."""
    watches = {code: GaugeWatch(station) for code, station in STATIONS.items()}
    for reading in readings:
        yield replace(reading, alerts=watches[reading.station].alerts_for(reading))
