"""The desk calculator: a display, nine registers and the paper tape."""

from dataclasses import dataclass

from .errors import CannotRead, DivideByZero, NoSuchRegister, UnknownKey
from .keypad import fit, parse_number, tape_line, till_amount
from .memory import Registers


@dataclass(frozen=True)
class Command:
    """One line of the script: its key, what was typed after it ("" if nothing), the line."""

    key: str
    operand: str
    line: str

    def require_operand(self):
        """The operand of a key that cannot do without one."""
        if not self.operand:
            raise CannotRead(self.line)
        return self.operand


def read_command(line):
    """Split a line into key and operand; UnknownKey or CannotRead when it is malformed."""
    word, *operands = line.split()
    key = word.lower()
    if key not in KEYS:
        raise UnknownKey(word)
    if len(operands) > 1:
        raise CannotRead(line)
    return Command(key, operands[0] if operands else "", line)


class Calculator:
    """What the counter staff see: the display, the registers and the tape.

    Every key either changes the calculator or raises a CalculatorError.
    """

    def __init__(self):
        self.display = 0.0
        self.registers = Registers()
        self.tape = []

    def press(self, line):
        command = read_command(line)
        KEYS[command.key](self, command)

    def load(self, command):
        self.display = self._operand(command)

    def add(self, command):
        self.display = fit(self.display + self._amount(command.operand))

    def sub(self, command):
        self.display = fit(self.display - self._amount(command.operand))

    def mul(self, command):
        self.display = fit(self.display * self._operand(command))

    def div(self, command):
        divisor = self._operand(command)
        if divisor == 0:
            self.display = 0.0  # E: like the old machines, the display clears
            raise DivideByZero()
        self.display = fit(self.display / divisor)

    def pct(self, command):
        """Add a percentage: VAT, the trade mark-up."""
        self.display = fit(self.display + self.display * self._operand(command) / 100)

    def sto(self, command):
        self.registers.store(command.require_operand(), self.display)

    def rcl(self, command):
        self.display = self.registers.recall(command.require_operand())

    def m_plus(self, command):
        name = command.require_operand()
        self.registers.store(name, fit(self.registers.recall(name) + self.display))

    def clr(self, command):
        self.display = 0.0

    def total(self, command):
        self.tape.append(tape_line(self.display))

    def _operand(self, command):
        """A register (M...) or a number typed on the keypad."""
        text = command.require_operand()
        if text[0] in "Mm":
            return self.registers.recall(text)
        return parse_number(text)

    def _amount(self, text):
        """A register, or else a till amount: blank or unreadable counts as nothing."""
        try:
            return self.registers.recall(text)
        except NoSuchRegister:
            return till_amount(text)


KEYS = {
    "load": Calculator.load,
    "add": Calculator.add,
    "sub": Calculator.sub,
    "mul": Calculator.mul,
    "div": Calculator.div,
    "pct": Calculator.pct,
    "sto": Calculator.sto,
    "rcl": Calculator.rcl,
    "m+": Calculator.m_plus,
    "clr": Calculator.clr,
    "=": Calculator.total,
}
