"""What the presenters upload: one log per show, one line per track played."""

from typing import NamedTuple

# Anything longer is a mistyped length (DJ mixes are logged separately).
LONGEST_TRACK = 60 * 60


class Play(NamedTuple):
    artist: str
    title: str
    seconds: int  # as logged; 0 when the presenter did not log a length


class ShowLog(NamedTuple):
    show: str
    plays: list  # in the order they went out


class ChartEntry(NamedTuple):
    artist: str
    title: str
    seconds: int
    plays: int
    shows: tuple  # the shows that played it, in the order they first did


def check_play(show, number, play):
    if not play.artist.strip():
        raise ValueError(f"{show}, track {number}: no artist")
    if not play.title.strip():
        raise ValueError(f"{show}, track {number}: no title")
    if play.seconds < 0 or play.seconds > LONGEST_TRACK:
        raise ValueError(f"{show}, track {number}: {play.seconds} seconds is not a track length")


def format_length(seconds):
    """213 -> '3:33'; a length nobody logged prints as '-:--'."""
    if seconds == 0:
        return "-:--"
    return f"{seconds // 60}:{seconds % 60:02d}"


def format_running_time(seconds):
    """7384 -> '2:03:04'."""
    hours = seconds // 3600
    minutes = seconds // 60 % 60
    return f"{hours}:{minutes:02d}:{seconds % 60:02d}"
