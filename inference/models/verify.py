"""`cairn models verify`: re-hash an installed model's files against its manifest.

The quick readiness check (manifest.check_ready) compares sizes only; this reads every byte, so
a flipped bit on the disk or a file edited by hand shows up as "changed".
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import CairnError, ErrorCode
from .manifest import read_manifest, safe_relative_path, sha256_file


class FileStatus(str, enum.Enum):
    OK = "ok"
    MISSING = "missing"
    CHANGED = "changed"  # present, but its size or SHA-256 differs from the manifest's


@dataclass(frozen=True)
class FileCheck:
    path: str
    status: FileStatus
    expected_sha256: str
    actual_sha256: str | None  # None when missing, or when the size already differs


def verify_model(folder: Path, on_bytes: Callable[[int], None] | None = None) -> list[FileCheck]:
    """One check per file the manifest lists, in its order; CairnError when there is no manifest."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{folder.name}: no manifest to check against")
    out = []
    for rec in manifest.files:
        rel = safe_relative_path(rec.path)
        path = folder / rel if rel is not None else None
        if path is None or not path.is_file():
            out.append(FileCheck(rec.path, FileStatus.MISSING, rec.sha256, None))
            continue
        if path.stat().st_size != rec.size:
            out.append(FileCheck(rec.path, FileStatus.CHANGED, rec.sha256, None))
            continue
        digest = sha256_file(path, on_bytes)
        status = FileStatus.OK if digest == rec.sha256.lower() else FileStatus.CHANGED
        out.append(FileCheck(rec.path, status, rec.sha256, digest))
    return out
