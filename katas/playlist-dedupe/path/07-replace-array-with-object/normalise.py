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


def is_version_note(text):
    return any(note in text for note in VERSION_NOTES)


def squeeze(text):
    """Letters and digits only, single spaces, '&' spelt out."""
    return " ".join(PUNCTUATION.sub("", text.replace("&", " and ")).split())


def normalise_artist(artist):
    text = f" {artist.lower()} "
    for marker in FEATURING:
        text = text.partition(marker)[0]
    return squeeze(text).removeprefix("the ")


def normalise_title(title):
    return squeeze(drop_dash_note(BRACKETED.sub(keep_unless_version, title.lower())))


def keep_unless_version(match):
    """Drop notes like "(2011 Remaster)", "[Radio Edit]", "(feat. Someone)"; "(Live)" stays."""
    note = match.group()
    return "" if is_version_note(note) else note


def drop_dash_note(text):
    """Drop a suffix like " - 2017 Remaster" or " - Single Version"."""
    head, dash, tail = text.partition(" - ")
    return head if dash and is_version_note(tail) else text


def track_key(artist, title):
    return (normalise_artist(artist), normalise_title(title))
