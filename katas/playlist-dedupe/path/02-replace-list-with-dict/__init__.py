"""Saltmarsh Radio 97.4: the weekly rotation chart and the returns to the music licensing society.

Every Monday the music coordinator feeds the week's show logs through
`merge_playlists`, prints the chart with `report` for the studio wall and the
website, and sends the same merged list to the licensing society. Keep these
names and signatures stable: the upload page and the returns script call them.
"""

from .chart import report
from .merge import merge_playlists
from .tracks import ChartEntry, Play, ShowLog

__all__ = ["ChartEntry", "Play", "ShowLog", "merge_playlists", "report"]
