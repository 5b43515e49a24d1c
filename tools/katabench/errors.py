"""The one error type for "the user asked for something that cannot be done"."""


class FatalError(Exception):
    """A problem the user can fix; the CLI prints the message and exits with 2."""


class SpecError(FatalError):
    """A kata.toml (or rule parameter) that does not follow the spec."""
