"""katabench: a refactoring kata workbench for Python."""

__version__ = "0.1.0"
