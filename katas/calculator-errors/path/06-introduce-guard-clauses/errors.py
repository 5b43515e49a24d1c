"""Everything that can go wrong at the desk.

One base class, one subclass per mistake. Each error carries what its
message needs; the desk prints it as "line N: <message>".
"""

from dataclasses import dataclass


class CalculatorError(Exception):
    """A line of the script that the desk could not carry out."""


@dataclass
class CannotRead(CalculatorError):
    """The line is not a key followed by at most one operand."""

    line: str

    def __str__(self) -> str:
        return f"cannot read {self.line!r}"


@dataclass
class UnknownKey(CalculatorError):
    """The first word is not a key of the desk."""

    key: str

    def __str__(self) -> str:
        return f"unknown key {self.key!r}"


@dataclass
class BadNumber(CalculatorError):
    """Not a number as typed on the keypad: digits, one point, a leading minus."""

    text: str

    def __str__(self) -> str:
        return f"bad number {self.text!r}"


@dataclass
class NumberTooLong(CalculatorError):
    """More digits than the twelve-digit display can take."""

    text: str

    def __str__(self) -> str:
        return f"number too long {self.text!r}"


@dataclass
class NoSuchRegister(CalculatorError):
    """The desk has nine registers, M1 to M9."""

    name: str

    def __str__(self) -> str:
        return f"no register {self.name!r}"


class DivideByZero(CalculatorError):
    """Division by zero; the desk shows E and clears the display."""

    def __str__(self) -> str:
        return "divide by zero"


class DisplayOverflow(CalculatorError):
    """A result that does not fit on the twelve-digit display."""

    def __str__(self) -> str:
        return "overflow"
