"""The duty officer's morning report."""

from collections import Counter

from .alerts import alerts
from .pipeline import gauge_readings
from .stations import STATIONS, metres

TITLE = "Lyne Valley Flood Watch - gauge summary"


def summarise(path):
    """One line of counts, one line per gauge, and the number of alerts."""
    counts = Counter()
    corrected = list(gauge_readings(path, counts))
    raised = alerts(path)

    ignored = counts["malformed"] + counts["unknown station"] + counts["sensor fault"] + counts["low battery"]
    report = [TITLE]
    report.append(
        f"{counts['lines']} lines, {len(corrected)} readings, {ignored} ignored "
        f"(malformed {counts['malformed']}, unknown station {counts['unknown station']}, "
        f"sensor fault {counts['sensor fault']}, low battery {counts['low battery']})"
    )
    for code in sorted(STATIONS):
        mine = [reading for reading in corrected if reading.station == code]
        station_alerts = len([a for a in raised if a.split(" ")[1] == code])
        report.append(station_line(STATIONS[code], mine, station_alerts))
    report.append(f"{len(raised)} alerts")
    return "\n".join(report)


def station_line(station, readings, alert_count):
    """The report's line for one gauge, from its readings in file order."""
    if len(readings) == 0:
        return f"{station.code} {station.name:<16} no readings"
    peak = max(readings, key=lambda reading: reading.level)  # the first of equal peaks
    hours = hourly_means(readings)
    wettest_hour, wettest_mean = max(hours, key=lambda hour: hour[1])
    above = len([mean for _hour, mean in hours if mean >= station.warning_mm])
    return (
        f"{station.code} {station.name:<16} {len(readings)} readings, peak {metres(peak.level)} at {peak.when}, "
        f"wettest hour {wettest_hour} ({metres(wettest_mean)}), {above} h above warning, {alert_count} alerts"
    )


def hourly_means(readings):
    """(hour, mean level) of each run of readings in the same hour; a window closes when the hour changes."""
    hours = []
    for reading in readings:
        if len(hours) == 0 or hours[-1]["hour"] != reading.hour:
            hours.append({"hour": reading.hour, "total": 0, "count": 0})
        hours[-1]["total"] += reading.level
        hours[-1]["count"] += 1
    return [(window["hour"], window["total"] // window["count"]) for window in hours]
