"""Lyne Valley Flood Watch: gauge summaries and alerts from HydroLog exports.

The duty officer's morning report (`summarise`) and the list of alerts that
goes to the volunteers' phone tree (`alerts`) both read one HydroLog CSV
export of the night's readings.
"""

from .alerts import alerts
from .summary import summarise

__all__ = ["alerts", "summarise"]
