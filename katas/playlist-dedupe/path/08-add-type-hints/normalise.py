"""Telling that two log lines are the same recording.

Presenters type what is on the sleeve; the overnight automation logs what is
in the file tags. "The Pogues & Kirsty MacColl" and "Pogues and Kirsty
MacColl", "Heart of Glass (Remastered 2001)" and "Heart Of Glass" are one
recording to the licensing society, so both sides are boiled down to a key.
"""

import re

# Bracketed notes and " - ..." suffixes holding one of these are not part of
# the title. Live and acoustic versions are other recordings: they stay.
VERSION_NOTES = ("remaster", "radio edit", "single version", "album version", "mono", "stereo", "feat", "ft.")

# Guest credits are dropped from the artist: the society files under the lead.
FEATURING = (" feat. ", " feat ", " ft. ", " ft ", " featuring ")

# One bracketed note: an opening bracket, no other bracket, a closing one.
BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")

# Anything but a letter, a digit or a space (\w is letters, digits and "_").
PUNCTUATION = re.compile(r"[^\w\s]|_")

# What two spellings of one recording have in common: (artist, title).
Key = tuple[str, str]


def track_key(artist: str, title: str) -> Key:
    return (normalise_artist(artist), normalise_title(title))


def normalise_artist(artist: str) -> str:
    text = f" {artist.lower()} "
    for marker in FEATURING:
        text = text.partition(marker)[0]
    return squeeze(text).removeprefix("the ")


def normalise_title(title: str) -> str:
    return squeeze(drop_dash_note(BRACKETED.sub(keep_unless_version, title.lower())))


def keep_unless_version(match: re.Match[str]) -> str:
    """Drop notes like "(2011 Remaster)", "[Radio Edit]", "(feat. Someone)"; "(Live)" stays."""
    note = match.group()
    return "" if is_version_note(note) else note


def drop_dash_note(text: str) -> str:
    """Drop a suffix like " - 2017 Remaster" or " - Single Version"."""
    head, dash, tail = text.partition(" - ")
    return head if dash and is_version_note(tail) else text


def is_version_note(text: str) -> bool:
    return any(note in text for note in VERSION_NOTES)


def squeeze(text: str) -> str:
    """Letters and digits only, single spaces, '&' spelt out."""
    return " ".join(PUNCTUATION.sub("", text.replace("&", " and ")).split())
