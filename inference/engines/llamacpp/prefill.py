"""Prompt evaluation: text tokens through llama_decode, pictures through libmtmd, both cancellable.

Cancel is checked before every batch / chunk, and an abort callback (native.AbortWhen) stops a
batch inside llama_decode. Encoding one image in the vision tower cannot be interrupted: the
check comes right after it.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence

from ...cancel import CancelToken
from ...errors import CairnError, ErrorCode
from . import native
from .media import Bitmaps, Picture


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


def eval_tokens(ctx, batch: native.Batch, tokens: Sequence[int], cancel: CancelToken) -> int:
    """Decode text tokens in batches of batch.capacity; return the next position."""
    import llama_cpp

    pos = 0
    for start in range(0, len(tokens), batch.capacity):
        if cancel.cancelled:
            raise PromptCancelled()
        part = tokens[start : start + batch.capacity]
        batch.fill(part, pos, logits_last=start + len(part) == len(tokens))
        rc = llama_cpp.llama_decode(ctx, batch.batch)
        if rc != 0:
            if cancel.cancelled:
                raise PromptCancelled()
            raise CairnError(ErrorCode.INTERNAL, f"llama_decode returned {rc}")
        pos += len(part)
    return pos


def eval_chunks(mtmd_ctx, ctx, chunks, n_batch: int, cancel: CancelToken) -> int:
    """Evaluate libmtmd chunks (text, encoded images) in order; return the next position.

    With Qwen's M-RoPE an image advances the position by its grid size, not its token count,
    so the position returned is not the number of tokens in the context.
    """
    import llama_cpp
    from llama_cpp import mtmd_cpp

    n = mtmd_cpp.mtmd_input_chunks_size(chunks)
    n_past = 0
    new_n_past = llama_cpp.llama_pos(0)
    for i in range(n):
        if cancel.cancelled:
            raise PromptCancelled()
        chunk = mtmd_cpp.mtmd_input_chunks_get(chunks, i)
        rc = mtmd_cpp.mtmd_helper_eval_chunk_single(
            mtmd_ctx, ctx, chunk, n_past, 0, n_batch, i == n - 1, ctypes.byref(new_n_past)
        )
        if rc != 0:
            if cancel.cancelled:
                raise PromptCancelled()
            raise CairnError(ErrorCode.INTERNAL, f"libmtmd evaluation returned {rc}")
        n_past = new_n_past.value
    return n_past
