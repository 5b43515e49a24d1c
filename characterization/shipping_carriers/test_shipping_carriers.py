"""Approval harness for the shipping-carriers kata.

Pins the behaviour of the public boundary of `legacy.shipping_carriers`
(check_parcel, quote, delivery_days, shipping_label, delivery_options) for
every carrier, an unknown carrier code, every zone and parcels just below, at
and just above every weight, size and price threshold in the code.
"""

from approvaltests.combination_approvals import (
    verify_all_combinations_with_labeled_input,
)

from legacy.shipping_carriers import (
    Order,
    Parcel,
    check_parcel,
    delivery_days,
    delivery_options,
    quote,
    shipping_label,
)

CARRIERS = ["ALB", "SWL", "HMF", "BXH"]
# the warehouse system sends codes in capitals: "alb" is an unknown carrier
ANY_CARRIER = [*CARRIERS, "alb"]
ZONES = ["A", "B", "C", "X"]

# name -> Parcel(weight_g, length_cm, width_cm, height_cm, dangerous)
PARCELS = {
    "gift card 1g": Parcel(1, 22, 16, 1),
    "mug 0.4kg": Parcel(400, 20, 15, 10),
    "box 2.000kg": Parcel(2000, 30, 20, 10),
    "box 2.001kg": Parcel(2001, 30, 20, 10),
    "box 3.000kg": Parcel(3000, 30, 20, 10),
    "box 5.000kg": Parcel(5000, 40, 30, 20),
    "box 5.001kg": Parcel(5001, 40, 30, 20),
    "box 10.000kg": Parcel(10000, 40, 30, 20),
    "box 10.001kg": Parcel(10001, 40, 30, 20),
    "box 15.000kg": Parcel(15000, 45, 35, 20),
    "box 15.001kg": Parcel(15001, 45, 35, 20),
    "crate 20.000kg": Parcel(20000, 60, 40, 40),
    "crate 20.001kg": Parcel(20001, 60, 40, 40),
    "crate 24.999kg": Parcel(24999, 60, 40, 40),
    "crate 25.000kg": Parcel(25000, 60, 40, 40),
    "crate 25.001kg": Parcel(25001, 60, 40, 40),
    "crate 30.000kg": Parcel(30000, 60, 40, 40),
    "crate 30.001kg": Parcel(30001, 60, 40, 40),
    "crate 50.000kg": Parcel(50000, 60, 40, 40),
    "crate 50.001kg": Parcel(50001, 60, 40, 40),
    "crate 51.000kg": Parcel(51000, 60, 40, 40),
    "pallet 250.000kg": Parcel(250000, 120, 100, 100),
    "pallet 250.001kg": Parcel(250001, 120, 100, 100),
    "pallet 500.000kg": Parcel(500000, 120, 100, 100),
    "pallet 500.001kg": Parcel(500001, 120, 100, 100),
    "poles 100cm": Parcel(1000, 100, 20, 10),
    "poles 101cm": Parcel(1000, 101, 20, 10),
    "tent girth 250": Parcel(1000, 100, 38, 37),
    "tent girth 251": Parcel(1000, 99, 38, 38),
    "tent 101cm girth 341": Parcel(1000, 101, 60, 60),
    "skis 120cm": Parcel(3000, 120, 30, 20),
    "skis 121cm": Parcel(3000, 121, 30, 20),
    "canoe 240cm": Parcel(40000, 240, 60, 40),
    "canoe 241cm": Parcel(40000, 241, 60, 40),
    "sleeping bag": Parcel(1200, 50, 40, 30),
    "locker S exact": Parcel(1000, 10, 45, 35),
    "locker S +1 long": Parcel(1000, 46, 35, 10),
    "locker S +1 wide": Parcel(1000, 45, 36, 10),
    "locker S +1 high": Parcel(1000, 45, 35, 11),
    "locker M exact": Parcel(1000, 45, 35, 20),
    "locker M +1 high": Parcel(1000, 45, 35, 21),
    "locker L exact": Parcel(1000, 60, 45, 40),
    "locker L +1 long": Parcel(1000, 61, 45, 40),
    "locker L +1 wide": Parcel(1000, 60, 46, 40),
    "locker L +1 high": Parcel(1000, 60, 45, 41),
    "gas cartridges": Parcel(2500, 30, 20, 15, True),
    "stove fuel crate": Parcel(30000, 60, 40, 40, True),
    "weight 0": Parcel(0, 30, 20, 10),
    "side 0": Parcel(1000, 30, 0, 10),
}

