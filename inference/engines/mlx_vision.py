"""The MLX engine's vision path: mlx-vlm's Qwen3.5 model, with prompt-cache checkpoints.

mlx-vlm's own stream_generate can reuse one earlier cache, but only when the rest of the prompt
is text and without checkpoints inside the prompt; so this drives its `generate_step` (which
takes a prompt cache, explicit M-RoPE positions and a checkpoint callback at given prompt
lengths) and does the small decode loop itself.

Reusing a prefix that holds images or a video: the vision tower runs only on the pictures of
the part still to read (their rows of `pixel_values`, their grids); pictures inside the prefix
come from the checkpoint. Qwen's M-RoPE gives the text after a picture positions that depend on
its grid, so the positions (and the rope delta the decoder continues with) are always computed
from the whole prompt and its full grids, never from the part read now.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..qwen import STOP_TOKENS
from ..records import VideoFrame
from .mlx_state import (
    CONTEXT_TAIL,
    PREFILL_STEP,
    PrefillCancelled,
    PromptCheckpoints,
    PromptRun,
    digest,
    image_digest,
    prefix_key,
    with_context,
)
from .state_cache import PrefixKey


@dataclass(frozen=True)
class Step:
    """One streamed piece, shaped like mlx-lm's GenerationResponse where the engine reads it."""

    text: str
    finish_reason: str | None
    generation_tokens: int
    generation_tps: float
    peak_memory: float  # GB, as mlx reports it


def video_digest(frames: Sequence[VideoFrame]) -> str:
    return digest(
        *(f.image.tobytes() for f in frames),
        repr([(f.index, f.t, f.image.shape) for f in frames]).encode(),
    )


@dataclass(frozen=True)
class VisionPrompt:
    """A prompt through the processor: token ids, the pictures' tensors, the checkpoint key."""

    input_ids: Any  # mx.array (1, n)
    ids: list[int]
    mask: Any
    pixel_values: Any
    image_grid: Any
    video_grid: Any
    pixel_values_videos: Any
    key: PrefixKey | None
    image_id: int | None
    video_id: int | None


def read_prompt(
    model: Any,
    processor: Any,
    prompt: str,
    images: Sequence[Any],
    frames: Sequence[VideoFrame],
    video_kwargs: dict[str, Any],
) -> VisionPrompt:
    """Tokenize `prompt` with its pictures (the processor's resizing, not the vision tower)."""
    import numpy as np
    from mlx_vlm.utils import prepare_inputs, should_add_special_tokens

    config = model.config
    video = [np.stack([f.image for f in frames])] if frames else None
    inputs = prepare_inputs(
        processor,
        images=list(images) or None,
        videos=video,
        prompts=prompt,
        image_token_index=getattr(config, "image_token_index", None),
        add_special_tokens=should_add_special_tokens(config.model_type, processor),
        **video_kwargs,
    )
    ids: list[int] = inputs["input_ids"][0].tolist()
    image_id = getattr(config, "image_token_index", None) or getattr(config, "image_token_id", None)
    video_id = getattr(config, "video_token_index", None) or getattr(config, "video_token_id", None)
    media: dict[int, list[str]] = {}
    if images and image_id is not None:
        media[image_id] = [image_digest(im) for im in images]
    if frames and video_id is not None:
        media[video_id] = [video_digest(frames)]
    key = prefix_key(ids, media) if len(media) == (bool(images) + bool(frames)) else None
    return VisionPrompt(
        inputs["input_ids"],
        ids,
        inputs.get("attention_mask"),
        inputs.get("pixel_values"),
        inputs.get("image_grid_thw"),
        inputs.get("video_grid_thw"),
        inputs.get("pixel_values_videos"),
        key,
        image_id,
        video_id,
    )


