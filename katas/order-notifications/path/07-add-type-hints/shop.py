"""The shop's day at the desk, and the composition root.

This is the one place where the desk and the channels meet: `subscribe_channels`
says which channel hears about which event, and in which order. A new channel
is a new subscriber here; the desk does not change.
"""

from collections.abc import Iterable

from .bus import EventBus
from .channels import AuditTrail, FrameClub, Mailer, Outbox, TextMessages
from .desk import FrameDesk
from .events import (
    JobBooked,
    JobCancelled,
    JobCollected,
    JobReady,
    PaymentTaken,
    RefundIssued,
    RefundRefused,
)


def run_day(commands: Iterable[str]) -> str:
    """Run one day's commands at the desk; return everything the shop sent, in order."""
    outbox = Outbox()
    desk = FrameDesk(subscribe_channels(EventBus(), outbox).publish)
    for line in commands:
        outbox.post(line)
        try:
            desk.run(line)
        except ValueError as refusal:
            outbox.post(f"  ! {refusal}")
    return outbox.transcript()


def subscribe_channels(bus: EventBus, outbox: Outbox) -> EventBus:
    """Who hears about what, in the order they hear it."""
    mail, sms, club, audit = Mailer(outbox), TextMessages(outbox), FrameClub(outbox), AuditTrail(outbox)
    bus.subscribe(JobBooked, mail.job_booked, audit.record)
    bus.subscribe(PaymentTaken, mail.payment_taken, sms.payment_taken, club.payment_taken, audit.record)
    # a text first when a frame is ready: people read texts, emails wait until the evening
    bus.subscribe(JobReady, sms.job_ready, mail.job_ready, audit.record)
    bus.subscribe(JobCollected, mail.job_collected, club.job_collected, audit.record)
    # the accountant wants a cancellation on the trail before anyone is told
    bus.subscribe(JobCancelled, audit.record, mail.job_cancelled, sms.job_cancelled)
    bus.subscribe(RefundIssued, mail.refund_issued, club.refund_issued, audit.record)
    bus.subscribe(RefundRefused, audit.record)
    return bus
