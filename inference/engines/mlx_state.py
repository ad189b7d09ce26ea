"""Checkpoints of the MLX prompt cache, so a request reads only what no earlier request read,
and the pieces the engine's text path (mlx_text.py) and vision path (mlx_vision.py) share.

An MLX prompt cache is a list with one entry per layer: a KV cache for Qwen3.5's attention
layers and an array cache (convolution + recurrent state) for its linear-attention layers. The
recurrent state cannot be rolled back, so a checkpoint is a whole copy of the list taken at an
exact point of the prompt: at every message boundary (the positions of `<|im_start|>`, the last
one being the start of the generation prompt, whose rendering changes on the next turn), at the
prompt's last-but-one token (a regenerate needs the last token's logits again), and after each
answer, read as the next turn renders it (`follow_up`). They live in the engine-neutral
StateCache (state_cache.py) under a key with one item per token: the token id, or for an
image/video placeholder token the pair (token id, hash of the pixels), so a different picture
never matches.

MLX updates caches in place (`keys[..., a:b, :] = new`), so a stored checkpoint and the cache a
generation works on must never share an array object: `snapshot` and `restore` deep-copy.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import GenerationRequest, Message
from .state_cache import PrefixKey, StateCache

MESSAGE_START = "<|im_start|>"
CONTEXT_TAIL = 64  # prompt tokens shown to logits processors (presence penalty looks back 20)
PREFILL_STEP = 2048  # tokens per forward pass while reading a prompt (mlx's default)


@dataclass
class PromptRun:
    """What a request's prompt cost: filled in as it is read, for the final statistics."""

    total: int = 0
    cached: int = 0


class PrefillCancelled(Exception):
    """Raised between prompt chunks to abandon a long prompt."""


def with_context(
    processors: Sequence[Callable[..., Any]], tail: Sequence[int]
) -> list[Callable[..., Any]]:
    """Logits processors that also see the prompt tokens read before the library's part (a
    prompt read from a checkpoint, or in pieces, gives the library only its last token)."""
    import mlx.core as mx

    if not processors or not tail:
        return list(processors)
    prefix = mx.array(list(tail))

    def wrap(p: Callable[..., Any]) -> Callable[..., Any]:
        return lambda tokens, logits: p(
            mx.concatenate([prefix, tokens.astype(prefix.dtype)]), logits
        )

    return [wrap(p) for p in processors]


def digest(*parts: bytes) -> str:
    """A short content hash naming one image or one video's frames in a prefix key."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def image_digest(image: Any) -> str:
    """A PIL image's pixels, mode and size (two files with the same pixels are the same image)."""
    return digest(image.mode.encode(), repr(image.size).encode(), image.tobytes())


def prefix_key(
    ids: Sequence[int], media: Mapping[int, Sequence[str]] | None = None
) -> PrefixKey | None:
    """The StateCache key of a token sequence: one item per token.

    `media` maps a placeholder token id (image pad, video pad) to the digests of its pictures in
    prompt order: each run of that token takes the next digest, except that a single digest
    names every run (Qwen splits a video into frame groups, each after its timestamp). None when
    runs and pictures do not pair up: the request is then served without checkpoints."""
    media = {t: names for t, names in (media or {}).items() if names}
    items: list[Hashable] = []
    runs = dict.fromkeys(media, 0)
    prev = None
    for t in ids:
        if t in media:
            names = media[t]
            runs[t] += t != prev
            if len(names) > 1 and runs[t] > len(names):
                return None
            items.append((t, names[min(runs[t], len(names)) - 1]))
        else:
            items.append(t)
        prev = t
    if any(
        runs[t] == 0 or (len(names) > 1 and runs[t] != len(names)) for t, names in media.items()
    ):
        return None
    return tuple(items)


def checkpoint_marks(ids: Sequence[Hashable], message_start: int | None, start: int) -> list[int]:
    """Where to take checkpoints while reading ids[start:]: every message start after `start`
    and the last-but-one token (a prompt re-sent as it is reuses all but its last token)."""
    n = len(ids)
    marks = {i for i, t in enumerate(ids) if t == message_start and start < i < n}
    if start < n - 1:
        marks.add(n - 1)
    return sorted(marks)


