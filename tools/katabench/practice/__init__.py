"""The practice loop: watch mode, TCR, mob rotation, pre-commit and submissions.

Everything here that touches git goes through `gitops`, the one module that
runs the `git` executable. None of these modules print: the commands in
`katabench.commands` render what they return (see `practice.view`).
"""
