"""The audit trail the accountant asked for after the 2022 deposit dispute."""


class AuditTrail:
    def __init__(self, outbox):
        self._outbox = outbox

    def record(self, time, job_id, what):
        self._outbox.post(f"  audit  {time} {job_id} {what}")
