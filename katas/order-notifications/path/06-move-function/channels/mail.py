"""Email, through the shop's mail provider.

Customers who said no to email get none, except receipts: those are
transactional and go to anyone we have an address for.
"""

from .. import money


class Mailer:
    def __init__(self, outbox):
        self._outbox = outbox

    def job_booked(self, event):
        subject = f"Otterbrook Frames: job {event.job_id} booked, {money.pounds(event.price)}"
        self._send_if_wanted(event.customer, subject, club_perk="double Frame Club points when you pay")

    def payment_taken(self, event):
        left = f"{money.pounds(event.outstanding)} to pay" if event.outstanding > 0 else "paid in full"
        self._send(event.customer, f"Receipt for {event.job_id}: {money.pounds(event.amount)} paid, {left}")

    def job_ready(self, event):
        subject = f"Your frame {event.job_id} is ready to collect"
        self._send_if_wanted(event.customer, subject, club_perk="ask for your Frame Club gift wrap")

    def job_collected(self, event):
        customer = event.customer
        if customer.club:
            self._send_if_wanted(customer, f"Thank you for collecting {event.job_id}, {customer.first_name()}")

    def job_cancelled(self, event):
        subject = f"Job {event.job_id} cancelled"
        if event.to_refund > 0:
            subject = subject + f" - {money.pounds(event.to_refund)} will be refunded"
        self._send_if_wanted(event.customer, subject)

    def refund_issued(self, event):
        self._send_if_wanted(event.customer, f"Refund for {event.job_id}: {money.pounds(event.amount)}")

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
