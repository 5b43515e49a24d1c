"""The rotation chart as printed for the studio wall and the website."""

from .tracks import format_length, format_running_time

NAME_WIDTH = 44


def report(chart, top):
    """The first `top` entries of a chart made by merge_playlists, with a summary."""
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    text = "SALTMARSH RADIO 97.4 - WEEKLY ROTATION\n"
    if len(chart) == 0:
        text += "No music logged this week.\n"
        return text
    text += summary(chart) + "\n\n"
    scores = []
    for entry in chart:
        scores.append((len(entry.shows), entry.plays))
    for position in range(min(top, len(chart))):
        entry = chart[position]
        text += chart_line(rank_label(scores, position, entry), entry) + "\n"
    text += "\n" + footer(chart[:top]) + "\n"
    return text


def summary(chart):
    plays = 0
    shows = []
    for entry in chart:
        plays += entry.plays
        for show in entry.shows:
            if show not in shows:
                shows.append(show)
    return f"{plays} plays of {len(chart)} recordings in {len(shows)} shows"


def rank_label(scores, position, entry):
    """Tied entries share the rank of the first of them; the others get a '='."""
    rank = scores.index((len(entry.shows), entry.plays)) + 1
    if rank < position + 1:
        return "=" + str(rank)
    return str(rank)


def chart_line(label, entry):
    name = entry.artist.strip() + " - " + entry.title.strip()
    if len(name) > NAME_WIDTH:
        name = name[: NAME_WIDTH - 1] + "~"
    spread = "1 show" if len(entry.shows) == 1 else f"{len(entry.shows)} shows"
    return f"{label:>4}  {name:<{NAME_WIDTH}} {format_length(entry.seconds):>5}  {entry.plays:>3} plays  {spread}"


def footer(shown):
    running = 0
    unknown = 0
    for entry in shown:
        if entry.seconds == 0:
            unknown += 1
        running += entry.seconds
    text = f"Running time of the top {len(shown)}: {format_running_time(running)}"
    if unknown > 0:
        text += f" ({unknown} not logged)"
    return text
