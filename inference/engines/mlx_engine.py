"""The MLX engine: Qwen3.5 on Apple's MLX (Metal GPU on Apple Silicon, MLX's CPU backend elsewhere).

Text goes through mlx-lm; images and video through mlx-vlm, whose Qwen3.5 model takes video
natively (frames with their timestamps). The vision model is loaded on the first request that
needs it and then serves every request, so a checkpoint's weights are never held twice.

MLX streams are thread-local: the engine remembers the thread that loaded it and refuses to
generate on another (loading on one thread and generating on another fails deep inside MLX).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

from ..cancel import CancelToken
from ..catalog import thinking_default_for_size
from ..checkpoint import LocalModel
from ..errors import CairnError, ErrorCode
from ..media.images import load_image
from ..qwen import STOP_TOKENS, ThinkingSplitter, prompt_opens_thinking
from ..records import (
    DEFAULT_PRESETS,
    Chunk,
    FinishReason,
    GenerationRequest,
    GenParams,
    Modality,
    SamplingPreset,
)
from .prompting import chat_messages, request_images


class _PrefillCancelled(Exception):
    """Raised from mlx-lm's prompt progress callback to abandon a long prompt."""


def _select_device(device: str | None):
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

    name = "mlx"

    def __init__(self, model: LocalModel, device: str, mx_device) -> None:
        self.local = model
        self.device = device
        self._mx_device = mx_device
        self.model_name = model.name
        self.capabilities = frozenset(
            {Modality.TEXT} | ({Modality.IMAGE, Modality.VIDEO} if model.has_vision else set())
        )
        self.thinking_default = thinking_default_for_size(model.size)
        self.presets: dict[str, SamplingPreset] = dict(DEFAULT_PRESETS)
        self._thread = threading.get_ident()
        self._lm = None  # (model, tokenizer) from mlx-lm
        self._vlm = None  # (model, processor) from mlx-vlm
        self._stream = None

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

    def _stream_kwargs(self) -> dict:
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

            model, tokenizer = load(str(self.local.path))
        except (ValueError, KeyError, OSError, RuntimeError) as e:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{self.local.path}: {e}") from None
        for tok in STOP_TOKENS:
            if tok in tokenizer.get_vocab():
                tokenizer.add_eos_token(tok)
        self._lm = (model, tokenizer)

    def _load_vlm(self) -> None:
        try:
            from mlx_vlm import load

            model, processor = load(str(self.local.path))
        except (ValueError, KeyError, OSError, RuntimeError) as e:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{self.local.path}: {e}") from None
        self._vlm = (model, processor)
        self._lm = None  # the vision model serves text too: never hold the weights twice

    # -- generation ----------------------------------------------------------------------------

    def generate(self, request: GenerationRequest, *, cancel: CancelToken) -> Iterator[Chunk]:
        if threading.get_ident() != self._thread:
            raise RuntimeError("MLXEngine must generate on the thread that loaded it")
        images = request_images(request)
        frames = request.video_frames
        if (images or frames) and not self.local.has_vision:
            raise CairnError(ErrorCode.UNSUPPORTED_INPUT, f"{self.model_name} is a text-only checkpoint")
        pil_images = [load_image(p) for p in images]  # validate before any model work
        thinking = self.thinking_default if request.thinking is None else request.thinking
        key = ("thinking" if thinking else "instruct") + ("_vision" if images or frames else "")
        preset = self.presets[key]
        params = request.params.resolved(preset)
        if params.max_tokens < 1:
            raise CairnError(ErrorCode.INVALID_ARGUMENT, "max tokens must be at least 1")
        if self._vlm is None and (pil_images or frames):
            self._load_vlm()
        if self._vlm is not None:
            yield from self._generate_vlm(request, pil_images, thinking, params, cancel)
        else:
            yield from self._generate_lm(request, thinking, params, cancel)

    def _sampling(self, params: GenParams):
        import mlx.core as mx
        from mlx_lm.sample_utils import make_logits_processors, make_sampler

        if params.seed is not None:
            mx.random.seed(params.seed)
        sampler = make_sampler(
            temp=params.temperature or 0.0, top_p=params.top_p or 0.0, top_k=params.top_k or 0
        )
        processors = make_logits_processors(presence_penalty=params.presence_penalty or None)
        return sampler, processors

    def _generate_lm(self, request, thinking, params, cancel) -> Iterator[Chunk]:
        from mlx_lm import stream_generate

        model, tokenizer = self._lm
        messages = chat_messages(request, media=False)
        prompt = tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, tokenize=False, enable_thinking=thinking
        )
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

    def _generate_vlm(self, request, pil_images, thinking, params, cancel) -> Iterator[Chunk]:
        from mlx_vlm import stream_generate
        from mlx_vlm.utils import VideoMetadata

        model, processor = self._vlm
        frames = request.video_frames
        messages = chat_messages(request, media=True)
        prompt = processor.apply_chat_template(
            messages, add_generation_prompt=True, tokenize=False, enable_thinking=thinking
        )
        kwargs: dict = {}
        video = None
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
            image=pil_images or None,
            video=video,
            max_tokens=params.max_tokens,
            sampler=sampler,
            logits_processors=processors,
            eos_tokens=list(STOP_TOKENS),
            **kwargs,
        )
        yield from self._drive(stream, prompt, cancel, lambda r: r.peak_memory * 1000)

    def _drive(self, stream, prompt: str, cancel: CancelToken, peak_mb) -> Iterator[Chunk]:
        """Turn library responses into Chunks: thinking split, statistics, cancel, finish."""
        splitter = ThinkingSplitter(in_thinking=prompt_opens_thinking(prompt))
        started = time.perf_counter()
        ttft = None
        last = None
        finish = FinishReason.STOP
        try:
            for response in stream:
                last = response
                if ttft is None:
                    ttft = time.perf_counter() - started
                yield from _split(splitter, response.text)
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
        yield from _split(splitter, "", flush=True)
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
        try:
            import mlx.core as mx

            mx.clear_cache()
        except Exception:
            pass


def _split(splitter: ThinkingSplitter, text: str, flush: bool = False) -> list[Chunk]:
    thinking, answer = splitter.flush() if flush else splitter.feed(text)
    out = []
    if thinking:
        out.append(Chunk(thinking=thinking))
    if answer:
        out.append(Chunk(text=answer))
    return out


def _frames_fps(frames) -> float:
    """A source frame rate consistent with the frames' (index, t) pairs, for the timestamps."""
    for f in frames:
        if f.t > 0 and f.index > 0:
            return f.index / f.t
    return 30.0

