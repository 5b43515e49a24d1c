"""One request served by an edge node."""


class LogRecord:
    def __init__(
        self,
        timestamp,
        pop,
        cache,
        method,
        path,
        status,
        bytes_sent,
        duration_ms,
        user_agent,
    ):
        self.timestamp = timestamp
        self.pop = pop
        self.cache = cache
        self.method = method
        self.path = path
        self.status = status
        self.bytes_sent = bytes_sent
        self.duration_ms = duration_ms
        self.user_agent = user_agent
