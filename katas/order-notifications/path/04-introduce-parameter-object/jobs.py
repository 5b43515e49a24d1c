"""A framing job, from the counter to the customer's wall."""


class Job:
    def __init__(self, customer, price):
        self.customer = customer
        self.price = price
        self.paid = 0
        self.refunded = 0
        self.status = "booked"  # -> "ready" -> "collected", or "cancelled"

    def outstanding(self):
        return self.price - self.paid

    def refundable(self):
        return self.paid - self.refunded
