"""A conversation's last checkpoint on disk, so reopening it tomorrow does not read it all again.

One file per checkpoint under a folder of the data root: a JSON header line (the model's identity,
the prefix key, its token count and the engine's meta) then the engine's opaque payload. The model
identity is a hash of the model file(s), so a checkpoint is never restored into another model (or
into the same name re-downloaded with other weights). The folder is kept under a byte budget,
least recently used files deleted first (a file's mtime is its last use).

Engines write only the last checkpoint of an answer (the state before the next user message) and
look here only when memory has nothing for a request. Not thread-safe: the engine's thread only.
A damaged or foreign file is skipped (and removed), never an error for the user.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

from .state_cache import Checkpoint, PrefixKey

log = logging.getLogger(__name__)

SUFFIX = ".state"
FORMAT = 1


def file_identity(paths: Sequence[Path | None], chunk: int = 2**22) -> str:
    """A hash of the files' bytes (the GGUF and its projector): the model's identity on disk."""
    h = hashlib.blake2b(digest_size=20)
    for p in paths:
        if p is None:
            continue
        with open(p, "rb") as f:
            while block := f.read(chunk):
                h.update(block)
        h.update(b"\0")
    return h.hexdigest()


def cached_identity(folder: Path, paths: Sequence[Path | None]) -> str:
    """file_identity, remembered in folder/identities.json by path, size and mtime (hashing a
    model of gigabytes takes seconds: once per file, not once per load)."""
    stamp = "|".join(
        f"{p.resolve()}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in paths if p is not None
    )
    book = folder / "identities.json"
    try:
        known = json.loads(book.read_text())
    except (OSError, ValueError):
        known = {}
    if stamp not in known:
        known[stamp] = file_identity(paths)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            book.write_text(json.dumps(known))
        except OSError as e:
            log.debug("model identity not remembered: %s", e)
    return str(known[stamp])


def _to_json(item: Hashable) -> Any:
    return list(item) if isinstance(item, tuple) else item


def _from_json(item: Any) -> Hashable:
    return tuple(item) if isinstance(item, list) else item


class DiskStates:
    """Checkpoints on disk for one model (see the module docstring)."""

    def __init__(self, folder: Path, budget_bytes: int, identity: str) -> None:
        self.folder = Path(folder)
        self.budget_bytes = max(0, budget_bytes)
        self.identity = identity

    def _name(self, key: PrefixKey) -> Path:
        digest = hashlib.blake2b(
            (self.identity + json.dumps([_to_json(k) for k in key])).encode(), digest_size=16
        )
        return self.folder / (digest.hexdigest() + SUFFIX)

    def save(self, cp: Checkpoint) -> bool:
        """Write a checkpoint (its payload: bytes-like); False if over the budget or not written."""
        if cp.nbytes > self.budget_bytes:
            return False
        header = {
            "format": FORMAT,
            "model": self.identity,
            "key": [_to_json(k) for k in cp.key],
            "n_tokens": cp.n_tokens,
            "meta": cp.meta,
            "nbytes": cp.nbytes,
        }
        path = self._name(cp.key)
        tmp = path.with_suffix(".part")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._drop_earlier(cp.key)
            self._make_room(cp.nbytes)
            with open(tmp, "wb") as f:
                f.write(json.dumps(header).encode() + b"\n")
                f.write(memoryview(cp.payload)[: cp.nbytes])
            os.replace(tmp, path)
            return True
        except OSError as e:
            log.debug("checkpoint not written to %s: %s", path, e)
            tmp.unlink(missing_ok=True)
            return False

    def _files(self) -> list[Path]:
        try:
            return sorted(self.folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime)
        except OSError:
            return []

    def _drop_earlier(self, key: PrefixKey) -> None:
        """Remove this model's files whose prefix the new key extends: the same conversation's
        earlier states (only its last checkpoint is kept)."""
        for path in self._files():
            header = self._header(path)
            if header is None or header.get("model") != self.identity:
                continue
            n = len(header["key"])
            if n <= len(key) and tuple(_from_json(k) for k in header["key"]) == key[:n]:
                path.unlink(missing_ok=True)

    def _make_room(self, nbytes: int) -> None:
        files = self._files()
        total = sum(p.stat().st_size for p in files)
        for p in files:  # oldest use first
            if total + nbytes <= self.budget_bytes:
                break
            total -= p.stat().st_size
            p.unlink(missing_ok=True)

    def _header(self, path: Path) -> dict | None:
        try:
            with open(path, "rb") as f:
                header = json.loads(f.readline())
            return header if header.get("format") == FORMAT else None
        except (OSError, ValueError) as e:
            log.debug("unreadable checkpoint %s (%s): removed", path, e)
            path.unlink(missing_ok=True)
            return None

    def longest_prefix(self, key: PrefixKey, *, max_len: int) -> Checkpoint | None:
        """This model's checkpoint with the longest key that is a prefix of `key` (at most
        `max_len` items), payload read; its file counts as just used."""
        best: tuple[int, Path, dict] | None = None
        for path in self._files():
            header = self._header(path)
            if header is None or header.get("model") != self.identity:
                continue
            n = len(header["key"])
            if n > max_len or (best is not None and n <= best[0]):
                continue
            if tuple(_from_json(k) for k in header["key"]) == key[:n]:
                best = (n, path, header)
        if best is None:
            return None
        n, path, header = best
        try:
            with open(path, "rb") as f:
                f.readline()
                payload = bytearray(f.read())
            os.utime(path)
        except OSError as e:
            log.debug("checkpoint %s not read: %s", path, e)
            return None
        if len(payload) != header["nbytes"]:
            path.unlink(missing_ok=True)
            return None
        return Checkpoint(key[:n], payload, len(payload), header["n_tokens"], header["meta"])
