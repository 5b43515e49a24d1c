"""The front desk of Otterbrook Frames.

Staff type one command per line at the desk terminal:

    09:05 book F-101 C01 18500      job, customer, price in pence
    09:07 pay F-101 5000            a deposit or the balance, in pence
    15:30 ready F-101               the frame is made
    16:45 collect F-101
    11:00 cancel F-101
    11:02 refund F-101 5000

The desk keeps the book of jobs and refuses what cannot be done, with a
ValueError. Whatever it does, it announces as an event; who hears about it is
not the desk's business.
"""

from . import customers, jobs, money
from .events import (
    JobBooked,
    JobCancelled,
    JobCollected,
    JobReady,
    PaymentTaken,
    RefundIssued,
    RefundRefused,
)


def check_positive(job_id, amount):
    if amount <= 0:
        raise ValueError(f"{job_id}: amount must be positive")


class FrameDesk:
    def __init__(self, publish):
        self.jobs = {}
        self._publish = publish

    def run(self, line):
        time, verb, job_id, *args = line.split()
        if verb == "book":
            self.book(time, job_id, args[0], int(args[1]))
        elif verb == "pay":
            self.pay(time, job_id, int(args[0]))
        elif verb == "ready":
            self.ready(time, job_id)
        elif verb == "collect":
            self.collect(time, job_id)
        elif verb == "cancel":
            self.cancel(time, job_id)
        elif verb == "refund":
            self.refund(time, job_id, int(args[0]))
        else:
            raise ValueError(f"{job_id}: unknown command {verb!r}")

    def find(self, job_id):
        if job_id not in self.jobs:
            raise ValueError(f"{job_id}: no such job")
        return self.jobs[job_id]

    def open_job(self, job_id):
        """A job on the book that has not been cancelled."""
        job = self.find(job_id)
        if job.status == "cancelled":
            raise ValueError(f"{job_id}: job is cancelled")
        return job

    def book(self, time, job_id, customer_id, price):
        if job_id in self.jobs:
            raise ValueError(f"{job_id}: job already on the book")
        customer = customers.find(customer_id)
        if customer is None:
            raise ValueError(f"{job_id}: unknown customer {customer_id}")
        if price <= 0:
            raise ValueError(f"{job_id}: price must be positive")
        self.jobs[job_id] = jobs.Job(customer, price)

        self._publish(JobBooked(time, job_id, customer, price))

    def pay(self, time, job_id, amount):
        job = self.open_job(job_id)
        check_positive(job_id, amount)
        if amount > job.outstanding():
            raise ValueError(f"{job_id}: only {money.pounds(job.outstanding())} to pay")
        job.paid += amount

        self._publish(PaymentTaken(time, job_id, job.customer, amount, job.outstanding()))

    def ready(self, time, job_id):
        job = self.open_job(job_id)
        if job.status != "booked":
            raise ValueError(f"{job_id}: already {job.status}")
        job.status = "ready"

        self._publish(JobReady(time, job_id, job.customer, job.outstanding()))

    def collect(self, time, job_id):
        job = self.open_job(job_id)
        if job.status == "booked":
            raise ValueError(f"{job_id}: not ready yet")
        if job.status == "collected":
            raise ValueError(f"{job_id}: already collected")
        if job.outstanding() > 0:
            raise ValueError(f"{job_id}: {money.pounds(job.outstanding())} still to pay")
        job.status = "collected"

        self._publish(JobCollected(time, job_id, job.customer))

    def cancel(self, time, job_id):
        job = self.find(job_id)
        if job.status in ("collected", "cancelled"):
            raise ValueError(f"{job_id}: already {job.status}")
        job.status = "cancelled"

        self._publish(JobCancelled(time, job_id, job.customer, job.refundable()))

    def refund(self, time, job_id, amount):
        job = self.find(job_id)
        check_positive(job_id, amount)
        if amount > job.refundable():
            # refused refunds go on the trail too (the accountant asked)
            self._publish(RefundRefused(time, job_id, job.customer, amount))
            raise ValueError(f"{job_id}: only {money.pounds(job.refundable())} can be refunded")
        job.refunded += amount

        self._publish(RefundIssued(time, job_id, job.customer, amount))
