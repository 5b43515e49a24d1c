"""Merge the week's show logs into one chart: one entry per recording."""

from collections.abc import Iterable, Set
from dataclasses import dataclass

from .normalise import Key, track_key
from .tracks import ChartEntry, Play, ShowLog, check_play


@dataclass
class Recording:
    """One recording's plays so far."""

    shown: Play  # the longest logged version; of two as long, the later
    shows: dict[str, None]  # an ordered set: the shows in the order they first played it
    plays: int = 1

    def add(self, show: str, play: Play) -> None:
        self.plays += 1
        self.shows.setdefault(show)
        if play.seconds >= self.shown.seconds:
            self.shown = play

    def rank(self) -> tuple[int, int]:
        """Most shows first, then most plays."""
        return (-len(self.shows), -self.plays)

    def entry(self) -> ChartEntry:
        artist, title, seconds = self.shown
        return ChartEntry(artist, title, seconds, self.plays, tuple(self.shows))


def merge_playlists(playlists: Iterable[ShowLog]) -> list[ChartEntry]:
    """One ChartEntry per recording, the most widely played first."""
    recordings: dict[Key, Recording] = {}
    done: set[str] = set()
    for playlist in playlists:
        show = check_show(playlist.show, done)
        done.add(show)
        for number, play in enumerate(playlist.plays, start=1):
            check_play(show, number, play)
            key = track_key(play.artist, play.title)
            if key in recordings:
                recordings[key].add(show, play)
            else:
                recordings[key] = Recording(play, dict.fromkeys([show]))
    # sorted() is stable and a dict keeps insertion order: ties stay in the
    # order they were first played.
    return [recording.entry() for recording in sorted(recordings.values(), key=Recording.rank)]


def check_show(name: str, done: Set[str]) -> str:
    show = name.strip()
    if not show:
        raise ValueError("a show log without a show name")
    if show in done:
        raise ValueError(f"two logs for {show!r} this week")
    return show
