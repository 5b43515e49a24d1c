"""Who is asking: podcast apps, browsers, or robots."""

import re


def is_bot(user_agent):
    """Crawlers and scripts; they are counted, but kept out of the top paths."""
    return re.search(r"bot|crawler|spider|curl", user_agent, re.IGNORECASE) is not None
