"""Alerts for the volunteers' phone tree."""

from collections import Counter

from .pipeline import gauge_readings
from .readings import ExportPath


def alerts(path: ExportPath) -> list[str]:
    """Every alert of the export, station by station, each station's in file order."""
    alerted = [reading for reading in gauge_readings(path, Counter()) if reading.alerts]
    alerted.sort(key=lambda reading: reading.station)  # stable: file order within a station
    return [alert for reading in alerted for alert in reading.alerts]
