"""The duty officer's morning report."""

from collections import Counter

from .alerts import alerts
from .pipeline import gauge_readings
from .stations import STATIONS, metres

TITLE = "Lyne Valley Flood Watch - gauge summary"
DROPPED = ("malformed", "unknown station", "sensor fault", "low battery")


class HourWindow:
    """A run of one gauge's readings in the same hour; it closes when the hour changes."""

    def __init__(self, hour):
        self.hour = hour
        self.total = 0
        self.count = 0

    def add(self, level):
        self.total += level
        self.count += 1

    @property
    def mean(self):
        return self.total // self.count


class GaugeSummary:
    """What the report says about one gauge, gathered one reading at a time."""

    def __init__(self, station, first):
        self.station = station
        self.readings = 0
        self.peak = first
        self.window = HourWindow(first.hour)
        self.wettest = self.window
        self.hours_above = 0

    def add(self, reading):
        self.readings += 1
        if reading.level > self.peak.level:  # the first of equal peaks stays
            self.peak = reading
        if reading.hour != self.window.hour:
            self.close_window()
            self.window = HourWindow(reading.hour)
        self.window.add(reading.level)

    def close_window(self):
        if self.window.mean > self.wettest.mean:  # the first of equal hours stays
            self.wettest = self.window
        if self.window.mean >= self.station.warning_mm:
            self.hours_above += 1


def summarise(path):
    """One line of counts, one line per gauge, and the number of alerts."""
    tally = Counter()
    gauges = gauge_summaries(gauge_readings(path, tally))
    raised = alerts(path)
    report = [TITLE, counts_line(tally, sum(gauge.readings for gauge in gauges.values()))]
    for code in sorted(STATIONS):
        station_alerts = len([a for a in raised if a.split(" ")[1] == code])
        report.append(gauge_line(STATIONS[code], gauges.get(code), station_alerts))
    report.append(f"{len(raised)} alerts")
    return "\n".join(report)


def gauge_summaries(readings):
    """A summary per gauge that has readings, built in one pass over them."""
    gauges = {}
    for reading in readings:
        if reading.station not in gauges:
            gauges[reading.station] = GaugeSummary(STATIONS[reading.station], reading)
        gauges[reading.station].add(reading)
    for gauge in gauges.values():
        gauge.close_window()
    return gauges


def counts_line(tally, readings):
    dropped = ", ".join(f"{reason} {tally[reason]}" for reason in DROPPED)
    ignored = sum(tally[reason] for reason in DROPPED)
    return f"{tally['lines']} lines, {readings} readings, {ignored} ignored ({dropped})"


def gauge_line(station, gauge, alert_count):
    if gauge is None:
        return f"{station.code} {station.name:<16} no readings"
    return (
        f"{station.code} {station.name:<16} {gauge.readings} readings, "
        f"peak {metres(gauge.peak.level)} at {gauge.peak.when}, "
        f"wettest hour {gauge.wettest.hour} ({metres(gauge.wettest.mean)}), "
        f"{gauge.hours_above} h above warning, {alert_count} alerts"
    )
