"""The records that cross the boundary.

Bills and credit notes go back to the callers as named tuples, in cents,
whichever engine worked them out.
"""

from typing import NamedTuple


class Bill(NamedTuple):
    account: str
    water: int
    standing: int
    sewer: int
    concession: int
    total: int


class CreditNote(NamedTuple):
    account: str
    excess: int
    water: int
    sewer: int
    total: int
