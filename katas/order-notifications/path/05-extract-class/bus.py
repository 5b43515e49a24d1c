"""A small synchronous event bus: publishers announce, subscribers react."""

from collections import defaultdict


class EventBus:
    """Hands each published event to the handlers of its type, in the order they subscribed."""

    def __init__(self):
        self._handlers = defaultdict(list)

    def subscribe(self, event_type, *handlers):
        self._handlers[event_type].extend(handlers)

    def publish(self, event):
        for handler in self._handlers[type(event)]:
            handler(event)
