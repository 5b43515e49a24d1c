"""What happens at the desk, as the desk announces it.

An event is a fact, named in the past tense and never changed afterwards. It
carries what a channel needs to react, so no channel has to ask the desk.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass

from .customers import Customer
from .money import pounds


@dataclass(frozen=True)
class Event(ABC):
    time: str  # "HH:MM", as typed at the desk
    job_id: str
    customer: Customer

    @abstractmethod
    def describe(self):
        """What happened, in the words of the audit trail."""


@dataclass(frozen=True)
class JobBooked(Event):
    price: int

    def describe(self):
        return f"booked for {self.customer.customer_id}, {pounds(self.price)}"


@dataclass(frozen=True)
class PaymentTaken(Event):
    amount: int
    outstanding: int  # what is left to pay after this payment

    def describe(self):
        return f"paid {pounds(self.amount)}"


@dataclass(frozen=True)
class JobReady(Event):
    outstanding: int

    def describe(self):
        return "ready"


@dataclass(frozen=True)
class JobCollected(Event):
    def describe(self):
        return "collected"


@dataclass(frozen=True)
class JobCancelled(Event):
    to_refund: int  # paid and not refunded yet

    def describe(self):
        if self.to_refund > 0:
            return f"cancelled, {pounds(self.to_refund)} to refund"
        return "cancelled"


@dataclass(frozen=True)
class RefundIssued(Event):
    amount: int

    def describe(self):
        return f"refunded {pounds(self.amount)}"


@dataclass(frozen=True)
class RefundRefused(Event):
    amount: int

    def describe(self):
        return f"refund of {pounds(self.amount)} refused"
