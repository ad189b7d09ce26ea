"""The MLX engine: Qwen3.5 on Apple's MLX (Metal GPU on Apple Silicon, MLX's CPU backend elsewhere).

Text goes through mlx-lm; images and video through mlx-vlm, whose Qwen3.5 model takes video
natively (frames with their timestamps). The vision model is loaded on the first request that
needs it and then serves every request, so a checkpoint's weights are never held twice.

MLX streams are thread-local: the engine remembers the thread that loaded it and refuses to
generate on another (loading on one thread and generating on another fails deep inside MLX).

Requests do not read again what an earlier one read: copies of the prompt cache are kept at the
message boundaries of each prompt, at its last-but-one token and after each answer, read as the
next turn renders it (mlx_state.py, in a StateCache under a byte budget); a request starts from
the longest checkpointed prefix of its tokens. Text: mlx_text.py; images and video:
mlx_vision.py, which keys pictures by their pixels and does not run the vision tower again for
pictures inside the reused prefix.
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
from .mlx_state import (
    MESSAGE_START,
    PrefillCancelled,
    PromptCheckpoints,
    PromptRun,
    before_last_message,
    follow_up,
)
from .mlx_text import lm_prompt, lm_read_to, lm_stream
from .mlx_vision import VisionPrompt, read_prompt, vlm_read_to, vlm_stream
from .prepare import PreparedRequest, model_defaults, prepare
from .prompting import chat_messages
from .state_cache import CacheStats, StateCache
from .template_guard import HFTemplate

log = logging.getLogger(__name__)


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

    def __init__(
        self, model: LocalModel, device: str, mx_device: Any, state_budget: int | None = None
    ) -> None:
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
        self._cache = StateCache(state_budget)
        self._checkpoints = PromptCheckpoints(self._cache)

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(
        cls, model: LocalModel, *, device: str | None = None, state_budget: int | None = None
    ) -> MLXEngine:
        """Load the checkpoint. `state_budget`: bytes for checkpoints of the prompt cache
        (None: state_cache.default_budget_bytes(); 0: no reuse between requests)."""
        if model.format != "hf":
            raise CairnError(ErrorCode.ENGINE_UNAVAILABLE, f"{model.path}: MLX needs a Hugging Face folder")
        name, mx_device = _select_device(device)
        engine = cls(model, name, mx_device, state_budget)
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
        self._cache.bind(("mlx-lm", str(self.local.path)))

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
        self._cache.bind(("mlx-vlm", str(self.local.path)))  # mlx-lm caches do not fit it

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
        assert self._lm is not None
        model, tokenizer = self._lm
        render = self._render(cancel)
        try:
            prompt, ids = lm_prompt(render, tokenizer, ready.request, ready.thinking, generation=True)
        except Cancelled:
            yield Chunk(finish_reason=FinishReason.CANCELLED)
            return
        sampler, processors = self._sampling(ready.params)
        run = PromptRun()
        stream = lm_stream(
            model,
            tokenizer,
            ids,
            sampler=sampler,
            processors=processors,
            max_tokens=ready.params.max_tokens,
            checkpoints=self._checkpoints,
            run=run,
            cancel=cancel,
            stream_kwargs=self._stream_kwargs(),
        )

        def settle(answer: str) -> None:
            follow = follow_up(ready.request, answer)
            if follow is not None:
                next_ids = lm_prompt(render, tokenizer, follow, ready.thinking, generation=False)[1]
                end = before_last_message(next_ids, self._im_start())
                if end is not None:
                    lm_read_to(
                        model,
                        tokenizer,
                        next_ids,
                        end,
                        checkpoints=self._checkpoints,
                        cancel=cancel,
                        stream_kwargs=self._stream_kwargs(),
                    )

        yield from self._drive(stream, prompt, cancel, run, settle)

    def _render(self, cancel: CancelToken) -> Callable[..., str]:
        """The guarded chat template (time and memory limits, cancellable) as a function of
        messages and the template's keyword arguments."""
        template = self._template
        assert template is not None

        def render(messages: list[dict], **extra: Any) -> str:
            return template.render(messages, cancel, **extra)

        return render

    def _im_start(self) -> int | None:
        _, processor = self._lm or self._vlm or (None, None)
        tokenizer = getattr(processor, "tokenizer", processor)
        tid = tokenizer.convert_tokens_to_ids(MESSAGE_START) if tokenizer is not None else None
        return tid if isinstance(tid, int) and tid >= 0 else None

    def _generate_vlm(self, ready: PreparedRequest, cancel: CancelToken) -> Iterator[Chunk]:
        from mlx_vlm.utils import VideoMetadata

        assert self._vlm is not None
        model, processor = self._vlm
        frames = ready.frames
        video_kwargs: dict[str, Any] = {}
        if frames:
            fps = _frames_fps(frames)
            video_kwargs["video_metadata"] = [
                VideoMetadata(
                    total_num_frames=len(frames),
                    fps=fps,
                    frames_indices=[round(f.t * fps) for f in frames],
                )
            ]

        render = self._render(cancel)

        def vision_prompt(request: GenerationRequest, generation: bool) -> tuple[str, VisionPrompt]:
            prompt = render(
                chat_messages(request, media=True),
                add_generation_prompt=generation,
                enable_thinking=ready.thinking,
            )
            return prompt, read_prompt(model, processor, prompt, ready.images, frames, video_kwargs)

        if cancel.cancelled:
            yield Chunk(finish_reason=FinishReason.CANCELLED)
            return
        try:
            prompt, vp = vision_prompt(ready.request, True)
        except Cancelled:
            yield Chunk(finish_reason=FinishReason.CANCELLED)
            return

        def settle(answer: str) -> None:
            follow = follow_up(ready.request, answer)
            if follow is not None:
                next_vp = vision_prompt(follow, False)[1]
                end = before_last_message(next_vp.ids, self._im_start())
                if end is not None:
                    vlm_read_to(model, next_vp, end, self._checkpoints, cancel)

        sampler, processors = self._sampling(ready.params)
        run = PromptRun()
        stream = vlm_stream(
            model,
            processor,
            vp,
            sampler=sampler,
            processors=processors,
            max_tokens=ready.params.max_tokens,
            checkpoints=self._checkpoints,
            run=run,
            cancel=cancel,
        )
        yield from self._drive(stream, prompt, cancel, run, settle)

    def _drive(
        self,
        stream: Iterable[Any],
        prompt: str,
        cancel: CancelToken,
        run: PromptRun,
        settle: Callable[[str], None],
    ) -> Iterator[Chunk]:
        """Turn library responses into Chunks: thinking split, statistics, cancel, finish.
        After the final chunk, when the caller asks for more, `settle(answer text)` reads the
        answer as the next turn will render it (a caller that stops there skips it)."""
        splitter = ChunkSplitter(prompt)
        answer: list[str] = []
        started = time.perf_counter()
        ttft = None
        last = None
        finish = FinishReason.STOP
        try:
            for response in stream:
                last = response
                if ttft is None:
                    ttft = time.perf_counter() - started
                for chunk in splitter.feed(response.text):
                    answer.append(chunk.text)
                    yield chunk
                if response.finish_reason is not None:
                    finish = FinishReason.LENGTH if response.finish_reason == "length" else FinishReason.STOP
                if cancel.cancelled:
                    finish = FinishReason.CANCELLED
                    break
        except PrefillCancelled:
            finish = FinishReason.CANCELLED
        finally:
            close = getattr(stream, "close", None)
            if close:
                close()
        if cancel.cancelled:
            finish = FinishReason.CANCELLED
        for chunk in splitter.flush():
            answer.append(chunk.text)
            yield chunk
        read = run.total - run.cached  # evaluated now; the rest came from a checkpoint
        yield Chunk(
            finish_reason=finish,
            prompt_tokens=run.total,
            generation_tokens=int(getattr(last, "generation_tokens", 0) or 0),
            ttft_s=ttft,
            prompt_tps=read / ttft if ttft else 0.0,
            generation_tps=float(getattr(last, "generation_tps", 0.0) or 0.0),
            peak_memory_mb=float(last.peak_memory * 1000) if last is not None else 0.0,
            cached_tokens=run.cached,
        )
        if finish is not FinishReason.CANCELLED and answer and self._cache.enabled:
            try:
                settle("".join(answer))
            except (PrefillCancelled, Cancelled):
                pass
            except (CairnError, ValueError, RuntimeError) as e:  # the answer is out already
                log.debug("answer not read for the next turn: %s", e)

    def clear_checkpoints(self) -> None:
        """Drop every checkpoint: the next request reads its whole prompt (a fresh engine's
        behaviour, without loading the model again)."""
        self._cache.clear()

    def state_stats(self) -> CacheStats:
        """The checkpoints held: bytes, count, budget, hits (bench, diagnostics)."""
        return self._cache.stats()

    def close(self) -> None:
        self._cache.clear()
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

