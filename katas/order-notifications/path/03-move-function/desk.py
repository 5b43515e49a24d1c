"""The front desk of Otterbrook Frames.

Staff type one command per line at the desk terminal:

    09:05 book F-101 C01 18500      job, customer, price in pence
    09:07 pay F-101 5000            a deposit or the balance, in pence
    15:30 ready F-101               the frame is made
    16:45 collect F-101
    11:00 cancel F-101
    11:02 refund F-101 5000

Every command that goes through tells the customer, the points scheme and the
audit trail about it; a refused command is answered with a line starting "!".
"""

from . import customers, jobs, money
from .channels import audit, mail, outbox, points, sms


def check_positive(job_id, amount):
    if amount <= 0:
        raise ValueError(f"{job_id}: amount must be positive")


class FrameDesk:
    def __init__(self, mail, sms, club, audit):
        self.jobs = {}
        self.mail = mail
        self.sms = sms
        self.club = club
        self.audit = audit

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

        self.mail.job_booked(job_id, customer, price)
        self.audit.record(time, job_id, f"booked for {customer.customer_id}, {money.pounds(price)}")

    def pay(self, time, job_id, amount):
        job = self.open_job(job_id)
        check_positive(job_id, amount)
        if amount > job.outstanding():
            raise ValueError(f"{job_id}: only {money.pounds(job.outstanding())} to pay")
        job.paid += amount

        customer = job.customer
        self.mail.payment_taken(job_id, customer, amount, job.outstanding())
        self.sms.payment_taken(time, job_id, customer, amount)
        self.club.payment_taken(customer, amount)
        self.audit.record(time, job_id, f"paid {money.pounds(amount)}")

    def ready(self, time, job_id):
        job = self.open_job(job_id)
        if job.status != "booked":
            raise ValueError(f"{job_id}: already {job.status}")
        job.status = "ready"

        customer = job.customer
        # text first: people read texts, emails wait until the evening
        self.sms.job_ready(time, job_id, customer, job.outstanding())
        self.mail.job_ready(job_id, customer)
        self.audit.record(time, job_id, "ready")

    def collect(self, time, job_id):
        job = self.open_job(job_id)
        if job.status == "booked":
            raise ValueError(f"{job_id}: not ready yet")
        if job.status == "collected":
            raise ValueError(f"{job_id}: already collected")
        if job.outstanding() > 0:
            raise ValueError(f"{job_id}: {money.pounds(job.outstanding())} still to pay")
        job.status = "collected"

        customer = job.customer
        self.mail.job_collected(job_id, customer)
        self.club.job_collected(customer)
        self.audit.record(time, job_id, "collected")

    def cancel(self, time, job_id):
        job = self.find(job_id)
        if job.status in ("collected", "cancelled"):
            raise ValueError(f"{job_id}: already {job.status}")
        job.status = "cancelled"

        customer = job.customer
        held = job.refundable()
        # The accountant wants cancellations on the trail before anyone is told.
        if held > 0:
            self.audit.record(time, job_id, f"cancelled, {money.pounds(held)} to refund")
        else:
            self.audit.record(time, job_id, "cancelled")
        self.mail.job_cancelled(job_id, customer, held)
        self.sms.job_cancelled(time, job_id, customer)

    def refund(self, time, job_id, amount):
        job = self.find(job_id)
        check_positive(job_id, amount)
        if amount > job.refundable():
            # refused refunds go on the trail too (the accountant again)
            self.audit.record(time, job_id, f"refund of {money.pounds(amount)} refused")
            raise ValueError(f"{job_id}: only {money.pounds(job.refundable())} can be refunded")
        job.refunded += amount

        customer = job.customer
        self.mail.refund_issued(job_id, customer, amount)
        self.club.refund_issued(customer, amount)
        self.audit.record(time, job_id, f"refunded {money.pounds(amount)}")


def run_day(commands):
    """Run one day's commands at the desk; return everything the shop sent, in order."""
    sent = outbox.Outbox()
    desk = FrameDesk(
        mail.Mailer(sent), sms.TextMessages(sent), points.FrameClub(sent), audit.AuditTrail(sent)
    )
    for line in commands:
        sent.post(line)
        try:
            desk.run(line)
        except ValueError as refusal:
            sent.post(f"  ! {refusal}")
    return sent.transcript()
