"""The thin layer over llama-cpp-python's C bindings that the engine drives directly.

The engine runs its own decode loop on the low-level API (llama_decode, a llama_sampler chain)
instead of Llama.create_completion: that is what lets it stop between any two tokens, abort a long
prompt from another thread, take image chunks from libmtmd, and read true token counts.
"""

from __future__ import annotations

import ctypes
import logging
import os
import resource
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_SILENT = None  # keeps the ctypes callback alive for the life of the process


def silence_logs() -> None:
    """Install a no-op log callback for llama.cpp, ggml and libmtmd (they print even when quiet)."""
    global _SILENT
    import llama_cpp

    if _SILENT is None:
        _SILENT = llama_cpp.llama_log_callback(lambda level, text, data: None)
    llama_cpp.llama_log_set(_SILENT, ctypes.c_void_p(0))
    try:
        from llama_cpp import mtmd_cpp

        mtmd_cpp.mtmd_log_set(_SILENT, ctypes.c_void_p(0))
        mtmd_cpp.mtmd_helper_log_set(_SILENT, ctypes.c_void_p(0))
    except (ImportError, AttributeError, OSError) as e:  # a build without libmtmd: text only
        log.debug("libmtmd logs not silenced: %s", e)


def physical_cores(cpuinfo: Path = Path("/proc/cpuinfo")) -> int:
    """Physical cores this process may run on: llama.cpp's generation speed peaks there.

    Linux: distinct (physical id, core id) pairs among the CPUs in our affinity mask, read from
    /proc/cpuinfo. Elsewhere (or if that fails): half the logical CPUs, at least one.
    """
    try:
        allowed = os.sched_getaffinity(0)
    except (AttributeError, OSError):
        allowed = None
    try:
        cores: set[tuple[str, str]] = set()
        cpu = None
        phys = "0"
        for line in cpuinfo.read_text().splitlines():
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "processor":
                cpu, phys = int(value), "0"
            elif key == "physical id":
                phys = value
            elif key == "core id" and cpu is not None and (allowed is None or cpu in allowed):
                cores.add((phys, value))
        if cores:
            return len(cores)
    except (OSError, ValueError) as e:  # no /proc (macOS, Windows) or an odd format
        log.debug("physical cores not read from %s (%s): half the logical CPUs", cpuinfo, e)
    logical = len(allowed) if allowed else (os.cpu_count() or 2)
    return max(1, logical // 2)


def supports_gpu_offload() -> bool:
    import llama_cpp

    return bool(llama_cpp.llama_supports_gpu_offload())


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (getrusage: a lifetime peak, not per answer)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


class Batch:
    """A llama_batch for one sequence with explicit positions (libmtmd's M-RoPE positions skip)."""

    def __init__(self, capacity: int) -> None:
        import llama_cpp

        self._llama = llama_cpp
        self.capacity = capacity
        self.batch = llama_cpp.llama_batch_init(capacity, 0, 1)

    def fill(self, tokens: Sequence[int], first_pos: int, *, logits_last: bool) -> None:
        b = self.batch
        n = len(tokens)
        b.n_tokens = n
        for i, token in enumerate(tokens):
            b.token[i] = token
            b.pos[i] = first_pos + i
            b.n_seq_id[i] = 1
            b.seq_id[i][0] = 0
            b.logits[i] = False
        if logits_last and n:
            b.logits[n - 1] = True

    def close(self) -> None:
        if self.batch is not None:
            self._llama.llama_batch_free(self.batch)
            self.batch = None


@dataclass(frozen=True)
class Sampling:
    temperature: float
    top_p: float
    top_k: int
    presence_penalty: float
    seed: int | None
    min_p: float = 0.0  # 0: off (the Qwen3.5 presets' value)
    penalty_last_n: int = 64  # llama.cpp's default window for repeat / presence penalties


class Sampler:
    """A llama_sampler chain in llama.cpp's usual order: penalties, top-k, top-p, min-p,
    temperature, dist."""

    def __init__(self, s: Sampling, n_vocab: int) -> None:
        import llama_cpp

        self._llama = llama_cpp
        params = llama_cpp.llama_sampler_chain_default_params()
        params.no_perf = True
        self.chain = llama_cpp.llama_sampler_chain_init(params)
        add = llama_cpp.llama_sampler_chain_add
        if s.presence_penalty:
            add(
                self.chain,
                llama_cpp.llama_sampler_init_penalties(
                    n_vocab, s.penalty_last_n, 1.0, 0.0, s.presence_penalty
                ),
            )
        if s.temperature <= 0:
            add(self.chain, llama_cpp.llama_sampler_init_greedy())
            return
        if s.top_k > 0:
            add(self.chain, llama_cpp.llama_sampler_init_top_k(s.top_k))
        if 0 < s.top_p < 1:
            add(self.chain, llama_cpp.llama_sampler_init_top_p(s.top_p, 1))
        if s.min_p > 0:
            add(self.chain, llama_cpp.llama_sampler_init_min_p(s.min_p, 1))
        add(self.chain, llama_cpp.llama_sampler_init_temp(s.temperature))
        seed = llama_cpp.LLAMA_DEFAULT_SEED if s.seed is None else s.seed & 0xFFFFFFFF
        add(self.chain, llama_cpp.llama_sampler_init_dist(seed))

    def sample(self, ctx) -> int:
        """Sample (and accept) a token from the last logits of `ctx`."""
        return self._llama.llama_sampler_sample(self.chain, ctx, -1)

    def close(self) -> None:
        if self.chain is not None:
            self._llama.llama_sampler_free(self.chain)
            self.chain = None


class AbortWhen:
    """llama_set_abort_callback for the duration of a `with` block: stops a long prompt mid-way.

    ggml calls the callback after every graph node, so it is installed only around prompt
    processing (a large batch per call) and removed for token-by-token generation, where the
    engine checks the cancel token between tokens at no cost. llama_decode returns 2 when aborted.
    """

    def __init__(self, ctx, should_abort) -> None:
        import llama_cpp

        self._llama = llama_cpp
        self._ctx = ctx
        self._callback = llama_cpp.ggml_abort_callback(lambda data: bool(should_abort()))

    def __enter__(self) -> AbortWhen:
        self._llama.llama_set_abort_callback(self._ctx, self._callback, ctypes.c_void_p(0))
        return self

    def __exit__(self, *exc: object) -> None:
        null = ctypes.cast(None, self._llama.ggml_abort_callback)  # type: ignore[arg-type]  # NULL
        self._llama.llama_set_abort_callback(self._ctx, null, ctypes.c_void_p(0))


@dataclass(frozen=True)
class Perf:
    """llama.cpp's own counters since the last reset (perf_context)."""

    prompt_tokens: int
    prompt_ms: float
    eval_tokens: int
    eval_ms: float


def perf(ctx) -> Perf:
    import llama_cpp

    data = llama_cpp.llama_perf_context(ctx)
    return Perf(data.n_p_eval, data.t_p_eval_ms, data.n_eval, data.t_eval_ms)


def reset_perf(ctx) -> None:
    import llama_cpp

    llama_cpp.llama_perf_context_reset(ctx)


def clear_memory(ctx) -> None:
    """Forget the previous prompt (KV cache and the linear-attention recurrent state)."""
    import llama_cpp

    mem = llama_cpp.llama_get_memory(ctx)
    if mem:
        llama_cpp.llama_memory_clear(mem, True)


def token_piece(vocab, token: int, buf) -> bytes:
    """The bytes of one token, special tokens included (<think> must reach the splitter)."""
    import llama_cpp

    n = llama_cpp.llama_token_to_piece(vocab, token, buf, len(buf), 0, True)
    if n < 0:  # buffer too small: -n is the size needed
        bigger = ctypes.create_string_buffer(-n)
        n = llama_cpp.llama_token_to_piece(vocab, token, bigger, len(bigger), 0, True)
        return bigger.raw[:n]
    return buf.raw[:n]
