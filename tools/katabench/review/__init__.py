"""`kata review`: walk a student's history, detect refactorings, judge each step, report."""
