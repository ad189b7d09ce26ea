"""The MLX engine: Qwen3.5 on Apple's MLX (Metal GPU on Apple Silicon, MLX's CPU backend elsewhere).

Text goes through mlx-lm; images and video through mlx-vlm, whose Qwen3.5 model takes video
natively (frames with their timestamps). The vision model is loaded on the first request that
needs it and then serves every request, so a checkpoint's weights are never held twice.

MLX streams are thread-local: the engine remembers the thread that loaded it and refuses to
generate on another (loading on one thread and generating on another fails deep inside MLX).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..cancel import Cancelled, CancelToken
from ..checkpoint import LocalModel
from ..errors import CairnError, ErrorCode
from ..qwen import STOP_TOKENS
from ..records import (
    Chunk,
    EngineName,
    FinishReason,
    GenerationRequest,
    GenParams,
    Modality,
    SamplingPreset,
    VideoFrame,
)
from .chunks import ChunkSplitter
from .prepare import PreparedRequest, model_defaults, prepare
from .prompting import chat_messages
from .template_guard import HFTemplate

log = logging.getLogger(__name__)


class _PrefillCancelled(Exception):
    """Raised from mlx-lm's prompt progress callback to abandon a long prompt."""


def _select_device(device: str | None) -> tuple[str, Any]:
    import mlx.core as mx

    has_gpu = mx.metal.is_available()
    if device == "gpu" and not has_gpu:
        raise CairnError(ErrorCode.DEVICE_UNAVAILABLE, "no Metal GPU on this machine; use --device cpu")
    if device not in (None, "gpu", "cpu"):
        raise CairnError(ErrorCode.INVALID_ARGUMENT, f"unknown device {device!r}")
    name = device or ("gpu" if has_gpu else "cpu")
    mx.set_default_device(mx.gpu if name == "gpu" else mx.cpu)
    return name, (mx.gpu if name == "gpu" else mx.cpu)


