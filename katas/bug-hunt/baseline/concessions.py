"""Concession cards: the fare table a card holder pays on a route.

Islanders with a resident card take a vehicle across at 60% of the published
fare (bicycles are cheap enough already); students pay the child fare.
"""

CARDS = ("VISITOR", "RESIDENT", "STUDENT")
RESIDENT_VEHICLE_PERCENT = 60


def apply_concession(fares: dict[str, dict[str, int]], card: str) -> dict[str, dict[str, int]]:
    """The route's published fares as the holder of `card` pays them."""
    table = dict(fares)  # a copy: the route keeps its published fares
    if card == "RESIDENT":
        vehicles = table["VEHICLE"]
        for kind, pence in vehicles.items():
            if kind != "BICYCLE":
                vehicles[kind] = pence * RESIDENT_VEHICLE_PERCENT // 100
    elif card == "STUDENT":
        passengers = table["PASSENGER"]
        passengers["ADULT"] = passengers["CHILD"]
    return table
