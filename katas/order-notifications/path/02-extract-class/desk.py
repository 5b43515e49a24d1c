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


def first_name(customer):
    return customer.name.split()[0]


def may_text(customer):
    return bool(customer.mobile) and customer.texts_ok


def earned_points(customer, amount):
    """One point per whole pound paid, two for Frame Club members."""
    earned = amount // 100
    if customer.club:
        earned = earned * 2
    return earned


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

    def send_receipt(self, customer, time, job_id, amount, outstanding):
        """Receipts are transactional: they go out even without marketing consent."""
        if customer.email:
            if outstanding > 0:
                left = f"{money.pounds(outstanding)} to pay"
            else:
                left = "paid in full"
            self.mail.send(customer.email, f"Receipt for {job_id}: {money.pounds(amount)} paid, {left}")
        elif customer.mobile:
            # no email address: the receipt goes by text
            text = (
                f"Hi {first_name(customer)}, Otterbrook Frames received {money.pounds(amount)}"
                f" for {job_id}. Thank you!"
            )
            self.sms.send_or_hold(customer.mobile, time, text)

    def book(self, time, job_id, customer_id, price):
        if job_id in self.jobs:
            raise ValueError(f"{job_id}: job already on the book")
        customer = customers.find(customer_id)
        if customer is None:
            raise ValueError(f"{job_id}: unknown customer {customer_id}")
        if price <= 0:
            raise ValueError(f"{job_id}: price must be positive")
        self.jobs[job_id] = jobs.Job(customer, price)

        self.mail.send_if_wanted(
            customer,
            f"Otterbrook Frames: job {job_id} booked, {money.pounds(price)}",
            club_perk="double Frame Club points when you pay",
        )
        self.audit.record(time, job_id, f"booked for {customer.customer_id}, {money.pounds(price)}")

    def pay(self, time, job_id, amount):
        job = self.open_job(job_id)
        check_positive(job_id, amount)
        if amount > job.outstanding():
            raise ValueError(f"{job_id}: only {money.pounds(job.outstanding())} to pay")
        job.paid += amount

        customer = job.customer
        self.send_receipt(customer, time, job_id, amount, job.outstanding())
        earned = earned_points(customer, amount)
        if not customer.trade and earned > 0:
            self.club.add(customer, earned)
        self.audit.record(time, job_id, f"paid {money.pounds(amount)}")

    def ready(self, time, job_id):
        job = self.open_job(job_id)
        if job.status != "booked":
            raise ValueError(f"{job_id}: already {job.status}")
        job.status = "ready"

        customer = job.customer
        # text first: people read texts, emails wait until the evening
        if job.outstanding() > 0:
            left = f"{money.pounds(job.outstanding())} to pay."
        else:
            left = "Paid in full."
        if may_text(customer) and not customer.trade:
            text = f"Hi {first_name(customer)}, your frame {job_id} is ready to collect at Otterbrook Frames. {left}"
            self.sms.send_or_hold(customer.mobile, time, text)
        self.mail.send_if_wanted(
            customer, f"Your frame {job_id} is ready to collect", club_perk="ask for your Frame Club gift wrap"
        )
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
        if customer.club:
            self.mail.send_if_wanted(customer, f"Thank you for collecting {job_id}, {first_name(customer)}")
            self.club.add(customer, 10)  # collection bonus
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
        subject = f"Job {job_id} cancelled"
        if held > 0:
            subject = subject + f" - {money.pounds(held)} will be refunded"
        self.mail.send_if_wanted(customer, subject)
        # Whole hours, unlike the other texts: 21:59 still goes out, and nothing is held.
        hour = int(time[:2])
        if may_text(customer) and 8 <= hour <= 21:
            self.sms.send(customer.mobile, f"Hi {first_name(customer)}, your framing job {job_id} has been cancelled.")

    def refund(self, time, job_id, amount):
        job = self.find(job_id)
        check_positive(job_id, amount)
        if amount > job.refundable():
            # refused refunds go on the trail too (the accountant again)
            self.audit.record(time, job_id, f"refund of {money.pounds(amount)} refused")
            raise ValueError(f"{job_id}: only {money.pounds(job.refundable())} can be refunded")
        job.refunded += amount

        customer = job.customer
        self.mail.send_if_wanted(customer, f"Refund for {job_id}: {money.pounds(amount)}")
        if not customer.trade:
            # taking points back, a started pound counts
            lost = (amount + 99) // 100
            self.club.deduct(customer, lost)
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
