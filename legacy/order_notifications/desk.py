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


class FrameDesk:
    def __init__(self):
        self.jobs = {}

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

    def book(self, time, job_id, customer_id, price):
        if job_id in self.jobs:
            raise ValueError(f"{job_id}: job already on the book")
        customer = customers.find(customer_id)
        if customer is None:
            raise ValueError(f"{job_id}: unknown customer {customer_id}")
        if price <= 0:
            raise ValueError(f"{job_id}: price must be positive")
        self.jobs[job_id] = jobs.Job(customer, price)

        if customer.email and customer.email_ok:
            subject = f"Otterbrook Frames: job {job_id} booked, {money.pounds(price)}"
            if customer.club:
                subject = subject + " - double Frame Club points when you pay"
            mail.send(customer.email, subject)
        audit.record(time, job_id, f"booked for {customer.customer_id}, {money.pounds(price)}")

    def pay(self, time, job_id, amount):
        job = self.find(job_id)
        if job.status == "cancelled":
            raise ValueError(f"{job_id}: job is cancelled")
        if amount <= 0:
            raise ValueError(f"{job_id}: amount must be positive")
        if amount > job.outstanding():
            raise ValueError(f"{job_id}: only {money.pounds(job.outstanding())} to pay")
        job.paid += amount

        customer = job.customer
        # Receipts are transactional: they go out even without marketing consent.
        if customer.email:
            if job.outstanding() > 0:
                left = f"{money.pounds(job.outstanding())} to pay"
            else:
                left = "paid in full"
            mail.send(customer.email, f"Receipt for {job_id}: {money.pounds(amount)} paid, {left}")
        elif customer.mobile:
            # no email address: the receipt goes by text
            first_name = customer.name.split()[0]
            text = f"Hi {first_name}, Otterbrook Frames received {money.pounds(amount)} for {job_id}. Thank you!"
            if time < sms.QUIET_UNTIL or time >= sms.QUIET_FROM:
                sms.hold(customer.mobile, text)
            else:
                sms.send(customer.mobile, text)
        if not customer.trade:
            earned = amount // 100
            if customer.club:
                earned = earned * 2
            if earned > 0:
                points.add(customer, earned)
        audit.record(time, job_id, f"paid {money.pounds(amount)}")

    def ready(self, time, job_id):
        job = self.find(job_id)
        if job.status == "cancelled":
            raise ValueError(f"{job_id}: job is cancelled")
        if job.status != "booked":
            raise ValueError(f"{job_id}: already {job.status}")
        job.status = "ready"

        customer = job.customer
        # text first: people read texts, emails wait until the evening
        if job.outstanding() > 0:
            left = f"{money.pounds(job.outstanding())} to pay."
        else:
            left = "Paid in full."
        if customer.mobile and customer.texts_ok and not customer.trade:
            first_name = customer.name.split()[0]
            text = f"Hi {first_name}, your frame {job_id} is ready to collect at Otterbrook Frames. {left}"
            if time < sms.QUIET_UNTIL or time >= sms.QUIET_FROM:
                sms.hold(customer.mobile, text)
            else:
                sms.send(customer.mobile, text)
        if customer.email and customer.email_ok:
            subject = f"Your frame {job_id} is ready to collect"
            if customer.club:
                subject = subject + " - ask for your Frame Club gift wrap"
            mail.send(customer.email, subject)
        audit.record(time, job_id, "ready")

    def collect(self, time, job_id):
        job = self.find(job_id)
        if job.status == "cancelled":
            raise ValueError(f"{job_id}: job is cancelled")
        if job.status == "booked":
            raise ValueError(f"{job_id}: not ready yet")
        if job.status == "collected":
            raise ValueError(f"{job_id}: already collected")
        if job.outstanding() > 0:
            raise ValueError(f"{job_id}: {money.pounds(job.outstanding())} still to pay")
        job.status = "collected"

        customer = job.customer
        if customer.club:
            if customer.email and customer.email_ok:
                first_name = customer.name.split()[0]
                mail.send(customer.email, f"Thank you for collecting {job_id}, {first_name}")
            points.add(customer, 10)  # collection bonus
        audit.record(time, job_id, "collected")

    def cancel(self, time, job_id):
        job = self.find(job_id)
        if job.status == "collected":
            raise ValueError(f"{job_id}: already collected")
        if job.status == "cancelled":
            raise ValueError(f"{job_id}: already cancelled")
        job.status = "cancelled"

        customer = job.customer
        held = job.refundable()
        # The accountant wants cancellations on the trail before anyone is told.
        if held > 0:
            audit.record(time, job_id, f"cancelled, {money.pounds(held)} to refund")
        else:
            audit.record(time, job_id, "cancelled")
        if customer.email and customer.email_ok:
            subject = f"Job {job_id} cancelled"
            if held > 0:
                subject = subject + f" - {money.pounds(held)} will be refunded"
            mail.send(customer.email, subject)
        hour = int(time[:2])
        if customer.mobile and customer.texts_ok:
            if hour >= 8 and hour <= 21:
                first_name = customer.name.split()[0]
                sms.send(customer.mobile, f"Hi {first_name}, your framing job {job_id} has been cancelled.")

    def refund(self, time, job_id, amount):
        job = self.find(job_id)
        if amount <= 0:
            raise ValueError(f"{job_id}: amount must be positive")
        if amount > job.refundable():
            # refused refunds go on the trail too (the accountant again)
            audit.record(time, job_id, f"refund of {money.pounds(amount)} refused")
            raise ValueError(f"{job_id}: only {money.pounds(job.refundable())} can be refunded")
        job.refunded += amount

        customer = job.customer
        if customer.email and customer.email_ok:
            mail.send(customer.email, f"Refund for {job_id}: {money.pounds(amount)}")
        if not customer.trade:
            # taking points back, a started pound counts
            lost = (amount + 99) // 100
            points.deduct(customer, lost)
        audit.record(time, job_id, f"refunded {money.pounds(amount)}")


def run_day(commands):
    """Run one day's commands at the desk; return everything the shop sent, in order."""
    outbox.take_all()  # nothing from a previous run may leak into today's
    points.forget_all()
    desk = FrameDesk()
    for line in commands:
        outbox.post(line)
        try:
            desk.run(line)
        except ValueError as refusal:
            outbox.post(f"  ! {refusal}")
    return "\n".join(outbox.take_all())
