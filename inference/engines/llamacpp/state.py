"""A prompt as a sequence of prefix items, and llama.cpp sequence-state checkpoints of it.

The llama.cpp engine keeps checkpoints of its sequence state (attention KV plus the
linear-attention recurrent state, which cannot be rolled back) in a StateCache, keyed by the items
of the prompt they cover. An item is a text token id, or one media chunk of libmtmd (an image, or
a pair of merged video frames) named by a hash of its pixels: a checkpoint whose prefix holds a
picture restores that picture's tokens, so the vision encoder never runs on it again, and a
different picture can never match.

Where checkpoints are taken (`checkpoint_points`): before every `<|im_start|>` (the message
boundaries: the last one is just before the generation prompt, whose rendering changes on the next
turn because the template drops earlier thinking) and one token before the end of the prompt (a
regenerate restores all but the last token, which is evaluated again for its logits). The engine
adds one at the end of each answer (prompt items + the answer's tokens).
"""

from __future__ import annotations

import ctypes
import hashlib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .media import Picture

MEDIA = "media"  # first element of a media item: (MEDIA, digest, n_tokens)


@dataclass
class PromptItems:
    """A prompt flattened for prefix matching. Parallel lists, one entry per item:
    `key` the hashable item, `chunk` the libmtmd chunk of a media item (None for text),
    `n_tokens` the context cells it fills, `n_pos` the positions it advances (M-RoPE: an image
    advances by its grid, not its token count)."""

    key: list[Hashable] = field(default_factory=list)
    chunk: list[Any] = field(default_factory=list)
    n_tokens: list[int] = field(default_factory=list)
    n_pos: list[int] = field(default_factory=list)

    def add_tokens(self, tokens: Sequence[int]) -> None:
        self.key.extend(int(t) for t in tokens)
        self.chunk.extend([None] * len(tokens))
        self.n_tokens.extend([1] * len(tokens))
        self.n_pos.extend([1] * len(tokens))

    def add_media(self, chunk: Any, digest: str, n_tokens: int, n_pos: int) -> None:
        self.key.append((MEDIA, digest, n_tokens))
        self.chunk.append(chunk)
        self.n_tokens.append(n_tokens)
        self.n_pos.append(n_pos)

    def __len__(self) -> int:
        return len(self.key)

    def total_tokens(self) -> int:
        return sum(self.n_tokens)

    def position(self, end: int) -> int:
        """The position of the item at index `end` (= the next position after items[:end])."""
        return sum(self.n_pos[:end])

    def tokens_before(self, end: int) -> int:
        return sum(self.n_tokens[:end])


def text_items(tokens: Sequence[int]) -> PromptItems:
    items = PromptItems()
    items.add_tokens(tokens)
    return items


def picture_digest(pictures: Sequence[Picture]) -> str:
    """A hash of the pixels (and shapes) of some pictures: the name of a media item."""
    h = hashlib.blake2b(digest_size=16)
    for p in pictures:
        h.update(repr((p.rgb.shape, p.video)).encode())
        h.update(p.rgb.tobytes())
    return h.hexdigest()


def picture_groups(pictures: Sequence[Picture]) -> list[list[Picture]]:
    """The pictures as libmtmd turns them into media chunks: an image alone, video frames by
    their pairs (`Picture.group`: the frames of one pair share it)."""
    groups: list[list[Picture]] = []
    last: object = None
    for p in pictures:
        if p.group is not None and p.group == last and groups:
            groups[-1].append(p)
        else:
            groups.append([p])
        last = p.group
    return groups


def media_items(chunks: Any, pictures: Sequence[Picture]) -> PromptItems:
    """Items of libmtmd chunks. Each media chunk is named by the digest of its own pictures;
    should libmtmd ever group them otherwise than `picture_groups` expects, every media item is
    named by the digest of all the pictures instead (still never a wrong match, less reuse)."""
    from llama_cpp import mtmd_cpp

    n = mtmd_cpp.mtmd_input_chunks_size(chunks)
    all_chunks = [mtmd_cpp.mtmd_input_chunks_get(chunks, i) for i in range(n)]
    media = [c for c in all_chunks if mtmd_cpp.mtmd_input_chunk_get_type(c) != 0]
    groups = picture_groups(pictures)
    if len(groups) == len(media):
        digests = [picture_digest(g) for g in groups]
    else:
        digests = [picture_digest(pictures)] * len(media)
    items = PromptItems()
    k = 0
    for chunk in all_chunks:
        if mtmd_cpp.mtmd_input_chunk_get_type(chunk) == mtmd_cpp.MTMD_INPUT_CHUNK_TYPE_TEXT:
            count = ctypes.c_size_t(0)
            ptr = mtmd_cpp.mtmd_input_chunk_get_tokens_text(chunk, ctypes.byref(count))
            items.add_tokens([ptr[i] for i in range(count.value)])
        else:
            items.add_media(
                chunk,
                digests[k],
                int(mtmd_cpp.mtmd_input_chunk_get_n_tokens(chunk)),
                int(mtmd_cpp.mtmd_input_chunk_get_n_pos(chunk)),
            )
            k += 1
    return items


def checkpoint_points(items: PromptItems, boundary_token: int | None) -> list[int]:
    """Item counts after which the prompt's state is worth keeping (see the module docstring)."""
    points = [i for i, k in enumerate(items.key) if i > 0 and k == boundary_token]
    if len(items) > 1 and (not points or points[-1] != len(items) - 1):
        points.append(len(items) - 1)
    return points


# -- the sequence state ---------------------------------------------------------------------


def save_state(ctx: Any, seq_id: int = 0) -> tuple[bytearray, int] | None:
    """A copy of one sequence's whole state (KV cells and recurrent state); None on failure."""
    import llama_cpp

    size = llama_cpp.llama_state_seq_get_size(ctx, seq_id)
    if not size:
        return None
    buf = bytearray(size)
    view = (ctypes.c_uint8 * size).from_buffer(buf)
    written = llama_cpp.llama_state_seq_get_data(ctx, view, size, seq_id)
    del view  # release the export so the bytearray can be resized / freed
    if not written:
        return None
    if written < size:
        del buf[written:]
    return buf, written


def restore_state(ctx: Any, payload: bytearray, seq_id: int = 0) -> bool:
    """Replace the sequence's state by a saved copy (llama.cpp clears the sequence first)."""
    import llama_cpp

    view = (ctypes.c_uint8 * len(payload)).from_buffer(payload)
    try:
        return bool(llama_cpp.llama_state_seq_set_data(ctx, view, len(payload), seq_id))
    finally:
        del view
