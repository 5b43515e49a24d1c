"""The rotation chart as printed for the studio wall and the website."""

from itertools import groupby

from .tracks import format_length, format_running_time

HEADING = "SALTMARSH RADIO 97.4 - WEEKLY ROTATION"
NAME_WIDTH = 44


def report(chart, top):
    """The first `top` entries of a chart made by merge_playlists, with a summary."""
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    if not chart:
        return f"{HEADING}\nNo music logged this week.\n"
    shown = chart[:top]
    lines = map(chart_line, rank_labels(shown), shown)
    return "\n".join([HEADING, summary(chart), "", *lines, "", footer(shown), ""])


def summary(chart):
    plays = sum(entry.plays for entry in chart)
    shows = {show for entry in chart for show in entry.shows}
    return f"{plays} plays of {len(chart)} recordings in {len(shows)} shows"


def rank_labels(chart):
    """Tied entries share the rank of the first of them; the others get a '='."""
    rank = 1
    for _, tied in groupby(chart, key=score):
        size = len(list(tied))
        yield str(rank)
        yield from [f"={rank}"] * (size - 1)
        rank += size


def score(entry):
    return (len(entry.shows), entry.plays)


def chart_line(label, entry):
    name = f"{entry.artist.strip()} - {entry.title.strip()}"
    if len(name) > NAME_WIDTH:
        name = name[: NAME_WIDTH - 1] + "~"
    spread = "1 show" if len(entry.shows) == 1 else f"{len(entry.shows)} shows"
    return f"{label:>4}  {name:<{NAME_WIDTH}} {format_length(entry.seconds):>5}  {entry.plays:>3} plays  {spread}"


def footer(shown):
    running = sum(entry.seconds for entry in shown)
    unknown = sum(1 for entry in shown if entry.seconds == 0)
    text = f"Running time of the top {len(shown)}: {format_running_time(running)}"
    return f"{text} ({unknown} not logged)" if unknown else text
