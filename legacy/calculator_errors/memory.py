"""The nine memory registers, M1 to M9."""

REGISTER_COUNT = 9


def fresh_registers():
    return [0.0] * REGISTER_COUNT


def register_index(name):
    """The slot of a register name such as 'M3' or 'm3', or -1 if there is none."""
    if name[:1] not in ("M", "m"):
        return -1
    try:
        number = int(name[1:])
    except:
        return -1
    if number < 1 or number > REGISTER_COUNT:
        return -1
    return number - 1


def is_register_name(name):
    return register_index(name) != -1


def recall(registers, name, line_no):
    """The value held in a register, or None (already reported) if there is no such register."""
    index = register_index(name)
    if index == -1:
        print(f"line {line_no}: no register {name!r}")
        return None
    return registers[index]


def store(registers, name, value, line_no):
    index = register_index(name)
    if index < 0:
        print(f"line {line_no}: no register {name!r}")
        return False
    registers[index] = value
    return True
