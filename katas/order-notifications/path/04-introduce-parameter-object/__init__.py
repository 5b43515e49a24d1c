"""Otterbrook Frames: the desk terminal's day of framing jobs.

The till, the evening batch and the training scripts all call `run_day`;
keep its name and signature stable.
"""

from .desk import run_day

__all__ = ["run_day"]
