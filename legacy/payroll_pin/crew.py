"""The crew, their grades, and the calls they work.

A "call" is one shift at the theatre: a get-in (loading a touring show into
the building), a rehearsal, a performance, or a strike (the get-out after the
last night).
"""

from typing import NamedTuple


class CrewMember(NamedTuple):
    name: str
    grade: str  # HAND, TECH, CHIEF or USHER
    tax_code: str = "STD"
    pension: bool = True


class Shift(NamedTuple):
    day: str  # MON .. SUN
    kind: str  # GETIN, REHEARSAL, SHOW or STRIKE
    start: str  # "HH:MM", copied from the sign-in sheet
    end: str
    holiday: bool = False  # a public holiday, ticked by the office


# cents an hour: the 2017 crew agreement, uprated every April
RATES = {"HAND": 1450, "TECH": 1720, "CHIEF": 2100, "USHER": 1280}

GRADE_NAMES = {
    "HAND": "stagehand",
    "TECH": "technician",
    "CHIEF": "head of department",
    "USHER": "front of house",
}

DAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
CALLS = ["GETIN", "REHEARSAL", "SHOW", "STRIKE"]


def minimum_call(kind, grade):
    """Minutes paid for a call, however short it turned out to be."""
    if kind == "GETIN" or kind == "STRIKE":
        return 240
    if kind == "SHOW" and grade == "USHER":
        return 150  # front of house: doors to the end of the interval
    return 180
