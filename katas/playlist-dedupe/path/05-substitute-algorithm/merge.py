"""Merge the week's show logs into one chart: one row per recording."""

from .normalise import track_key
from .tracks import ChartEntry, check_play

# Positions in a chart row; rows are lists so the counts can go up in place.
ARTIST, TITLE, SECONDS, PLAYS, SHOWS, FIRST = range(6)


def merge_playlists(playlists):
    """One ChartEntry per recording, the most widely played first."""
    rows = {}
    done = []
    for playlist in playlists:
        show = check_show(playlist.show, done)
        done.append(show)
        for number in range(len(playlist.plays)):
            play = playlist.plays[number]
            check_play(show, number + 1, play)
            key = track_key(play.artist, play.title)
            if key in rows:
                add_play(rows[key], show, play)
            else:
                rows[key] = [play.artist, play.title, play.seconds, 1, [show], len(rows)]
    entries = []
    for row in sorted(rows.values(), key=rank):
        entries.append(ChartEntry(row[ARTIST], row[TITLE], row[SECONDS], row[PLAYS], tuple(row[SHOWS])))
    return entries


def check_show(name, done):
    show = name.strip()
    if show == "":
        raise ValueError("a show log without a show name")
    if show in done:
        raise ValueError(f"two logs for {show!r} this week")
    return show


def add_play(row, show, play):
    row[PLAYS] += 1
    if show not in row[SHOWS]:
        row[SHOWS].append(show)
    # The chart shows the full-length version; of two as long, the later.
    if play.seconds >= row[SECONDS]:
        row[ARTIST] = play.artist
        row[TITLE] = play.title
        row[SECONDS] = play.seconds


def rank(row):
    """Most shows first, then most plays, then the first played."""
    return (-len(row[SHOWS]), -row[PLAYS], row[FIRST])
