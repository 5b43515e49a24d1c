"""The nine memory registers, M1 to M9."""

from .errors import NoSuchRegister

REGISTER_COUNT = 9


class Registers:
    """M1 to M9; every register starts at zero. Names are case-insensitive."""

    def __init__(self):
        self._values = {}

    def recall(self, name):
        return self._values.get(register_number(name), 0.0)

    def store(self, name, value):
        self._values[register_number(name)] = value


def register_number(name):
    """The number of a register name such as 'M3' or 'm3'.

    Raises NoSuchRegister when there is no such register.
    """
    if name[:1] not in ("M", "m"):
        raise NoSuchRegister(name)
    try:
        number = int(name[1:])
    except ValueError:
        raise NoSuchRegister(name) from None
    if not 1 <= number <= REGISTER_COUNT:
        raise NoSuchRegister(name)
    return number
