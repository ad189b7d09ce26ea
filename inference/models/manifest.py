"""The manifest of a ready model, file hashing, and which repository files may be fetched.

A model folder counts as ready only when its manifest exists and every file it lists is present
with the listed size; the manifest is written last, just before the folder is moved into place,
so a crash at any moment leaves either a complete model or no model under models/<id>/.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST_NAME = ".cairn-manifest.json"
SCHEMA = 1

# File kinds an engine needs. Everything else (pickles, code, READMEs, images) is never fetched.
ALLOWED_SUFFIXES = frozenset({".safetensors", ".json", ".jinja", ".txt", ".gguf"})
HF_SUFFIXES = frozenset({".safetensors", ".json", ".jinja", ".txt"})
FORBIDDEN_SUFFIXES = frozenset(
    {".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".py", ".pyc", ".so", ".dll", ".h5"}
)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileRecord:
    """One file of a model: path relative to the model folder (POSIX form), size, SHA-256."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    model_id: str
    source: str  # "hub" or "import"
    repo_id: str | None
    revision: str | None  # the commit sha every file was fetched at
    files: tuple[FileRecord, ...]
    origin: str = ""  # the imported path, for the record

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


def valid_model_id(model_id: str) -> bool:
    """Ids become folder names: lower-case letters, digits, dot, dash, underscore; no '..'."""
    return bool(_ID_RE.match(model_id)) and ".." not in model_id


def safe_relative_path(name: str) -> PurePosixPath | None:
    """A repository file name as a safe relative path, or None (absolute, '..', backslashes)."""
    if not name or "\\" in name or "\x00" in name:
        return None
    p = PurePosixPath(name)
    if p.is_absolute() or any(part in ("", ".", "..") for part in p.parts):
        return None
    if any(part.startswith(".") for part in p.parts):
        return None  # .gitattributes, .cache/: never ours to fetch
    return p


def allowed_file(name: str, suffixes: frozenset[str] = HF_SUFFIXES) -> bool:
    """Whether a repository file may be fetched: a safe path with an allowed, non-code suffix."""
    p = safe_relative_path(name)
    if p is None:
        return False
    suffix = p.suffix.lower()
    return suffix in suffixes and suffix not in FORBIDDEN_SUFFIXES


def sha256_file(path: Path, on_bytes=None) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            if on_bytes is not None:
                on_bytes(len(chunk))
    return h.hexdigest()


def git_blob_sha1(path: Path) -> str:
    """Git's object id of a file ('blob <size>\\0' + content): the Hub's id of non-LFS files."""
    h = hashlib.sha1(usedforsecurity=False)
    h.update(f"blob {path.stat().st_size}\0".encode())
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(folder: Path, manifest: Manifest) -> None:
    doc = {
        "schema": SCHEMA,
        "id": manifest.model_id,
        "source": manifest.source,
        "repo_id": manifest.repo_id,
        "revision": manifest.revision,
        "origin": manifest.origin,
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in manifest.files],
    }
    tmp = folder / (MANIFEST_NAME + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, folder / MANIFEST_NAME)


def read_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest, or None when it is missing or unreadable."""
    try:
        doc = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        files = tuple(
            FileRecord(path=str(f["path"]), size=int(f["size"]), sha256=str(f["sha256"]))
            for f in doc["files"]
        )
        return Manifest(
            model_id=str(doc["id"]),
            source=str(doc.get("source", "hub")),
            repo_id=doc.get("repo_id"),
            revision=doc.get("revision"),
            files=files,
            origin=str(doc.get("origin", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def check_ready(folder: Path) -> tuple[bool, str]:
    """Quick check (sizes, no hashing): (ready, why not). Hashes are checked at download time."""
    manifest = read_manifest(folder)
    if manifest is None:
        return False, f"{folder.name}: no manifest"
    if not manifest.files:
        return False, f"{folder.name}: empty manifest"
    for rec in manifest.files:
        p = safe_relative_path(rec.path)
        if p is None:
            return False, f"{folder.name}: bad path {rec.path!r}"
        try:
            size = (folder / p).stat().st_size
        except OSError:
            return False, f"{folder.name}: missing {rec.path}"
        if size != rec.size:
            return False, f"{folder.name}: {rec.path} has {size} bytes, expected {rec.size}"
    return True, ""


def verify_hashes(folder: Path) -> tuple[bool, str]:
    """Full check: every listed file's SHA-256 (reads every byte; for an explicit verify)."""
    ok, why = check_ready(folder)
    if not ok:
        return ok, why
    manifest = read_manifest(folder)
    assert manifest is not None
    for rec in manifest.files:
        if sha256_file(folder / rec.path) != rec.sha256:
            return False, f"{folder.name}: {rec.path} checksum mismatch"
    return True, ""


def tree_bytes(path: Path) -> int:
    """Bytes used by the files under `path` (no symlinks followed)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                continue
    return total