def cache_nbytes(cache: Iterable[Any]) -> int:
    return int(sum(getattr(c, "nbytes", 0) for c in cache))


def snapshot(cache: list[Any]) -> list[Any]:
    """An independent copy of a prompt cache (see `compact`)."""
    return compact(copy.deepcopy(cache))


def compact(cache: list[Any]) -> list[Any]:
    """Cut each KV buffer to the tokens it holds (a KV cache grows in steps of 256 tokens; a
    checkpoint does not keep the empty tail) and evaluate: the stored state is concrete."""
    import mlx.core as mx

    for c in cache:
        keys, values, offset = (getattr(c, a, None) for a in ("keys", "values", "offset"))
        if type(c).__name__ == "KVCache" and keys is not None and values is not None:
            if isinstance(offset, int) and offset < keys.shape[2]:
                c.keys = mx.contiguous(keys[..., :offset, :])
                c.values = mx.contiguous(values[..., :offset, :])
    mx.eval([c.state for c in cache])
    return cache


def restore(payload: list[Any]) -> list[Any]:
    """A working copy of a stored checkpoint: generating on it never touches the stored one."""
    import mlx.core as mx

    working = copy.deepcopy(payload)
    mx.eval([c.state for c in working])
    return working


def cache_offset(cache: Sequence[Any]) -> int | None:
    """Tokens the attention layers hold (None if no layer says): checked before storing."""
    offsets = {c.offset for c in cache if isinstance(getattr(c, "offset", None), int)}
    return offsets.pop() if len(offsets) == 1 else None


class PromptCheckpoints:
    """The MLX engine's view of its StateCache: find the longest reusable prefix, keep copies."""

    def __init__(self, store: StateCache) -> None:
        self.store = store

    def marks(self, ids: Sequence[Hashable], message_start: int | None, start: int) -> list[int]:
        """`checkpoint_marks`; with no budget only the last-but-one token, so the prompt is
        read in one piece as it was before checkpoints (a true baseline for the benchmark)."""
        if self.store.enabled:
            return checkpoint_marks(ids, message_start, start)
        return [len(ids) - 1] if start < len(ids) - 1 else []

    def find(self, key: PrefixKey | None) -> tuple[int, list[Any] | None]:
        """(tokens reused, a working copy of their cache); (0, None) when nothing matches. At
        least the last token is always left to read: its logits give the first answer token."""
        if key is None or not self.store.enabled or len(key) < 2:
            return 0, None
        hit = self.store.longest_prefix(key, max_len=len(key) - 1)
        if hit is None:
            return 0, None
        return hit.n_tokens, restore(hit.payload)

    def keep(self, key: PrefixKey | None, cache: list[Any], *, copy_cache: bool = True) -> bool:
        """Store the cache as the checkpoint of `key` (all of its tokens must be in it).
        `copy_cache` False hands over a cache nobody will use again (an answer's end)."""
        if key is None or not self.store.enabled or key in self.store:
            return False
        if cache_offset(cache) != len(key):
            return False  # the cache and the tokens disagree: never store a wrong state
        saved = snapshot(cache) if copy_cache else compact(cache)
        return self.store.put(key, saved, cache_nbytes(saved), n_tokens=len(key))


def follow_up(request: GenerationRequest, answer: str) -> GenerationRequest | None:
    """The conversation as the next turn sends it: this answer, then a user message (empty
    here). None when the video frames follow the last user message (no message names the
    video): a new user message would move them, so nothing would match."""
    if request.video_frames and all(m.video is None for m in request.messages):
        return None
    messages = (*request.messages, Message("assistant", answer), Message("user", ""))
    return dataclasses.replace(request, messages=messages)


def before_last_message(ids: Sequence[int], message_start: int | None) -> int | None:
    """The position of the last message's start (the empty user message of `follow_up`)."""
    starts = [i for i, t in enumerate(ids) if t == message_start and i > 0]
    return starts[-1] if starts else None
