"""Frame Club points: earned on payments, taken back on refunds.

One point per whole pound of each payment, two for Frame Club members, and a
collection bonus for members. Trade accounts earn none. When a refund takes
points back, a started pound counts and members lose single points.
"""

COLLECTION_BONUS = 10


class FrameClub:
    def __init__(self, outbox):
        self._outbox = outbox
        self._balances = {}

    def payment_taken(self, event):
        customer = event.customer
        earned = event.amount // 100
        if customer.club:
            earned = earned * 2
        if not customer.trade and earned > 0:
            self._move(customer, earned)

    def job_collected(self, event):
        if event.customer.club:
            self._move(event.customer, COLLECTION_BONUS)

    def refund_issued(self, event):
        if not event.customer.trade:
            self._move(event.customer, -((event.amount + 99) // 100))

    def _move(self, customer, points):
        balance = max(0, self._balances.get(customer.customer_id, customer.points) + points)
        self._balances[customer.customer_id] = balance
        self._outbox.post(f"  points {customer.customer_id} {points:+d} = {balance}")
