"""A small synchronous event bus: publishers announce, subscribers react."""

from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

E = TypeVar("E")


class EventBus:
    """Hands each published event to the handlers of its type, in the order they subscribed."""

    def __init__(self) -> None:
        self._handlers: defaultdict[type[Any], list[Callable[[Any], None]]] = defaultdict(list)

    def subscribe(self, event_type: type[E], *handlers: Callable[[E], None]) -> None:
        self._handlers[event_type].extend(handlers)

    def publish(self, event: object) -> None:
        for handler in self._handlers[type(event)]:
            handler(event)
