"""Email, through the shop's mail provider.

Customers who said no to email get none, except receipts: those are
transactional and go to anyone we have an address for.
"""

from .. import money


class Mailer:
    def __init__(self, outbox):
        self._outbox = outbox

    def job_booked(self, job_id, customer, price):
        subject = f"Otterbrook Frames: job {job_id} booked, {money.pounds(price)}"
        self._send_if_wanted(customer, subject, club_perk="double Frame Club points when you pay")

    def payment_taken(self, job_id, customer, amount, outstanding):
        left = f"{money.pounds(outstanding)} to pay" if outstanding > 0 else "paid in full"
        self._send(customer, f"Receipt for {job_id}: {money.pounds(amount)} paid, {left}")

    def job_ready(self, job_id, customer):
        subject = f"Your frame {job_id} is ready to collect"
        self._send_if_wanted(customer, subject, club_perk="ask for your Frame Club gift wrap")

    def job_collected(self, job_id, customer):
        if customer.club:
            self._send_if_wanted(customer, f"Thank you for collecting {job_id}, {customer.first_name()}")

    def job_cancelled(self, job_id, customer, to_refund):
        subject = f"Job {job_id} cancelled"
        if to_refund > 0:
            subject = subject + f" - {money.pounds(to_refund)} will be refunded"
        self._send_if_wanted(customer, subject)

    def refund_issued(self, job_id, customer, amount):
        self._send_if_wanted(customer, f"Refund for {job_id}: {money.pounds(amount)}")

    def _send_if_wanted(self, customer, subject, club_perk=""):
        """Mail a customer who agreed to it; Frame Club members also hear about their perk."""
        if customer.email_ok:
            if customer.club and club_perk:
                subject = f"{subject} - {club_perk}"
            self._send(customer, subject)

    def _send(self, customer, subject):
        if customer.email:
            # the provider rejects mixed-case addresses from the old till export
            self._outbox.post(f"  mail   {customer.email.lower()}  {subject}")
