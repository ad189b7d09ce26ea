"""The llama.cpp engine: Qwen3.5 GGUF files on the CPU (or a GPU build) through llama-cpp-python.

Text, images through the libmtmd vision projector (the mmproj file) and video as timestamped frame
pairs. The engine renders the GGUF's chat template itself (sandboxed, with enable_thinking),
evaluates the prompt with llama_decode / libmtmd and runs its own sampling loop, so it can stop
between any two tokens, abort a long prompt, and report true token counts (libmtmd's count of the
prompt, image tokens included, which is what llama.cpp's perf counters see; the bindings' usage
field counts an image as about 20 tokens where a few hundred are processed).

Qwen3.5 mixes attention with linear-attention (recurrent) layers, whose state cannot be rolled
back to a shared prefix; so the engine keeps copies of its sequence state at the message boundaries
of each prompt and, once an answer is complete and the caller keeps iterating, of the answer as the
next turn will render it (llamacpp/reuse.py, in a StateCache under a byte budget). A new request
restores the longest checkpointed prefix of its prompt and evaluates only the rest; pictures in a
restored prefix are not encoded again. `cached_tokens` in the final chunk counts the restored
prompt tokens.

Over 400 lines as one class: loading, prompt, the generation loop and its statistics share the
context, the vocabulary and llama.cpp's counters; prompt evaluation, media and state reuse live in
llamacpp/.
"""

from __future__ import annotations

import codecs
import ctypes
import dataclasses
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..cancel import CancelToken
from ..checkpoint import LocalModel, read_gguf_metadata
from ..errors import CairnError, ErrorCode
from ..qwen import STOP_TOKENS
from ..records import (
    Chunk,
    EngineName,
    FinishReason,
    GenerationRequest,
    Message,
    Modality,
    SamplingPreset,
)
from .chunks import ChunkSplitter
from .llamacpp import native, prefill
from .llamacpp.media import with_markers
from .llamacpp.reuse import StateKeeper
from .llamacpp.state import PromptItems
from .llamacpp.template import ChatTemplate, TemplateError
from .prepare import model_defaults, prepare
from .prompting import chat_messages
from .state_cache import CacheStats
from .state_disk import DiskStates, cached_identity

DEFAULT_N_CTX = 8192
DEFAULT_N_BATCH = 512
DEFAULT_IMAGE_MAX_TOKENS = 1024
DEFAULT_DISK_BUDGET = (
    2**30
)  # bytes of conversations' last checkpoints kept on disk  # per image; CPU prompt speed makes bigger images slow


def _then(chunks: Iterator[Chunk], after: Callable[[str], None]) -> Iterator[Chunk]:
    """Pass `chunks` through, then call `after` with the answer text once the final chunk has
    been taken and the caller asks for more (closing the stream there skips it)."""
    answer: list[str] = []
    final: Chunk | None = None
    for chunk in chunks:
        answer.append(chunk.text)
        final = chunk if chunk.finish_reason is not None else final
        yield chunk
    if final is not None and final.finish_reason is not FinishReason.CANCELLED:
        after("".join(answer))


def _choose_device(device: str | None) -> str:
    if device not in (None, "auto", "cpu", "gpu"):
        raise CairnError(ErrorCode.INVALID_ARGUMENT, f"unknown device {device!r}")
    gpu = native.supports_gpu_offload()
    if device == "gpu" and not gpu:
        raise CairnError(
            ErrorCode.DEVICE_UNAVAILABLE,
            "this llama.cpp build has no GPU offload; use --device cpu",
        )
    if device in (None, "auto"):
        return "gpu" if gpu else "cpu"
    return device


