"""Merge the week's show logs into one chart: one row per recording."""

from .normalise import forget_all, track_key
from .tracks import ChartEntry, check_play

# Positions in a chart row; rows are lists so the counts can go up in place.
ARTIST, TITLE, SECONDS, PLAYS, SHOWS, FIRST = range(6)


def merge_playlists(playlists):
    """One ChartEntry per recording, the most widely played first."""
    forget_all()
    chart = []
    done = []
    for playlist in playlists:
        show = playlist.show.strip()
        if show == "":
            raise ValueError("a show log without a show name")
        if show in done:
            raise ValueError(f"two logs for {show!r} this week")
        done.append(show)
        for number in range(len(playlist.plays)):
            play = playlist.plays[number]
            check_play(show, number + 1, play)
            key = track_key(play.artist, play.title)
            row = None
            for candidate in chart:
                if track_key(candidate[ARTIST], candidate[TITLE]) == key:
                    row = candidate
                    break
            if row is None:
                chart.append([play.artist, play.title, play.seconds, 1, [show], len(chart)])
            else:
                row[PLAYS] += 1
                if show not in row[SHOWS]:
                    row[SHOWS].append(show)
                # The chart shows the full-length version; of two as long, the later.
                if play.seconds >= row[SECONDS]:
                    row[ARTIST] = play.artist
                    row[TITLE] = play.title
                    row[SECONDS] = play.seconds
            # Ranked after every track: the studio screen showed the chart live.
            chart.sort(key=lambda row: (-len(row[SHOWS]), -row[PLAYS], row[FIRST]))
    entries = []
    for row in chart:
        entries.append(ChartEntry(row[ARTIST], row[TITLE], row[SECONDS], row[PLAYS], tuple(row[SHOWS])))
    return entries
