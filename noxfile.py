"""nox sessions: one `kata-<name>` per kata folder, plus tests, lint, docs and bench.

Every kata session is a thin wrapper over `kata check <name>` and shares one
environment (`.nox/katabench`), created on first use and reused after; the
environment is refreshed only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tomllib
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests", "lint"]

ROOT = Path(__file__).parent
SHARED_ENV = ROOT / ".nox" / "katabench"
BIN = SHARED_ENV / ("Scripts" if os.name == "nt" else "bin")


def _uv() -> str | None:
    found = shutil.which("uv")
    if found:
        return found
    try:
        from uv import find_uv_bin  # installed by nox[uv]
    except ImportError:
        return None
    return str(find_uv_bin())


def _shared_env(session: nox.Session) -> Path:
    """The environment all kata sessions share; installs katabench into it when needed."""
    stamp = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    marker = SHARED_ENV / ".katabench-stamp"
    if marker.exists() and marker.read_text() == stamp and (BIN / "kata").exists():
        return BIN
    uv = _uv()
    python = BIN / "python"
    if uv:
        if not python.exists():
            session.run(uv, "venv", "--quiet", "--python", sys.executable, str(SHARED_ENV), external=True)
        session.run(uv, "pip", "install", "--quiet", "--python", str(python), "-e", str(ROOT), external=True)
    else:
        if not python.exists():
            session.run(sys.executable, "-m", "venv", str(SHARED_ENV), external=True)
        session.run(str(python), "-m", "pip", "install", "--quiet", "-e", str(ROOT), external=True)
    marker.write_text(stamp)
    return BIN


def _summary(name: str) -> str:
    try:
        spec = tomllib.loads((ROOT / "katas" / name / "kata.toml").read_text(encoding="utf-8"))
        return str(spec["kata"].get("summary") or spec["kata"]["title"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return f"kata {name} (its kata.toml cannot be read: run `kata check {name}` for the error)"


def _kata_session(name: str) -> object:
    def session(session: nox.Session) -> None:
        session.run(str(_shared_env(session) / "kata"), "check", name, *session.posargs, external=True)

    session.__doc__ = _summary(name)
    return nox.session(name=f"kata-{name}", python=False, tags=["kata"], default=False)(session)


for _kata in sorted(p.parent.name for p in (ROOT / "katas").glob("*/kata.toml")):
    globals()[f"kata_{_kata.replace('-', '_')}"] = _kata_session(_kata)


@nox.session
def tests(session: nox.Session) -> None:
    """Run katabench's test suite (pass pytest options after --)."""
    session.install("-e", ".[test]")
    session.run("pytest", *(session.posargs or ["-n", "2"]))


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy on tools/."""
    session.install("-e", ".[test]")
    session.run("ruff", "check", "tools", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "tools", "tests", "noxfile.py")
    session.run("mypy")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks: check vs bare pytest, mutation vs bare mutmut, review vs wily, practice commands."""
    session.install("-e", ".[test]", "uv")  # uv builds wily's own virtualenv (it needs an older radon)
    session.run("python", "-m", "katabench.bench", *session.posargs)
    session.run("python", "-m", "katabench.review.bench")
    session.run("python", "-m", "katabench.practice.bench")


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Regenerate the rule reference and the kata catalog in docs/."""
    session.install("-e", ".")
    session.run("python", "-m", "katabench.docgen")
