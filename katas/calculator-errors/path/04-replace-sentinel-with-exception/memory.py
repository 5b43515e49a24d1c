"""The nine memory registers, M1 to M9."""

from .errors import NoSuchRegister

REGISTER_COUNT = 9


def fresh_registers():
    return [0.0] * REGISTER_COUNT


def register_index(name):
    """The slot of a register name such as 'M3' or 'm3'.

    Raises NoSuchRegister when there is no such register.
    """
    if name[:1] not in ("M", "m"):
        raise NoSuchRegister(name)
    try:
        number = int(name[1:])
    except ValueError:
        raise NoSuchRegister(name) from None
    if number < 1 or number > REGISTER_COUNT:
        raise NoSuchRegister(name)
    return number - 1


def recall(registers, name):
    return registers[register_index(name)]


def store(registers, name, value):
    registers[register_index(name)] = value
