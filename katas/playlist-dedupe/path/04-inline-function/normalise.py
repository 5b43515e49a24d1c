"""Telling that two log lines are the same recording.

Presenters type what is on the sleeve; the overnight automation logs what is
in the file tags. "The Pogues & Kirsty MacColl" and "Pogues and Kirsty
MacColl", "Heart of Glass (Remastered 2001)" and "Heart Of Glass" are one
recording to the licensing society, so both sides are boiled down to a key.
"""

# Bracketed notes and " - ..." suffixes holding one of these are not part of
# the title. Live and acoustic versions are other recordings: they stay.
VERSION_NOTES = ("remaster", "radio edit", "single version", "album version", "mono", "stereo", "feat", "ft.")

# Guest credits are dropped from the artist: the society files under the lead.
FEATURING = (" feat. ", " feat ", " ft. ", " ft ", " featuring ")

def is_version_note(text):
    for note in VERSION_NOTES:
        if note in text:
            return True
    return False


def squeeze(text):
    """Letters and digits only, single spaces, '&' spelt out."""
    text = text.replace("&", " and ")
    result = ""
    for word in text.split():
        cleaned = ""
        for ch in word:
            if ch.isalnum():
                cleaned += ch
        if cleaned == "":
            continue
        if result != "":
            result += " "
        result += cleaned
    return result


def normalise_artist(artist):
    text = " " + artist.lower() + " "
    for marker in FEATURING:
        at = text.find(marker)
        if at != -1:
            text = text[:at]
    text = squeeze(text)
    if text.startswith("the "):
        text = text[4:]
    return text


def normalise_title(title):
    return squeeze(drop_dash_note(drop_bracketed_notes(title.lower())))


def drop_bracketed_notes(text):
    """Drop notes like "(2011 Remaster)", "[Radio Edit]", "(feat. Someone)"; "(Live)" stays."""
    result = ""
    note = ""
    for ch in text:
        if ch in "([":
            result += note
            note = ch
        elif note == "":
            result += ch
        elif ch in ")]":
            if not is_version_note(note):
                result += note + ch
            note = ""
        else:
            note += ch
    return result + note


def drop_dash_note(text):
    """Drop a suffix like " - 2017 Remaster" or " - Single Version"."""
    dash = text.find(" - ")
    if dash != -1 and is_version_note(text[dash:]):
        return text[:dash]
    return text


def track_key(artist, title):
    return (normalise_artist(artist), normalise_title(title))
