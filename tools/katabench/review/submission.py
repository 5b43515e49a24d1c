"""Read a submission file (`<kata>-<date>.kata.zip`, docs/submission-format.md) for review.

The zip is untrusted: only `manifest.json` and `repo.bundle` are read, by
name, with size limits; nothing else is extracted. The bundle is verified and
cloned (without a checkout) into a temporary folder, which is what gets
reviewed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from katabench.errors import FatalError

FORMAT = "katabench.submission/1"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024


@dataclass(frozen=True)
class Submission:
    kata: str
    head: str
    base: str | None
    branch: str
    created: str
    repository: Path  # the bundle, cloned into a temporary folder


def is_submission(path: Path) -> bool:
    return path.is_file() and zipfile.is_zipfile(path)


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_TERMINAL_PROMPT"] = "0"
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)


def _manifest(archive: zipfile.ZipFile, where: str) -> dict[str, object]:
    try:
        info = archive.getinfo("manifest.json")
    except KeyError:
        raise FatalError(f"{where}: no manifest.json in the submission") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise FatalError(f"{where}: manifest.json is too large ({info.file_size:,} bytes)")
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FatalError(f"{where}: manifest.json is not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise FatalError(f"{where}: manifest.json format is {found!r}, expected {FORMAT!r}")
    for key in ("kata", "head", "branch"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise FatalError(f"{where}: manifest.json {key}: expected a non-empty string, got {data.get(key)!r}")
    return data


@contextmanager
def open_submission(path: Path) -> Iterator[Submission]:
    """The submission, its bundle cloned into a temporary folder that is removed afterwards."""
    where = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise FatalError(f"{where}: not a submission file ({error})") from None
    tmp = Path(tempfile.mkdtemp(prefix="katabench-submission-"))
    try:
        with archive:
            manifest = _manifest(archive, where)
            try:
                info = archive.getinfo("repo.bundle")
            except KeyError:
                raise FatalError(f"{where}: no repo.bundle in the submission") from None
            if info.file_size > MAX_BUNDLE_BYTES:
                raise FatalError(f"{where}: repo.bundle is too large ({info.file_size:,} bytes)")
            bundle = tmp / "repo.bundle"
            with archive.open(info) as source, open(bundle, "wb") as target:
                shutil.copyfileobj(source, target)
        clone = tmp / "repo"
        done = _git("clone", "--quiet", "--no-checkout", str(bundle), str(clone), cwd=tmp)
        if done.returncode != 0:
            raise FatalError(f"{where}: repo.bundle is not a valid git bundle ({done.stderr.strip()})")
        head = str(manifest["head"])
        if _git("cat-file", "-e", f"{head}^{{commit}}", cwd=clone).returncode != 0:
            raise FatalError(f"{where}: the manifest's head {head[:12]} is not in repo.bundle")
        base = manifest.get("base")
        if isinstance(base, str) and _git("cat-file", "-e", f"{base}^{{commit}}", cwd=clone).returncode != 0:
            base = None
        yield Submission(
            str(manifest["kata"]),
            head,
            base if isinstance(base, str) else None,
            str(manifest["branch"]),
            str(manifest.get("created", "")),
            clone,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