def vlm_stream(
    model: Any,
    processor: Any,
    vp: VisionPrompt,
    *,
    sampler: Callable[..., Any],
    processors: list[Callable[..., Any]],
    max_tokens: int,
    checkpoints: PromptCheckpoints,
    run: PromptRun,
    cancel: Any,
) -> Iterator[Step]:
    """Stream an answer, reusing the longest checkpointed prefix and checkpointing as it reads."""
    import mlx.core as mx
    from mlx_vlm.generate import generate_step
    from mlx_vlm.models import cache as vlm_cache
    from mlx_vlm.tokenizer_utils import make_streaming_detokenizer

    input_ids, ids, mask, key = vp.input_ids, vp.ids, vp.mask, vp.key
    image_id, video_id, image_grid, video_grid = (
        vp.image_id,
        vp.video_id,
        vp.image_grid,
        vp.video_grid,
    )
    pixel_values, pixel_values_videos = vp.pixel_values, vp.pixel_values_videos
    reused, cache = checkpoints.find(key)
    split = _split_media(
        ids, reused, image_id, video_id, image_grid, pixel_values, pixel_values_videos
    )
    if split is None:  # a checkpoint that cuts a picture apart: read everything again
        reused, cache = 0, None
        split = _split_media(
            ids, 0, image_id, video_id, image_grid, pixel_values, pixel_values_videos
        )
    assert split is not None
    new_pixels, new_image_grid, new_video_pixels = split
    run.total, run.cached = len(ids), reused

    lm = model.language_model
    # positions of the whole prompt from its full grids: the part read now starts at `reused`
    position_ids, rope_deltas = lm.get_rope_index(input_ids, image_grid, video_grid, mask)
    if cache is None:
        cache = vlm_cache.make_prompt_cache(lm)
    extra: dict[str, Any] = {"position_ids": position_ids, "rope_deltas": rope_deltas}
    if new_image_grid is not None:
        extra["image_grid_thw"] = new_image_grid
    if new_video_pixels is not None:
        extra["pixel_values_videos"] = new_video_pixels
        extra["video_grid_thw"] = video_grid
    if new_pixels is None and new_video_pixels is not None:
        extra.pop("image_grid_thw", None)  # Qwen picks the video grid only without an image grid

    marks = checkpoints.marks(ids, _token_id(processor, "<|im_start|>"), reused)

    def on_checkpoint(n: int, prompt_cache: list[Any]) -> None:
        if cancel.cancelled:
            raise PrefillCancelled()
        checkpoints.keep(key[: reused + n] if key else None, prompt_cache)

    gen = generate_step(
        input_ids[:, reused:],
        model,
        new_pixels,
        mask[:, reused:] if mask is not None else None,
        max_tokens=max_tokens,
        sampler=sampler,
        logits_processors=with_context(
            processors, ids[max(0, len(ids) - 1 - CONTEXT_TAIL) : len(ids) - 1]
        ),
        prompt_cache=cache,
        prompt_cache_checkpoint=on_checkpoint,
        prompt_cache_checkpoint_lengths=[m - reused for m in marks],
        **extra,
    )
    stop_ids = _stop_ids(processor)
    criteria = getattr(getattr(processor, "tokenizer", processor), "stopping_criteria", None)
    detokenizer = make_streaming_detokenizer(processor)
    generated: list[int] = []
    finish = "length"
    tic = time.perf_counter()
    for n, (token, _) in enumerate(gen):
        if n == 0:
            tic = time.perf_counter()
        generated.append(int(token))
        if token in stop_ids or (criteria is not None and criteria(token)):
            finish = "stop"
            break
        detokenizer.add_token(token)
        yield Step(
            detokenizer.last_segment,
            None,
            n + 1,
            (n + 1) / max(time.perf_counter() - tic, 1e-9),
            mx.get_peak_memory() / 1e9,
        )
        if n + 1 >= max_tokens:
            break
    detokenizer.finalize()
    count = len(generated)
    yield Step(
        detokenizer.last_segment,
        finish,
        count,
        count / max(time.perf_counter() - tic, 1e-9),
        mx.get_peak_memory() / 1e9,
    )
    gen.close()


def vlm_read_to(
    model: Any, vp: VisionPrompt, end: int, checkpoints: PromptCheckpoints, cancel: Any
) -> bool:
    """Read vp.ids up to `end` from the longest checkpoint before it and keep a checkpoint
    there (the answer as the next turn renders it). Text only: False, and nothing kept, when a
    picture lies in the part to read (it would need the vision tower)."""
    import mlx.core as mx

    if vp.key is None:
        return False
    reused, cache = checkpoints.find(vp.key[: end + 1])
    if cache is None or reused >= end:
        return False
    if any(t in (vp.image_id, vp.video_id) for t in vp.ids[reused:end]):
        return False
    lm = model.language_model
    position_ids, rope_deltas = lm.get_rope_index(
        vp.input_ids, vp.image_grid, vp.video_grid, vp.mask
    )
    for a in range(reused, end, PREFILL_STEP):
        if cancel.cancelled:
            return False
        chunk = vp.input_ids[:, a : min(end, a + PREFILL_STEP)]
        lm(
            chunk,
            inputs_embeds=lm.model.embed_tokens(chunk),
            cache=cache,
            position_ids=position_ids,
            rope_deltas=rope_deltas,
        )
        mx.eval([c.state for c in cache])
    return checkpoints.keep(vp.key[:end], cache, copy_cache=False)


def _split_media(
    ids: Sequence[int],
    reused: int,
    image_id: int | None,
    video_id: int | None,
    image_grid: Any,
    pixel_values: Any,
    pixel_values_videos: Any,
) -> tuple[Any, Any, Any] | None:
    """(pixel rows, grids of the images still to read, video pixels still to read) when the
    prompt is read from `reused` on; None when `reused` cuts a picture or a video apart."""
    if (
        0 < reused < len(ids)
        and ids[reused] in (image_id, video_id)
        and ids[reused - 1] == ids[reused]
    ):
        return None
    if reused == 0:
        return pixel_values, image_grid, pixel_values_videos
    done_images = _runs(ids[:reused], image_id)
    if image_grid is None or done_images == 0:
        new_pixels, new_grid = pixel_values, image_grid
    elif done_images >= image_grid.shape[0]:
        new_pixels, new_grid = None, None
    else:
        rows = int(image_grid[:done_images].prod(axis=-1).sum().item())
        new_pixels, new_grid = pixel_values[rows:], image_grid[done_images:]
    videos_before, videos_after = _runs(ids[:reused], video_id), _runs(ids[reused:], video_id)
    if videos_before and videos_after:
        return None  # one video's frame groups on both sides: not a message boundary
    return new_pixels, new_grid, (pixel_values_videos if videos_after else None)


def _runs(ids: Sequence[int], token: int | None) -> int:
    """How many separate runs of `token` (one per image) the ids hold."""
    if token is None:
        return 0
    return sum(1 for i, t in enumerate(ids) if t == token and (i == 0 or ids[i - 1] != token))


def _token_id(processor: Any, token: str) -> int | None:
    tokenizer = getattr(processor, "tokenizer", processor)
    tid = tokenizer.convert_tokens_to_ids(token)
    return tid if isinstance(tid, int) and tid >= 0 else None


def _stop_ids(processor: Any) -> set[int]:
    return {t for t in (_token_id(processor, s) for s in STOP_TOKENS) if t is not None}
