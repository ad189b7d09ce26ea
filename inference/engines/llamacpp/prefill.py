"""Prompt evaluation: text tokens through llama_decode, pictures through libmtmd, both cancellable.

Cancel is checked before every batch / chunk, and an abort callback (native.AbortWhen) stops a
batch inside llama_decode. Encoding one image in the vision tower cannot be interrupted: the
check comes right after it.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import cast

from ...cancel import CancelToken
from ...errors import CairnError, ErrorCode
from . import native
from .media import Bitmaps, Picture
from .state import PromptItems


class PromptCancelled(Exception):
    """The cancel token was set during prompt evaluation; args[0] is the prompt's token count."""


def tokenize_media(mtmd_ctx, prompt: str, pictures: Sequence[Picture]):
    """libmtmd chunks for a prompt with one marker per picture (free with free_chunks)."""
    from llama_cpp import mtmd_cpp

    chunks = mtmd_cpp.mtmd_input_chunks_init()
    if not chunks:
        raise CairnError(ErrorCode.INTERNAL, "libmtmd could not allocate chunks")
    text = mtmd_cpp.mtmd_input_text()
    raw = prompt.encode("utf-8")
    text.text = raw
    text.text_len = len(raw)
    text.add_special = False  # the chat template wrote every special token
    text.parse_special = True
    try:
        with Bitmaps(pictures) as bitmaps:
            rc = mtmd_cpp.mtmd_tokenize(
                mtmd_ctx, chunks, ctypes.byref(text), bitmaps.as_array(), len(bitmaps)
            )
    except BaseException:
        mtmd_cpp.mtmd_input_chunks_free(chunks)
        raise
    if rc != 0:
        mtmd_cpp.mtmd_input_chunks_free(chunks)
        raise CairnError(ErrorCode.INTERNAL, f"libmtmd could not tokenize the prompt ({rc})")
    return chunks


def count_chunk_tokens(chunks) -> int:
    """Every token the prompt puts in the context, image tokens included."""
    from llama_cpp import mtmd_cpp

    return int(mtmd_cpp.mtmd_helper_get_n_tokens(chunks))


def free_chunks(chunks) -> None:
    from llama_cpp import mtmd_cpp

    mtmd_cpp.mtmd_input_chunks_free(chunks)


def eval_tokens(
    ctx,
    batch: native.Batch,
    tokens: Sequence[int],
    cancel: CancelToken,
    *,
    first_pos: int = 0,
    logits_last: bool = True,
) -> int:
    """Decode text tokens at first_pos.. in batches of batch.capacity; return the next position."""
    import llama_cpp

    pos = first_pos
    for start in range(0, len(tokens), batch.capacity):
        if cancel.cancelled:
            raise PromptCancelled()
        part = tokens[start : start + batch.capacity]
        batch.fill(part, pos, logits_last=logits_last and start + len(part) == len(tokens))
        rc = llama_cpp.llama_decode(ctx, batch.batch)
        if rc != 0:
            if cancel.cancelled:
                raise PromptCancelled()
            raise CairnError(ErrorCode.INTERNAL, f"llama_decode returned {rc}")
        pos += len(part)
    return pos


def eval_items(
    mtmd_ctx,
    ctx,
    batch: native.Batch,
    items: PromptItems,
    start: int,
    end: int,
    pos: int,
    cancel: CancelToken,
) -> int:
    """Evaluate items[start:end] (text runs through llama_decode, media chunks through libmtmd,
    which encodes the picture then) from position `pos`; return the next position. Logits are
    computed for the last item only when `end` is the end of the prompt.

    With Qwen's M-RoPE an image advances the position by its grid size, not its token count,
    so the position returned is not the number of tokens in the context.
    """
    import llama_cpp

    i = start
    while i < end:
        if cancel.cancelled:
            raise PromptCancelled()
        chunk = items.chunk[i]
        if chunk is None:
            j = i
            while j < end and items.chunk[j] is None:
                j += 1
            text = cast("list[int]", items.key[i:j])  # text items are token ids
            pos = eval_tokens(ctx, batch, text, cancel, first_pos=pos, logits_last=j == len(items))
            i = j
            continue
        from llama_cpp import mtmd_cpp

        new_pos = llama_cpp.llama_pos(0)
        rc = mtmd_cpp.mtmd_helper_eval_chunk_single(
            mtmd_ctx,
            ctx,
            chunk,
            pos,
            0,
            batch.capacity,
            i + 1 == len(items),
            ctypes.byref(new_pos),
        )
        if rc != 0:
            if cancel.cancelled:
                raise PromptCancelled()
            raise CairnError(ErrorCode.INTERNAL, f"libmtmd evaluation returned {rc}")
        pos = new_pos.value
        i += 1
    return pos
