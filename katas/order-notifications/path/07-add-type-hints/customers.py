"""The shop's customer file, as exported from the till every morning.

`email_ok` and `texts_ok` record the consent the customer gave at the counter.
Trade accounts (galleries, interior designers) are invoiced monthly and are
not part of the Frame Club; Frame Club members earn double points.
"""

from typing import NamedTuple


class Customer(NamedTuple):
    customer_id: str
    name: str
    email: str  # "" when we have none
    mobile: str  # "" when we have none
    email_ok: bool
    texts_ok: bool
    trade: bool = False
    club: bool = False
    points: int = 0  # opening balance this morning

    def first_name(self) -> str:
        return self.name.split()[0]


DIRECTORY = {
    customer.customer_id: customer
    for customer in (
        Customer("C01", "Ada Whitlock", "ada.whitlock@example.org", "07700 900101", True, True, points=120),
        Customer("C02", "Bram Ostler", "bram@ostler.example", "", True, True),
        Customer("C03", "Cass Penhaligon", "", "07700 900103", True, True, points=35),
        Customer("C04", "Dee Marlow", "dee.marlow@example.net", "07700 900104", True, False, club=True, points=260),
        Customer("C05", "Esme Rook", "esme@rook.example", "07700 900105", False, True, points=8),
        Customer("C06", "Fenwick Gallery", "Accounts@FenwickGallery.example", "01632 960106", True, True, trade=True),
        Customer("C07", "Gil Tamsin", "gil.tamsin@example.com", "07700 900107", True, True, club=True, points=480),
        Customer("C08", "Hal Penrose", "", "", True, True, club=True, points=15),
    )
}


def find(customer_id: str) -> Customer | None:
    return DIRECTORY.get(customer_id)
