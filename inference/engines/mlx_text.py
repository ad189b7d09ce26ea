"""The MLX engine's text path: mlx-lm's Qwen3.5 model, with prompt-cache checkpoints.

mlx-lm's stream_generate reads a prompt on top of a given cache, but takes no checkpoints on
the way; so the prompt is read here up to its last token in pieces that end at the message
boundaries (a checkpoint after each), and mlx-lm then reads that last token and generates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..records import GenerationRequest
from .mlx_state import (
    CONTEXT_TAIL,
    PREFILL_STEP,
    PrefillCancelled,
    PromptCheckpoints,
    PromptRun,
    with_context,
)
from .prompting import chat_messages


def lm_prompt(
    render: Callable[..., str],
    tokenizer: Any,
    request: GenerationRequest,
    thinking: bool,
    *,
    generation: bool,
) -> tuple[str, list[int]]:
    """The rendered prompt and its token ids (`generation`: with the generation prompt).
    `render(messages, add_generation_prompt=, enable_thinking=)` is the guarded chat template
    (template_guard.HFTemplate), never transformers' apply_chat_template."""
    prompt = render(
        chat_messages(request, media=False),
        add_generation_prompt=generation,
        enable_thinking=thinking,
    )
    bos = tokenizer.bos_token
    special = bos is None or not prompt.startswith(bos)  # what mlx-lm does with a string
    return prompt, list(tokenizer.encode(prompt, add_special_tokens=special))


def lm_read(
    model: Any,
    key: tuple[int, ...],
    start: int,
    end: int,
    cache: list[Any],
    *,
    checkpoints: PromptCheckpoints,
    message_start: int | None,
    stream: Any,
    cancel: Any,
) -> list[Any]:
    """Read key[start:end] into `cache` (which holds key[:start]), keeping a checkpoint at each
    message start on the way and at `end`."""
    import mlx.core as mx

    marks = checkpoints.marks(key[: end + 1], message_start, start)
    with mx.stream(stream):
        for mark in marks:
            for a in range(start, mark, PREFILL_STEP):
                if cancel.cancelled:
                    raise PrefillCancelled()
                model(mx.array(key[a : min(mark, a + PREFILL_STEP)])[None], cache=cache)
                mx.eval([c.state for c in cache])
            checkpoints.keep(key[:mark], cache)
            start = mark
    return cache


def lm_stream(
    model: Any,
    tokenizer: Any,
    ids: list[int],
    *,
    sampler: Callable[..., Any],
    processors: list[Callable[..., Any]],
    max_tokens: int,
    checkpoints: PromptCheckpoints,
    run: PromptRun,
    cancel: Any,
    stream_kwargs: dict[str, Any],
) -> Iterator[Any]:
    """mlx-lm's responses for `ids`, read from the longest checkpointed prefix."""
    import mlx.core as mx
    from mlx_lm import stream_generate
    from mlx_lm.generate import generation_stream
    from mlx_lm.models.cache import make_prompt_cache

    key = tuple(ids)  # text only: the token ids are the key
    reused, cache = checkpoints.find(key)
    run.total, run.cached = len(ids), reused
    last = len(ids) - 1
    cache = lm_read(
        model,
        key,
        reused,
        last,
        cache if cache is not None else make_prompt_cache(model),
        checkpoints=checkpoints,
        message_start=tokenizer.convert_tokens_to_ids("<|im_start|>"),
        stream=stream_kwargs.get("stream", generation_stream),
        cancel=cancel,
    )

    def on_prompt_progress(done: int, total: int) -> None:
        if cancel.cancelled:
            raise PrefillCancelled()

    yield from stream_generate(
        model,
        tokenizer,
        mx.array(ids[last:]),
        max_tokens=max_tokens,
        sampler=sampler,
        logits_processors=with_context(processors, ids[max(0, last - CONTEXT_TAIL) : last]),
        prompt_progress_callback=on_prompt_progress,
        prompt_cache=cache,
        **stream_kwargs,
    )


def lm_read_to(
    model: Any,
    tokenizer: Any,
    ids: list[int],
    end: int,
    *,
    checkpoints: PromptCheckpoints,
    cancel: Any,
    stream_kwargs: dict[str, Any],
) -> None:
    """Read ids up to `end` from the longest checkpoint before it, keeping a checkpoint there
    (an answer as the next turn renders it); nothing without a checkpoint to start from."""
    from mlx_lm.generate import generation_stream

    key = tuple(ids)
    start, cache = checkpoints.find(key[: end + 1])
    if cache is None or start >= end:
        return
    lm_read(
        model,
        key,
        start,
        end,
        cache,
        checkpoints=checkpoints,
        message_start=tokenizer.convert_tokens_to_ids("<|im_start|>"),
        stream=stream_kwargs.get("stream", generation_stream),
        cancel=cancel,
    )
