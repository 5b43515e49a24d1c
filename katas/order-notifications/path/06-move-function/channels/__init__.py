"""How the shop reaches people: email, text messages, the points scheme, the audit trail.

Nothing here talks to a gateway directly: every channel writes to the outbox,
which the evening batch hands to the providers. Each channel subscribes to the
desk's events; the rules about who hears what (consent, quiet hours, trade
accounts, the Frame Club) live in the channel they concern.
"""

from .audit import AuditTrail
from .mail import Mailer
from .outbox import Outbox
from .points import FrameClub
from .sms import TextMessages

__all__ = ["AuditTrail", "FrameClub", "Mailer", "Outbox", "TextMessages"]
