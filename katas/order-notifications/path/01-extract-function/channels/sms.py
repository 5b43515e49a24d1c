"""Text messages, through the SMS gateway (UK numbers only)."""

from . import outbox

# No texts at night: the gateway holds them and sends them in the morning.
QUIET_FROM = "21:00"
QUIET_UNTIL = "08:00"


def international(number):
    """'07700 900101' -> '+447700900101'."""
    digits = number.replace(" ", "")
    return "+44" + digits[1:]


def send(number, text):
    outbox.post(f"  sms    {international(number)}  {text}")


def hold(number, text):
    outbox.post(f"  sms    {international(number)}  (held until {QUIET_UNTIL}) {text}")