class MLXEngine:
    """A Qwen3.5 checkpoint in Hugging Face layout, loaded with mlx-lm (and mlx-vlm on demand)."""

    name: str = EngineName.MLX

    def __init__(self, model: LocalModel, device: str, mx_device: Any) -> None:
        self.local = model
        self.device = device
        self._mx_device = mx_device
        self.model_name = model.name
        self.capabilities = frozenset(
            {Modality.TEXT} | ({Modality.IMAGE, Modality.VIDEO} if model.has_vision else set())
        )
        defaults = model_defaults(model, EngineName.MLX)
        self.thinking_default = defaults.thinking_default
        self.presets: dict[str, SamplingPreset] = dict(defaults.presets)
        self._thread = threading.get_ident()
        self._lm: tuple[Any, Any] | None = None  # (model, tokenizer) from mlx-lm
        self._vlm: tuple[Any, Any] | None = None  # (model, processor) from mlx-vlm
        self._template: HFTemplate | None = None
        self._stream: Any = None

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, model: LocalModel, *, device: str | None = None) -> MLXEngine:
        if model.format != "hf":
            raise CairnError(ErrorCode.ENGINE_UNAVAILABLE, f"{model.path}: MLX needs a Hugging Face folder")
        name, mx_device = _select_device(device)
        engine = cls(model, name, mx_device)
        if model.has_vision:
            engine._load_vlm()
        else:
            engine._load_lm()
        return engine

    def _stream_kwargs(self) -> dict[str, Any]:
        """mlx-lm decodes on its own thread-local stream on the default device; only a CPU run
        on a machine with a GPU needs a stream of its own."""
        import mlx.core as mx

        if self.device == "cpu" and mx.metal.is_available():
            if self._stream is None:
                self._stream = mx.new_stream(self._mx_device)
            return {"stream": self._stream}
        return {}

    def _load_lm(self) -> None:
        try:
            from mlx_lm import load

            loaded = load(str(self.local.path))  # (model, tokenizer[, config])
            model, tokenizer = loaded[0], loaded[1]
        except (ValueError, KeyError, OSError, RuntimeError) as e:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{self.local.path}: {e}") from None
        for tok in STOP_TOKENS:
            if tok in tokenizer.get_vocab():
                tokenizer.add_eos_token(tok)
        self._lm = (model, tokenizer)
        self._use_template(tokenizer)

    def _load_vlm(self) -> None:
        try:
            from mlx_vlm import load

            model, processor = load(str(self.local.path))
        except (ValueError, KeyError, OSError, RuntimeError) as e:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{self.local.path}: {e}") from None
        self._vlm = (model, processor)
        self._lm = None  # the vision model serves text too: never hold the weights twice
        self._use_template(processor)

    def _use_template(self, holder: Any) -> None:
        """The model's chat template, rendered guarded (template_guard.py), never by
        transformers' apply_chat_template (no time or memory limit there)."""
        if self._template is not None:
            self._template.close()
            self._template = None
        self._template = HFTemplate(holder)

    # -- generation ----------------------------------------------------------------------------

    def generate(self, request: GenerationRequest, *, cancel: CancelToken) -> Iterator[Chunk]:
        if threading.get_ident() != self._thread:
            raise RuntimeError("MLXEngine must generate on the thread that loaded it")
        ready = prepare(
            request,
            thinking_default=self.thinking_default,
            presets=self.presets,
            vision=self.local.has_vision,
            text_only=f"{self.model_name} is a text-only checkpoint",
        )
        if self._vlm is None and ready.has_media:
            self._load_vlm()
        if self._vlm is not None:
            yield from self._generate_vlm(ready, cancel)
        else:
            yield from self._generate_lm(ready, cancel)

    def _sampling(self, params: GenParams) -> tuple[Callable[..., Any], list[Callable[..., Any]]]:
        import mlx.core as mx
        from mlx_lm.sample_utils import make_logits_processors, make_sampler

        if params.seed is not None:
            mx.random.seed(params.seed)
        sampler = make_sampler(
            temp=params.temperature or 0.0,
            top_p=params.top_p or 0.0,
            min_p=params.min_p or 0.0,
            top_k=params.top_k or 0,
        )
        processors = make_logits_processors(presence_penalty=params.presence_penalty or None)
        return sampler, processors

    def _generate_lm(self, ready: PreparedRequest, cancel: CancelToken) -> Iterator[Chunk]:
        from mlx_lm import stream_generate

        assert self._lm is not None
        model, tokenizer = self._lm
        params = ready.params
        messages = chat_messages(ready.request, media=False)
        assert self._template is not None
        try:
            prompt = self._template.render(messages, cancel, enable_thinking=ready.thinking)
        except Cancelled:
            yield Chunk(finish_reason=FinishReason.CANCELLED)
            return
        sampler, processors = self._sampling(params)

        def on_prompt_progress(done: int, total: int) -> None:
            if cancel.cancelled:
                raise _PrefillCancelled()

        stream = stream_generate(
            model,
            tokenizer,
            prompt,
            max_tokens=params.max_tokens,
            sampler=sampler,
            logits_processors=processors,
            prompt_progress_callback=on_prompt_progress,
            **self._stream_kwargs(),
        )
        yield from self._drive(stream, prompt, cancel, lambda r: r.peak_memory * 1000)

    def _generate_vlm(self, ready: PreparedRequest, cancel: CancelToken) -> Iterator[Chunk]:
        import mlx_vlm
        from mlx_vlm.utils import VideoMetadata

        # typed loosely: mlx-vlm takes PIL images and frame arrays where its hints say paths
        stream_generate: Callable[..., Iterator[Any]] = mlx_vlm.stream_generate

        assert self._vlm is not None
        model, processor = self._vlm
        params = ready.params
        frames = ready.frames
        messages = chat_messages(ready.request, media=True)
        assert self._template is not None
        try:
            prompt = self._template.render(messages, cancel, enable_thinking=ready.thinking)
        except Cancelled:
            yield Chunk(finish_reason=FinishReason.CANCELLED)
            return
        kwargs: dict[str, Any] = {}
        video: list[Any] | None = None
        if frames:
            import numpy as np

            video = [np.stack([f.image for f in frames])]
            fps = _frames_fps(frames)
            kwargs["video_metadata"] = [
                VideoMetadata(
                    total_num_frames=len(frames),
                    fps=fps,
                    frames_indices=[round(f.t * fps) for f in frames],
                )
            ]
        if cancel.cancelled:
            yield Chunk(finish_reason=FinishReason.CANCELLED)
            return
        sampler, processors = self._sampling(params)
        stream = stream_generate(
            model,
            processor,
            prompt,
            image=list(ready.images) or None,
            video=video,
            max_tokens=params.max_tokens,
            sampler=sampler,
            logits_processors=processors,
            eos_tokens=list(STOP_TOKENS),
            **kwargs,
        )
        yield from self._drive(stream, prompt, cancel, lambda r: r.peak_memory * 1000)

    def _drive(
        self,
        stream: Iterable[Any],
        prompt: str,
        cancel: CancelToken,
        peak_mb: Callable[[Any], float],
    ) -> Iterator[Chunk]:
        """Turn library responses into Chunks: thinking split, statistics, cancel, finish."""
        splitter = ChunkSplitter(prompt)
        started = time.perf_counter()
        ttft = None
        last = None
        finish = FinishReason.STOP
        try:
            for response in stream:
                last = response
                if ttft is None:
                    ttft = time.perf_counter() - started
                yield from splitter.feed(response.text)
                if response.finish_reason is not None:
                    finish = FinishReason.LENGTH if response.finish_reason == "length" else FinishReason.STOP
                if cancel.cancelled:
                    finish = FinishReason.CANCELLED
                    break
        except _PrefillCancelled:
            finish = FinishReason.CANCELLED
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        if cancel.cancelled:
            finish = FinishReason.CANCELLED
        yield from splitter.flush()
        yield Chunk(
            finish_reason=finish,
            prompt_tokens=int(getattr(last, "prompt_tokens", 0) or 0),
            generation_tokens=int(getattr(last, "generation_tokens", 0) or 0),
            ttft_s=ttft,
            prompt_tps=float(getattr(last, "prompt_tps", 0.0) or 0.0),
            generation_tps=float(getattr(last, "generation_tps", 0.0) or 0.0),
            peak_memory_mb=float(peak_mb(last)) if last is not None else 0.0,
        )

    def close(self) -> None:
        self._lm = None
        self._vlm = None
        if self._template is not None:
            self._template.close()
            self._template = None
        import mlx.core as mx

        try:
            mx.clear_cache()  # give the freed weights' buffers back now, not at the next load
        except RuntimeError as e:  # a Metal error while freeing: the model is dropped anyway
            log.warning("mlx clear_cache failed on close: %s", e)


def _frames_fps(frames: tuple[VideoFrame, ...]) -> float:
    """A source frame rate consistent with the frames' (index, t) pairs, for the timestamps."""
    for f in frames:
        if f.t > 0 and f.index > 0:
            return f.index / f.t
    return 30.0

