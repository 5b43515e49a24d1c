"""The audit trail the accountant asked for after the 2022 deposit dispute."""


class AuditTrail:
    """Records every event it is given, in the event's own words."""

    def __init__(self, outbox):
        self._outbox = outbox

    def record(self, event):
        self._outbox.post(f"  audit  {event.time} {event.job_id} {event.describe()}")
