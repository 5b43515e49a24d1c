"""Text messages, through the SMS gateway (UK numbers only).

No texts at night: in the quiet hours the gateway holds a message and sends
it in the morning. Trade accounts asked not to be texted that a frame is ready.
"""

from .. import money

QUIET_FROM = "21:00"
QUIET_UNTIL = "08:00"


def international(number):
    """'07700 900101' -> '+447700900101'."""
    digits = number.replace(" ", "")
    return "+44" + digits[1:]


def _may_text(customer):
    return bool(customer.mobile) and customer.texts_ok


class TextMessages:
    def __init__(self, outbox):
        self._outbox = outbox

    def payment_taken(self, time, job_id, customer, amount):
        """Customers we have no email address for get their receipt by text."""
        if customer.mobile and not customer.email:
            text = (
                f"Hi {customer.first_name()}, Otterbrook Frames received {money.pounds(amount)}"
                f" for {job_id}. Thank you!"
            )
            self._send_or_hold(customer, time, text)

    def job_ready(self, time, job_id, customer, outstanding):
        if _may_text(customer) and not customer.trade:
            left = f"{money.pounds(outstanding)} to pay." if outstanding > 0 else "Paid in full."
            text = f"Hi {customer.first_name()}, your frame {job_id} is ready to collect at Otterbrook Frames. {left}"
            self._send_or_hold(customer, time, text)

    def job_cancelled(self, time, job_id, customer):
        # Trade accounts are texted here, and the quiet hours are counted in
        # whole hours: a cancellation at 21:59 still goes out, and none is held.
        hour = int(time[:2])
        if _may_text(customer) and 8 <= hour <= 21:
            self._post(customer, f"Hi {customer.first_name()}, your framing job {job_id} has been cancelled.")

    def _send_or_hold(self, customer, time, text):
        if time < QUIET_UNTIL or time >= QUIET_FROM:
            text = f"(held until {QUIET_UNTIL}) {text}"
        self._post(customer, text)

    def _post(self, customer, text):
        self._outbox.post(f"  sms    {international(customer.mobile)}  {text}")
