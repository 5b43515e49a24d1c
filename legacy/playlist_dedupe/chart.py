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
    plays = 0
    shows = []
    for entry in chart:
        plays += entry.plays
        for show in entry.shows:
            if show not in shows:
                shows.append(show)
    text += f"{plays} plays of {len(chart)} recordings in {len(shows)} shows\n\n"
    scores = []
    for entry in chart:
        scores.append((len(entry.shows), entry.plays))
    running = 0
    unknown = 0
    for position in range(min(top, len(chart))):
        entry = chart[position]
        rank = scores.index((len(entry.shows), entry.plays)) + 1
        if rank < position + 1:
            label = "=" + str(rank)
        else:
            label = str(rank)
        name = entry.artist.strip() + " - " + entry.title.strip()
        if len(name) > NAME_WIDTH:
            name = name[: NAME_WIDTH - 1] + "~"
        if entry.seconds == 0:
            unknown += 1
        running += entry.seconds
        spread = "1 show" if len(entry.shows) == 1 else f"{len(entry.shows)} shows"
        text += f"{label:>4}  {name:<{NAME_WIDTH}} {format_length(entry.seconds):>5}  {entry.plays:>3} plays  {spread}\n"
    shown = min(top, len(chart))
    text += f"\nRunning time of the top {shown}: {format_running_time(running)}"
    if unknown > 0:
        text += f" ({unknown} not logged)"
    text += "\n"
    return text
