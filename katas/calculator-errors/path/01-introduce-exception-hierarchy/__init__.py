"""Tillroll: the counter desk calculator of Harrow & Vale Timber.

Counter staff paste a short script (typed by hand or exported from the till)
and get back the paper tape: one line per `=` key.
"""

from .desk import run_tape

__all__ = ["run_tape"]
