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

# Normalising is slow, so we remember what we did: the spellings seen so far
# and their keys, at the same positions. Emptied for every chart: it used to
# grow for as long as the upload page ran.
_artists = []
_artist_keys = []
_titles = []
_title_keys = []


def forget_all():
    _artists.clear()
    _artist_keys.clear()
    _titles.clear()
    _title_keys.clear()


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
    text = title.lower()
    # "(2011 Remaster)", "[Radio Edit]", "(feat. Someone)" go; "(Live)" stays
    result = ""
    note = ""
    for ch in text:
        if ch == "(" or ch == "[":
            result += note
            note = ch
        elif note == "":
            result += ch
        elif ch == ")" or ch == "]":
            if not is_version_note(note):
                result += note + ch
            note = ""
        else:
            note += ch
    result += note
    # "Heroes - 2017 Remaster", "Atmosphere - Single Version"
    dash = result.find(" - ")
    if dash != -1 and is_version_note(result[dash:]):
        result = result[:dash]
    return squeeze(result)


def remembered(text, spellings, keys, normalise):
    if text in spellings:
        return keys[spellings.index(text)]
    key = normalise(text)
    spellings.append(text)
    keys.append(key)
    return key


def track_key(artist, title):
    return (
        remembered(artist, _artists, _artist_keys, normalise_artist),
        remembered(title, _titles, _title_keys, normalise_title),
    )