class LlamaCppEngine:
    """A Qwen3.5 GGUF (plus its mmproj vision projector when present) loaded with llama.cpp."""

    name: str = EngineName.LLAMACPP

    def __init__(
        self,
        model: LocalModel,
        llm: Any,
        mtmd_ctx: Any,
        device: str,
        n_threads: int,
        state_budget: int | None = None,
        disk: DiskStates | None = None,
    ) -> None:
        import llama_cpp

        self.local = model
        self.device = device
        self.model_name = model.name
        self.n_threads = n_threads
        self.capabilities = frozenset(
            {Modality.TEXT} | ({Modality.IMAGE, Modality.VIDEO} if mtmd_ctx else set())
        )
        defaults = model_defaults(model, EngineName.LLAMACPP)
        self.thinking_default = defaults.thinking_default
        self.presets: dict[str, SamplingPreset] = dict(defaults.presets)
        self._llm = llm
        self._mtmd = mtmd_ctx
        self._ctx = llm.ctx
        self._piece_buf = ctypes.create_string_buffer(256)
        self._vocab = llama_cpp.llama_model_get_vocab(llm.model)
        self._n_vocab = llama_cpp.llama_vocab_n_tokens(self._vocab)
        self.n_ctx = llm.n_ctx()
        self.n_batch = llm.n_batch
        self._stop_ids = frozenset(self._single_token(t) for t in STOP_TOKENS) - {None}
        meta = llm.metadata
        self._template = ChatTemplate(
            meta.get("tokenizer.chat_template"),
            bos_token=self._token_text(llama_cpp.llama_vocab_bos(self._vocab)),
            eos_token=self._token_text(llama_cpp.llama_vocab_eos(self._vocab)),
        )
        self._batch = native.Batch(self.n_batch)
        self._one = native.Batch(1)
        self._keeper = StateKeeper(
            llm,
            mtmd_ctx,
            self._batch,
            boundary=self._single_token("<|im_start|>"),  # where a message begins
            n_ctx=self.n_ctx,
            budget=state_budget,
            identity=(str(model.gguf), str(model.mmproj)),
            disk=disk,
        )
        self._last_perf: native.Perf | None = None

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        model: LocalModel,
        *,
        device: str | None = None,
        n_threads: int | None = None,
        n_ctx: int | None = None,
        image_max_tokens: int = DEFAULT_IMAGE_MAX_TOKENS,
        state_budget: int | None = None,
        state_dir: Path | None = None,
        state_disk_budget: int = DEFAULT_DISK_BUDGET,
    ) -> LlamaCppEngine:
        """Load the GGUF (and projector). `state_budget`: bytes for checkpoints of the model
        state (None: state_cache.default_budget_bytes(); 0: no reuse between requests).
        `state_dir`: a folder for each conversation's last checkpoint, kept across runs within
        `state_disk_budget` bytes (None: memory only).
        Raises CairnError: ENGINE_UNAVAILABLE, DEVICE_UNAVAILABLE, MODEL_LOAD_FAILED,
        NOT_QWEN35 (checked by inspect_model before we get here)."""
        if model.format != "gguf" or model.gguf is None:
            raise CairnError(
                ErrorCode.ENGINE_UNAVAILABLE, f"{model.path}: llama.cpp needs a GGUF file"
            )
        try:
            import llama_cpp
        except ImportError as e:
            raise CairnError(ErrorCode.ENGINE_UNAVAILABLE, f"llama-cpp-python: {e}") from None
        native.silence_logs()
        chosen = _choose_device(device)
        threads = n_threads if n_threads and n_threads > 0 else native.physical_cores()
        trained = read_gguf_metadata(model.gguf, ("qwen35.context_length",)).get(
            "qwen35.context_length"
        )
        ctx_size = n_ctx or DEFAULT_N_CTX
        if isinstance(trained, int) and trained > 0:
            ctx_size = min(ctx_size, trained)
        try:
            llm = llama_cpp.Llama(
                model_path=str(model.gguf),
                n_ctx=ctx_size,
                n_batch=DEFAULT_N_BATCH,
                n_ubatch=DEFAULT_N_BATCH,
                n_threads=threads,
                n_threads_batch=threads,
                n_gpu_layers=-1 if chosen == "gpu" else 0,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as e:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{model.gguf}: {e}") from None
        mtmd_ctx = None
        if model.mmproj is not None:
            try:
                mtmd_ctx = cls._load_projector(model, llm, threads, chosen, image_max_tokens)
            except CairnError:
                llm.close()
                raise
        try:
            disk = None
            if state_dir is not None and state_budget != 0 and state_disk_budget > 0:
                identity = cached_identity(state_dir, (model.gguf, model.mmproj))
                disk = DiskStates(state_dir, state_disk_budget, identity)
            return cls(model, llm, mtmd_ctx, chosen, threads, state_budget, disk)
        except BaseException as e:
            if mtmd_ctx is not None:
                from llama_cpp import mtmd_cpp

                mtmd_cpp.mtmd_free(mtmd_ctx)
            llm.close()
            if isinstance(e, TemplateError):
                raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{model.gguf}: {e}") from None
            raise

    @staticmethod
    def _load_projector(
        model: LocalModel, llm: Any, threads: int, device: str, max_tokens: int
    ) -> Any:
        from llama_cpp import mtmd_cpp

        params = mtmd_cpp.mtmd_context_params_default()
        params.use_gpu = device == "gpu"
        params.print_timings = False
        params.n_threads = threads
        params.warmup = False  # a warm-up encodes a 2,116-token image: tens of seconds on a CPU
        if max_tokens > 0:
            params.image_max_tokens = max_tokens
        ctx = mtmd_cpp.mtmd_init_from_file(str(model.mmproj).encode(), llm.model, params)
        if not ctx:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{model.mmproj}: projector not loaded")
        if not mtmd_cpp.mtmd_support_vision(ctx):
            mtmd_cpp.mtmd_free(ctx)
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{model.mmproj}: no vision encoder")
        return ctx

    def _single_token(self, text: str) -> int | None:
        tokens = self._llm.tokenize(text.encode(), add_bos=False, special=True)
        return tokens[0] if len(tokens) == 1 else None

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return native.token_piece(self._vocab, token, self._piece_buf).decode("utf-8", "replace")

    # -- prompt --------------------------------------------------------------------------------

    def render_prompt(
        self,
        request: GenerationRequest,
        thinking: bool,
        images: Sequence[Any] = (),
        marker: str = "",
    ) -> tuple[str, list[Any]]:
        """(prompt text, pictures in marker order) for a request."""
        media = bool(images or request.video_frames)
        messages = chat_messages(request, media=media)
        pictures: list[Any] = []
        if media:
            messages, pictures = with_markers(messages, images, request.video_frames, marker)
        try:
            return self._template.render(messages, enable_thinking=thinking), pictures
        except TemplateError as e:
            raise CairnError(ErrorCode.INVALID_ARGUMENT, str(e)) from None

    def _check_fits(self, n_prompt: int) -> None:
        if n_prompt + 1 > self.n_ctx:
            raise CairnError(
                ErrorCode.CONTEXT_TOO_LONG, f"{n_prompt} prompt tokens, context {self.n_ctx}"
            )

    # -- generation ----------------------------------------------------------------------------

    def generate(self, request: GenerationRequest, *, cancel: CancelToken) -> Iterator[Chunk]:
        """Stream the answer: thinking / text chunks, then one chunk with the finish and statistics.

        Bad input raises CairnError here, before any model work (UNSUPPORTED_INPUT, IMAGE_*,
        INVALID_ARGUMENT); CONTEXT_TOO_LONG comes from the first next(), once the prompt is
        tokenized. generation_tokens counts every sampled token, the end-of-turn token included;
        prompt_tokens counts image tokens too (it equals llama.cpp's n_p_eval for the answer);
        peak_memory_mb is the process's lifetime RSS peak (getrusage).
        """
        ready = prepare(
            request,
            thinking_default=self.thinking_default,
            presets=self.presets,
            vision=self._mtmd is not None,
            text_only=f"{self.model_name} has no vision projector (mmproj file): text only",
        )
        params = ready.params
        marker = ""
        if ready.has_media:
            from llama_cpp import mtmd_cpp

            marker = mtmd_cpp.mtmd_default_marker().decode()
        try:
            prompt, pictures = self.render_prompt(request, ready.thinking, ready.images, marker)
        except ValueError as e:  # a frame that is not an RGB uint8 array
            raise CairnError(ErrorCode.INVALID_ARGUMENT, str(e)) from None
        sampling = native.Sampling(
            temperature=float(params.temperature or 0.0),
            top_p=float(params.top_p if params.top_p is not None else 1.0),
            top_k=int(params.top_k or 0),
            presence_penalty=float(params.presence_penalty or 0.0),
            min_p=float(params.min_p or 0.0),
            seed=params.seed,
        )
        stream = self._stream(prompt, pictures, sampling, params.max_tokens, cancel)

        def settle(answer: str) -> None:
            self._settle(request, ready.thinking, ready.images, marker, answer, cancel)

        return _then(stream, settle)

    def _prefill(
        self, prompt: str, pictures: list[Any], cancel: CancelToken
    ) -> tuple[PromptItems, int, int]:
        """Tokenize, check the length, then evaluate from the longest checkpointed prefix;
        return (items, tokens restored, next position). May raise PromptCancelled."""
        items, chunks = self._keeper.items(prompt, pictures)
        try:
            self._check_fits(items.total_tokens())
            native.reset_perf(self._ctx)
            self._last_perf = None
            cached, pos = self._keeper.prefill(items, cancel)
            return items, cached, pos
        finally:
            if chunks is not None:
                prefill.free_chunks(chunks)

    def _stream(
        self,
        prompt: str,
        pictures: list[Any],
        sampling: native.Sampling,
        max_tokens: int,
        cancel: CancelToken,
    ) -> Iterator[Chunk]:
        import llama_cpp

        started = time.perf_counter()
        try:
            items, cached, pos = self._prefill(prompt, pictures, cancel)
        except prefill.PromptCancelled as e:
            n_prompt = e.args[0] if e.args else 0
            yield Chunk(
                finish_reason=FinishReason.CANCELLED,
                prompt_tokens=n_prompt,
                peak_memory_mb=native.peak_rss_mb(),
            )
            return
        prompt_done = time.perf_counter()
        n_prompt = items.total_tokens()

        splitter = ChunkSplitter(prompt)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        room = self.n_ctx - n_prompt  # KV cells left for generated tokens
        generated = 0
        first_token_at = None
        finish = FinishReason.LENGTH
        sampler = native.Sampler(sampling, self._n_vocab)
        try:
            while True:
                token = sampler.sample(self._ctx)
                generated += 1
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                if token in self._stop_ids or llama_cpp.llama_vocab_is_eog(self._vocab, token):
                    finish = FinishReason.STOP
                    break
                text = decoder.decode(native.token_piece(self._vocab, token, self._piece_buf))
                yield from splitter.feed(text)
                if cancel.cancelled:
                    finish = FinishReason.CANCELLED
                    break
                if generated >= max_tokens or generated >= room:
                    finish = FinishReason.LENGTH
                    break
                self._one.fill((token,), pos, logits_last=True)
                rc = llama_cpp.llama_decode(self._ctx, self._one.batch)
                if rc != 0:
                    raise CairnError(ErrorCode.INTERNAL, f"llama_decode returned {rc}")
                pos += 1
                if cancel.cancelled:
                    finish = FinishReason.CANCELLED
                    break
        finally:
            sampler.close()
        ended = time.perf_counter()
        self._last_perf = self._answer_perf(n_prompt - cached)
        yield from splitter.feed(decoder.decode(b"", final=True))
        yield from splitter.flush()
        first = first_token_at or ended
        yield Chunk(
            finish_reason=finish,
            prompt_tokens=n_prompt,
            generation_tokens=generated,
            ttft_s=first - started,
            prompt_tps=(n_prompt - cached) / max(prompt_done - started, 1e-9),
            generation_tps=(generated - 1) / (ended - first) if generated > 1 else 0.0,
            peak_memory_mb=native.peak_rss_mb(),
            cached_tokens=cached,
        )

    def _settle(
        self,
        request: GenerationRequest,
        thinking: bool,
        images: Sequence[Any],
        marker: str,
        answer: str,
        cancel: CancelToken,
    ) -> None:
        """Read the answer as the next turn's prompt will render it (StateKeeper.settle on the
        conversation plus this answer plus an empty user message). Runs after the final chunk,
        so only when the caller keeps iterating (the app, the server)."""
        if not self._keeper.cache.enabled or cancel.cancelled or not answer:
            return
        if request.video_frames and all(m.video is None for m in request.messages):
            return  # the frames follow the last user message: a new one would move them
        follow = dataclasses.replace(
            request,
            messages=(*request.messages, Message("assistant", answer), Message("user", "")),
        )
        try:
            prompt, pictures = self.render_prompt(follow, thinking, images, marker)
        except (CairnError, ValueError):
            return  # a template that will not render it: the next turn reads the answer itself
        self._keeper.settle(prompt, pictures, cancel)

    def clear_checkpoints(self) -> None:
        """Drop every checkpoint: the next request reads its whole prompt (a fresh engine's
        behaviour, without loading the model again)."""
        self._keeper.cache.clear()

    def state_stats(self) -> CacheStats:
        """The checkpoint store's figures (bytes held, checkpoints, hits)."""
        return self._keeper.cache.stats()

    def perf(self) -> native.Perf:
        """llama.cpp's counters for the last answer (prompt tokens evaluated: the prompt less its
        cached_tokens; timings), taken when it ended, before any work for the next turn."""
        return self._last_perf or native.perf(self._ctx)

    def _answer_perf(self, evaluated: int) -> native.Perf:
        """The counters now, with prompt tokens decoded one at a time (the last token after a
        checkpoint) counted as prompt, as they are, not as generation, as llama.cpp counts them."""
        p = native.perf(self._ctx)
        moved = max(0, min(evaluated - p.prompt_tokens, p.eval_tokens))
        return native.Perf(p.prompt_tokens + moved, p.prompt_ms, p.eval_tokens - moved, p.eval_ms)

    def close(self) -> None:
        self._template.close()  # its renderer process
        self._keeper.cache.clear()
        if self._mtmd is not None:
            from llama_cpp import mtmd_cpp

            mtmd_cpp.mtmd_free(self._mtmd)
            self._mtmd = None
        self._batch.close()
        self._one.close()
        if self._llm is not None:
            self._llm.close()
            self._llm = None
