"""Probe for the speed-up gate of the playlist-dedupe kata.

`make_input` writes a deterministic week of show logs as tab-separated lines
(show, artist, title, seconds): about forty tracks a show, drawn from a pool
of recordings where a few are played everywhere and most once or twice, each
spelt the way presenters and the automation system spell them (remasters,
radio edits, guest credits, "The", "&", capitals). `workload` reads them back
into `ShowLog`s and runs the public boundary; its result (the whole printed
chart) must be the same for the legacy code and the student's.
"""

import random
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ra", "tes", "vo", "zen", "dri", "fal", "gu", "hes", "nor", "pel", "sun", "tam", "wyn"]
WORDS = ["Love", "Night", "Harbour", "Tide", "Glass", "Fire", "Dance", "River", "Blue", "Song", "Heart", "Road"]
SHOW_NAMES = ["Morning Tide", "Lunchbox", "Dub Harbour", "Night Ferry", "Folk Roots", "Saltmarsh Soul", "Drivetime"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _recording(rng: random.Random) -> tuple[str, str, int]:
    artist = _name(rng, rng.randint(2, 3))
    if rng.random() < 0.3:
        artist = f"{artist} {_name(rng, 2)}"
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3))) + " " + _name(rng, 2)
    return artist, title, rng.randint(120, 420)


def _spelling(rng: random.Random, artist: str, title: str, seconds: int) -> tuple[str, str, int]:
    roll = rng.random()
    if roll < 0.15:
        artist = "The " + artist
    elif roll < 0.25:
        artist = f"{artist} feat. {_name(rng, 2)}"
    elif roll < 0.30:
        artist = artist.upper()
    roll = rng.random()
    if roll < 0.12:
        title = f"{title} (Remastered {rng.randint(1995, 2023)})"
    elif roll < 0.22:
        title, seconds = f"{title} - Radio Edit", seconds - rng.randint(20, 60)
    elif roll < 0.27:
        title = f"{title} [Mono]"
    elif roll < 0.32:
        title = title.lower()
    if rng.random() < 0.05:
        seconds = 0
    return artist, title, seconds


def make_input(size: int, path: Path) -> None:
    rng = random.Random(974)
    pool = [_recording(rng) for _ in range(max(1, size * 2 // 5))]
    lines = []
    for n in range(size):
        show = f"{SHOW_NAMES[n // 40 % len(SHOW_NAMES)]} {n // 40 + 1}"
        artist, title, seconds = pool[int(len(pool) * rng.random() ** 2)]
        artist, title, seconds = _spelling(rng, artist, title, seconds)
        lines.append(f"{show}\t{artist}\t{title}\t{seconds}\n")
    path.write_text("".join(lines), encoding="utf-8")


def workload(package, path: Path) -> str:
    logs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        show, artist, title, seconds = line.split("\t")
        if not logs or logs[-1].show != show:
            logs.append(package.ShowLog(show, []))
        logs[-1].plays.append(package.Play(artist, title, int(seconds)))
    chart = package.merge_playlists(logs)
    return package.report(chart, len(chart))


if __name__ == "__main__":
    # From the repository root:  python -m cProfile -s tottime characterization/playlist_dedupe/probe.py [plays]
    import importlib
    import sys
    import tempfile

    sys.path.insert(0, ".")
    plays = int(sys.argv[1]) if len(sys.argv) > 1 else 700
    with tempfile.TemporaryDirectory() as folder:
        week = Path(folder) / "week.tsv"
        make_input(plays, week)
        print(workload(importlib.import_module("legacy.playlist_dedupe"), week)[:400])
