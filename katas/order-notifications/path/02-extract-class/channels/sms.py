"""Text messages, through the SMS gateway (UK numbers only)."""

# No texts at night: the gateway holds them and sends them in the morning.
QUIET_FROM = "21:00"
QUIET_UNTIL = "08:00"


def international(number):
    """'07700 900101' -> '+447700900101'."""
    digits = number.replace(" ", "")
    return "+44" + digits[1:]


class TextMessages:
    def __init__(self, outbox):
        self._outbox = outbox

    def send(self, number, text):
        self._outbox.post(f"  sms    {international(number)}  {text}")

    def send_or_hold(self, number, time, text):
        """In the quiet hours the gateway holds a text until the morning."""
        if time < QUIET_UNTIL or time >= QUIET_FROM:
            text = f"(held until {QUIET_UNTIL}) {text}"
        self.send(number, text)
