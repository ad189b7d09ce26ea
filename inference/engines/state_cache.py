"""Checkpoints of an engine's model state, found again by the longest shared prefix of a prompt.

Qwen3.5 mixes attention layers (a KV cache that could be truncated) with linear-attention layers
(a recurrent state that cannot be rolled back), so an engine that wants to skip the part of a
prompt it has already read must restore a copy of the whole state taken at that exact point. This
store holds those copies for either engine; the payload is opaque to it:

    cache = StateCache(budget_bytes=default_budget_bytes())
    cache.bind(model_identity)                 # a different model clears everything
    hit = cache.longest_prefix(key)            # key: the request's tuple of prefix items
    if hit: restore(hit.payload); start at hit.meta / len(hit.key)
    ... evaluate the rest, and at each message boundary / answer end:
    cache.put(key[:n], payload, nbytes, n_tokens=..., meta=...)

A key is a tuple of hashable items in prompt order: token ids, and for a picture one item that
names it by a hash of its pixels (so a different image never matches) and stands for all its
tokens (`n_tokens` says how many tokens a checkpoint's prefix holds, for `cached_tokens`).

Least recently used checkpoints are dropped first once the bytes held pass the budget; one store
belongs to one engine and is cleared when it closes or loads another model, so there is never
more than one engine's worth of copies. Not thread-safe: used from the engine's own thread.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

GIB = 2**30
MAX_DEFAULT_BUDGET = 2 * GIB  # the default never asks for more than this
DEFAULT_RAM_FRACTION = 8  # ... nor more than an eighth of the machine's memory

PrefixKey = tuple[Hashable, ...]


def _physical_ram() -> int | None:
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):  # Windows has no sysconf
        return None


def default_budget_bytes(total_ram: int | None = None) -> int:
    """min(2 GiB, RAM / 8): the app passes its setting instead when the user has chosen one.
    `total_ram` None: read it here (POSIX); when it cannot be read, 2 GiB."""
    ram = total_ram if total_ram is not None else _physical_ram()
    if not ram or ram <= 0:
        return MAX_DEFAULT_BUDGET
    return min(MAX_DEFAULT_BUDGET, ram // DEFAULT_RAM_FRACTION)


@dataclass(frozen=True)
class Checkpoint:
    """One saved state: the prefix it covers, the engine's opaque payload and its size."""

    key: PrefixKey
    payload: Any  # engine-specific (llama.cpp: the bytes of llama_state_seq_get_data)
    nbytes: int
    n_tokens: int  # tokens the prefix holds in the model's context (a picture counts all its own)
    meta: Any = None  # engine-specific extras (llama.cpp: the next position, M-RoPE skips)


@dataclass(frozen=True)
class CacheStats:
    bytes_held: int
    checkpoints: int
    budget_bytes: int
    hits: int  # lookups that found a checkpoint
    misses: int
    evicted: int  # checkpoints dropped for the budget


class StateCache:
    """Checkpoints keyed by prompt prefix, LRU under a byte budget (see the module docstring)."""

    def __init__(self, budget_bytes: int | None = None) -> None:
        self.budget_bytes = default_budget_bytes() if budget_bytes is None else max(0, budget_bytes)
        self._entries: OrderedDict[PrefixKey, Checkpoint] = OrderedDict()  # oldest use first
        self._bytes = 0
        self._identity: Hashable = None
        self._hits = self._misses = self._evicted = 0

    @property
    def enabled(self) -> bool:
        return self.budget_bytes > 0

    def bind(self, identity: Hashable) -> None:
        """Tie the store to one model (path, file hash...): a different one clears it."""
        if identity != self._identity:
            self.clear()
            self._identity = identity

    def set_budget(self, budget_bytes: int) -> None:
        """Change the budget (a settings change); drops checkpoints at once if it shrank."""
        self.budget_bytes = max(0, budget_bytes)
        self._evict(0)

    def longest_prefix(self, key: PrefixKey, *, max_len: int | None = None) -> Checkpoint | None:
        """The checkpoint with the longest key that is a prefix of `key` (and at most `max_len`
        items long: an engine that needs the last token's logits asks for len(key) - 1).
        Marks it recently used. A linear scan: a budget holds tens of checkpoints, not thousands."""
        limit = len(key) if max_len is None else min(max_len, len(key))
        best: Checkpoint | None = None
        for cp in self._entries.values():
            n = len(cp.key)
            if n <= limit and (best is None or n > len(best.key)) and key[:n] == cp.key:
                best = cp
        if best is None:
            self._misses += 1
            return None
        self._hits += 1
        self._entries.move_to_end(best.key)
        return best

    def get(self, key: PrefixKey) -> Checkpoint | None:
        """The checkpoint of exactly `key` (no use counted, no LRU change)."""
        return self._entries.get(key)

    def __contains__(self, key: PrefixKey) -> bool:
        return key in self._entries

    def put(
        self, key: PrefixKey, payload: Any, nbytes: int, *, n_tokens: int, meta: Any = None
    ) -> bool:
        """Keep a checkpoint (replacing one with the same key); False if it alone is over the
        budget (nothing is dropped for it then). Older checkpoints go first to make room."""
        if not self.enabled or nbytes > self.budget_bytes or not key:
            return False
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old.nbytes
        self._evict(nbytes)
        self._entries[key] = Checkpoint(key, payload, nbytes, n_tokens, meta)
        self._bytes += nbytes
        return True

    def _evict(self, room: int) -> None:
        while self._entries and self._bytes + room > self.budget_bytes:
            _, cp = self._entries.popitem(last=False)
            self._bytes -= cp.nbytes
            self._evicted += 1

    def clear(self) -> None:
        """Free every checkpoint (model change, engine closed)."""
        self._entries.clear()
        self._bytes = 0

    def keys(self) -> list[PrefixKey]:
        """Keys from least to most recently used (tests, diagnostics)."""
        return list(self._entries)

    def stats(self) -> CacheStats:
        return CacheStats(
            self._bytes,
            len(self._entries),
            self.budget_bytes,
            self._hits,
            self._misses,
            self._evicted,
        )