# the parcels whose price or acceptance depends on the zone
ZONE_PARCELS = [
    "box 2.000kg",
    "box 3.000kg",
    "sleeping bag",
    "gas cartridges",
    "stove fuel crate",
    "crate 51.000kg",
    "locker L exact",
    "side 0",
]

# the parcels where the choice at checkout changes
CHECKOUT_PARCELS = [
    "mug 0.4kg",
    "box 5.001kg",
    "box 10.001kg",
    "box 15.000kg",
    "box 15.001kg",
    "crate 20.001kg",
    "crate 24.999kg",
    "crate 25.000kg",
    "crate 30.001kg",
    "pallet 500.000kg",
    "pallet 500.001kg",
    "poles 101cm",
    "skis 121cm",
    "sleeping bag",
    "locker L +1 long",
    "gas cartridges",
    "stove fuel crate",
    "weight 0",
]

ORDERS = {
    "zone A": Order(4711, "Ann Lee", "la9 4pw", "A"),
    "zone C": Order(90210, "Bartholomew Fitzwilliam-Ashcroft", "HS2 9QJ", "C"),
}

LABEL_PARCELS = [
    "mug 0.4kg",
    "crate 24.999kg",
    "crate 25.000kg",
    "crate 25.001kg",
    "pallet 250.000kg",
    "pallet 250.001kg",
    "locker S exact",
    "locker M exact",
    "locker L exact",
    "gas cartridges",
    "stove fuel crate",
]

ORDER_NUMBERS = [0, 7, 42, 4711, 90210, 1000000, 12345678, 98765432, 123456789]

HOURS = [-1, 0, 11, 12, 15, 16, 17, 18, 19, 20, 23, 24]


def problems(carrier, parcel, zone):
    found = check_parcel(carrier, PARCELS[parcel], zone)
    return "; ".join(found) if found else "accepted"


def show_quote(carrier, parcel, zone):
    price = quote(carrier, PARCELS[parcel], zone)
    return f"net {price.net} + fuel {price.fuel} + vat {price.vat} = {price.total}"


def label(carrier, order, parcel):
    return shipping_label(carrier, ORDERS[order], PARCELS[parcel]).replace("\n", " | ")


def reference(carrier, order_number):
    order = Order(order_number, "Ann Lee", "LA9 4PW", "B")
    return shipping_label(carrier, order, PARCELS["locker M exact"]).splitlines()[1]


def options(parcel, zone, order_hour):
    offered = delivery_options(PARCELS[parcel], zone, order_hour)
    shown = [f"{o.carrier} {o.service!r} {o.price}p {o.days}d" for o in offered]
    return ", ".join(shown) or "no carrier"


def test_limits():
    verify_all_combinations_with_labeled_input(
        problems, carrier=CARRIERS, parcel=list(PARCELS), zone=["A"]
    )


def test_limits_by_zone():
    verify_all_combinations_with_labeled_input(
        problems, carrier=ANY_CARRIER, parcel=ZONE_PARCELS, zone=ZONES
    )


def test_quotes():
    verify_all_combinations_with_labeled_input(
        show_quote, carrier=CARRIERS, parcel=list(PARCELS), zone=["A"]
    )


def test_quotes_by_zone():
    verify_all_combinations_with_labeled_input(
        show_quote, carrier=ANY_CARRIER, parcel=ZONE_PARCELS, zone=ZONES
    )


def test_delivery_days():
    verify_all_combinations_with_labeled_input(
        delivery_days, carrier=ANY_CARRIER, zone=ZONES, order_hour=HOURS
    )


def test_labels():
    verify_all_combinations_with_labeled_input(
        label, carrier=ANY_CARRIER, order=list(ORDERS), parcel=LABEL_PARCELS
    )


def test_tracking_references():
    verify_all_combinations_with_labeled_input(
        reference, carrier=ANY_CARRIER, order_number=ORDER_NUMBERS
    )


def test_delivery_options():
    verify_all_combinations_with_labeled_input(
        options, parcel=CHECKOUT_PARCELS, zone=ZONES, order_hour=[9, 17, 25]
    )
