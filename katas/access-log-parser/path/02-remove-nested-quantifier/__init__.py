"""Fernhill Audio edge logs: parse one line, or analyse a whole log.

The nightly `edgestat` job and the on-call dashboard import these two names;
keep them and their results stable.
"""

from .parsing import parse_line
from .report import analyse

__all__ = ["analyse", "parse_line"]
