"""Pure functions from source text to numbers.

Used by the gates and by `kata review`, so a number means the same in both.
"""
