"""A framing job, from the counter to the customer's wall."""

from dataclasses import dataclass

from .customers import Customer


@dataclass
class Job:
    customer: Customer
    price: int
    paid: int = 0
    refunded: int = 0
    status: str = "booked"  # -> "ready" -> "collected", or "cancelled"

    def outstanding(self) -> int:
        return self.price - self.paid

    def refundable(self) -> int:
        return self.paid - self.refunded
