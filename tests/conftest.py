"""Shared fixtures: temporary copies of the repository and of the mini repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINIREPO, ROOT, copy_repo


@pytest.fixture
def minirepo(tmp_path: Path) -> Path:
    """A fresh copy of the mini repository holding the `fees` kata."""
    return copy_repo(MINIREPO, tmp_path / "minirepo")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A fresh copy of this repository's katas, legacy code and harnesses."""
    return copy_repo(ROOT, tmp_path / "repo")
