"""Who is asking: podcast apps, browsers, or robots."""

import re

BOT_AGENT = re.compile(r"bot|crawler|spider|curl", re.IGNORECASE)


def is_bot(user_agent: str) -> bool:
    """Crawlers and scripts; they are counted, but kept out of the top paths."""
    return BOT_AGENT.search(user_agent) is not None
