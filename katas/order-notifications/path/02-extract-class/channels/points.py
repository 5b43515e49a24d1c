"""Frame Club points: one point per whole pound paid."""


class FrameClub:
    def __init__(self, outbox):
        self._outbox = outbox
        self._balances = {}

    def balance(self, customer):
        return self._balances.get(customer.customer_id, customer.points)

    def add(self, customer, earned):
        new = self.balance(customer) + earned
        self._balances[customer.customer_id] = new
        self._outbox.post(f"  points {customer.customer_id} +{earned} = {new}")

    def deduct(self, customer, lost):
        new = max(0, self.balance(customer) - lost)
        self._balances[customer.customer_id] = new
        self._outbox.post(f"  points {customer.customer_id} -{lost} = {new}")
