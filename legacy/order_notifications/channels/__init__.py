"""How the shop reaches people: email, text messages, the points scheme, the audit trail.

Nothing here talks to a gateway directly: every channel writes to the outbox,
which the evening batch hands to the providers.
"""
