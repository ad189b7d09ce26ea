"""Cairn's llama.cpp engine against llama-cpp-python's own API, MLX's CPU path and the memory ceiling.

A random checkpoint with the real Qwen3.5-0.8B shapes (hidden 1024, 24 layers of which every 4th
is full attention, FFN 3584, vocabulary 248,320, tied output head) is written as an F16 GGUF with
the gguf package and quantized to Q4_K_M with llama_cpp.llama_model_quantize, once, in --workdir.
Speed does not depend on the weights' values.

In one run, on the same prompt (the chat template rendered by Cairn, --prompt-tokens long) and the
same sampling settings (the model card's instruct preset, a fixed seed):
  * raw: llama-cpp-python's decode loop (Llama.generate, which create_completion runs on) on
    the same loaded model, with the same sampling chain;
  * cairn: LlamaCppEngine.generate (the path `cairn chat` and the GUI use);
alternating rounds so machine noise hits both alike; medians and bests (other processes only
ever slow a round down, so on a shared machine the best is the steadier figure). Prompt tok/s is
prompt tokens over the wall time to the first token; generation tok/s is (tokens - 1) over the
wall time from the first token to the last (llama.cpp's own perf counters are printed too).
Then: memory bandwidth measured with numpy (STREAM-style copy of a 1 GiB array split over the
engine's threads, bytes read + written), the weight bytes read per generated token (every tensor
of the GGUF, the tied embedding table counted once since the output head reads all of it, the
input lookup only one row), hence the generation ceiling; and, unless --no-mlx, mlx_lm on a 4-bit
model of the same shapes (MLX's CPU backend is slow here: a short run).

    .venv/bin/python bench/cpu_engine.py [--prompt-tokens 512] [--gen-tokens 128] [--rounds 5]\
        [--threads N] [--thread-sweep] [--no-mlx]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DIMS_08B = dict(
    n_embd=1024,
    n_ff=3584,
    n_layer=24,
    n_head=8,
    n_head_kv=2,
    head_dim=256,
    ssm_d_conv=4,
    ssm_d_state=128,
    ssm_n_group=16,
    ssm_dt_rank=16,
    n_ctx_train=262144,
)
N_VOCAB = 248_320
LLAMA_FTYPE_MOSTLY_Q4_K_M = 15
WORDS = (
    "the stones of the cairn stand on a windy hill above the valley where travellers stop to add "
    "one more stone and read the weather in the clouds before they walk on "
).split()


# -- the checkpoint ------------------------------------------------------------------------


def _build(workdir: str, threads: int) -> None:
    import llama_cpp

    from inference.engines.llamacpp.native import silence_logs
    from tests.fixtures.tiny_gguf import write_text_gguf

    silence_logs()

    work = Path(workdir)
    f16 = work / "qwen3.5-0.8b-shapes-F16.gguf"
    q4 = work / "model" / "qwen3.5-0.8b-shapes-Q4_K_M.gguf"
    if not f16.exists():
        tmp = f16.with_suffix(".part")
        write_text_gguf(tmp, dims=DIMS_08B, f16=True, tied=True, n_vocab=N_VOCAB)
        tmp.rename(f16)
    q4.parent.mkdir(parents=True, exist_ok=True)
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = LLAMA_FTYPE_MOSTLY_Q4_K_M
    params.nthread = threads
    tmp = q4.with_suffix(".part")
    rc = llama_cpp.llama_model_quantize(str(f16).encode(), str(tmp).encode(), params)
    if rc != 0:
        raise SystemExit(f"llama_model_quantize failed ({rc})")
    tmp.rename(q4)


def build_checkpoint(workdir: Path, threads: int) -> Path:
    """The Q4_K_M folder, built once (in a child process, so its memory does not count here)."""
    q4 = workdir / "model" / "qwen3.5-0.8b-shapes-Q4_K_M.gguf"
    if not q4.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        proc = multiprocessing.get_context("spawn").Process(
            target=_build, args=(str(workdir), threads)
        )
        proc.start()
        proc.join()
        if proc.exitcode != 0:
            raise SystemExit("building the checkpoint failed")
        print(f"built {q4} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return q4.parent


def weight_bytes_per_token(gguf_path: Path) -> tuple[int, int, str]:
    """(bytes read per generated token, file's tensor bytes, token_embd type)."""
    from gguf import GGUFReader

    reader = GGUFReader(str(gguf_path))
    sizes = {t.name: int(t.n_bytes) for t in reader.tensors}
    embd = next(t for t in reader.tensors if t.name == "token_embd.weight")
    total = sum(sizes.values())
    tied = "output.weight" not in sizes
    per_token = total if tied else total - sizes["token_embd.weight"]
    return per_token, total, embd.tensor_type.name


def copy_bandwidth_gbs(threads: int, size_mib: int = 1024, repeats: int = 5) -> float:
    """STREAM-style copy with numpy over `threads` threads: (bytes read + written) / second."""
    import numpy as np

    src = np.ones(size_mib * 2**20 // 8, dtype=np.float64)
    dst = np.empty_like(src)
    bounds = np.linspace(0, src.size, threads + 1).astype(int)

    def part(i: int) -> None:
        np.copyto(dst[bounds[i] : bounds[i + 1]], src[bounds[i] : bounds[i + 1]])

    best = float("inf")
    for _ in range(repeats):
        workers = [threading.Thread(target=part, args=(i,)) for i in range(threads)]
        started = time.perf_counter()
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        best = min(best, time.perf_counter() - started)
    return 2 * src.nbytes / best / 1e9


# -- the two llama.cpp paths ---------------------------------------------------------------


def make_request(engine, prompt_tokens: int, gen_tokens: int, seed: int):
    from inference.records import GenerationRequest, GenParams, Message

    words = []
    while True:
        words.extend(WORDS)
        request = GenerationRequest(
            messages=(Message("user", " ".join(words)),),
            params=GenParams(max_tokens=gen_tokens, seed=seed),
            thinking=False,
        )
        prompt, _ = engine.render_prompt(request, False)
        tokens = engine._llm.tokenize(prompt.encode(), add_bos=False, special=True)
        if len(tokens) >= prompt_tokens:
            return request, prompt, tokens


def cairn_round(engine, request) -> dict:
    from inference.cancel import CancelToken

    last = None
    for chunk in engine.generate(request, cancel=CancelToken()):
        last = chunk
    perf = engine.perf()
    return dict(
        prompt_tps=last.prompt_tps,
        gen_tps=last.generation_tps,
        n_gen=last.generation_tokens,
        n_prompt=last.prompt_tokens,
        perf_prompt_tps=perf.prompt_tokens / perf.prompt_ms * 1e3,
        perf_gen_tps=perf.eval_tokens / perf.eval_ms * 1e3,
        peak_mb=last.peak_memory_mb,
    )


def raw_round(llm, tokens, preset, gen_tokens: int, seed: int) -> dict:
    """llama-cpp-python's own decode loop, Llama.generate (what create_completion runs on),
    consumed token by token (create_completion's text stream holds chunks back around broken
    UTF-8, which random weights produce, so its chunk times are not token times)."""
    import llama_cpp

    llm.reset()
    llm.set_seed(seed)
    llama_cpp.llama_perf_context_reset(llm.ctx)
    eos = llm.token_eos()
    started = time.perf_counter()
    first = None
    n = 0
    for token in llm.generate(
        tokens,
        top_k=preset.top_k,
        top_p=preset.top_p,
        min_p=0.0,
        temp=preset.temperature,
        repeat_penalty=1.0,
        presence_penalty=preset.presence_penalty,
    ):
        n += 1
        if first is None:
            first = time.perf_counter()
        if token == eos or n >= gen_tokens:
            break
    ended = time.perf_counter()
    perf = llama_cpp.llama_perf_context(llm.ctx)
    return dict(
        prompt_tps=len(tokens) / (first - started),
        gen_tps=(n - 1) / (ended - first) if n > 1 else 0.0,
        n_gen=n,
        n_prompt=perf.n_p_eval,
        perf_prompt_tps=perf.n_p_eval / perf.t_p_eval_ms * 1e3,
        perf_gen_tps=perf.n_eval / perf.t_eval_ms * 1e3,
    )


# -- MLX's CPU path ------------------------------------------------------------------------


def mlx_run(prompt_tokens: int, gen_tokens: int) -> dict:
    import mlx.core as mx
    import mlx.nn as nn
    from mlx_lm.generate import generate_step
    from mlx_lm.models.qwen3_5 import Model, ModelArgs

    mx.set_default_device(mx.cpu)
    d = DIMS_08B
    text_config = {
        "model_type": "qwen3_5_text",
        "hidden_size": d["n_embd"],
        "intermediate_size": d["n_ff"],
        "num_hidden_layers": d["n_layer"],
        "num_attention_heads": d["n_head"],
        "num_key_value_heads": d["n_head_kv"],
        "head_dim": d["head_dim"],
        "linear_num_key_heads": d["ssm_n_group"],
        "linear_num_value_heads": d["ssm_dt_rank"],
        "linear_key_head_dim": d["ssm_d_state"],
        "linear_value_head_dim": d["ssm_d_state"],
        "linear_conv_kernel_dim": d["ssm_d_conv"],
        "vocab_size": N_VOCAB,
        "rms_norm_eps": 1e-6,
        "max_position_embeddings": 262144,
        "tie_word_embeddings": True,
        "full_attention_interval": 4,
        "rope_parameters": {
            "rope_type": "default",
            "mrope_section": [11, 11, 10],
            "mrope_interleaved": True,
            "rope_theta": 10000000,
            "partial_rotary_factor": 0.25,
        },
        "attn_output_gate": True,
    }
    config = {"model_type": "qwen3_5", "text_config": text_config, "tie_word_embeddings": True}
    model = Model(ModelArgs.from_dict(config))
    nn.quantize(model, group_size=64, bits=4)  # float32 scales: the faster MLX CPU variant here
    mx.eval(model.parameters())
    prompt = mx.array([(i * 7919) % 50000 for i in range(prompt_tokens)], dtype=mx.uint32)
    started = time.perf_counter()
    first = None
    n = 0
    for _token, _ in generate_step(
        prompt, model, max_tokens=gen_tokens, sampler=lambda x: mx.argmax(x, axis=-1)
    ):
        n += 1
        if first is None:
            first = time.perf_counter()
    ended = time.perf_counter()
    return dict(
        prompt_tps=prompt_tokens / (first - started),
        gen_tps=(n - 1) / (ended - first) if n > 1 else 0.0,
        n_gen=n,
        n_prompt=prompt_tokens,
    )


# -- main ----------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prompt-tokens", type=int, default=512)
    ap.add_argument("--gen-tokens", type=int, default=128)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument(
        "--threads", type=int, default=None, help="default: the engine's (physical cores)"
    )
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/cairn-bench-cpu"))
    ap.add_argument("--thread-sweep", action="store_true", help="also time Cairn at 1..N threads")
    ap.add_argument("--no-mlx", action="store_true")
    ap.add_argument("--mlx-prompt-tokens", type=int, default=32)
    ap.add_argument("--mlx-gen-tokens", type=int, default=8)
    args = ap.parse_args()

    from inference.checkpoint import inspect_model
    from inference.engines.llamacpp.native import physical_cores
    from inference.engines.llamacpp_engine import LlamaCppEngine

    threads = args.threads or physical_cores()
    folder = build_checkpoint(args.workdir, threads)
    local = inspect_model(folder)
    # state_budget=0: every round reads its whole prompt (reuse is measured by bench/multiturn.py)
    engine = LlamaCppEngine.load(local, n_threads=threads, state_budget=0)
    request, prompt, tokens = make_request(engine, args.prompt_tokens, args.gen_tokens, args.seed)
    preset = engine.presets["instruct"]

    raw, cairn = [], []
    cairn_round(engine, request)  # warm-up: first-use allocations, page cache
    for i in range(args.rounds):  # alternate which path goes first, against drift
        for path in ("raw", "cairn") if i % 2 == 0 else ("cairn", "raw"):
            if path == "raw":
                raw.append(raw_round(engine._llm, tokens, preset, args.gen_tokens, args.seed))
            else:
                cairn.append(cairn_round(engine, request))
    peak_mb = cairn[-1]["peak_mb"]

    sweep = []
    if args.thread_sweep:
        for n in range(1, (os.cpu_count() or 1) + 1):
            other = LlamaCppEngine.load(local, n_threads=n, state_budget=0)
            rows = [cairn_round(other, request) for _ in range(2)]
            sweep.append((n, max(rows, key=lambda r: r["gen_tps"])))
            other.close()
    engine.close()

    per_token, total, embd_type = weight_bytes_per_token(local.gguf)
    bandwidth = copy_bandwidth_gbs(threads)
    bandwidth_1 = copy_bandwidth_gbs(1)
    mlx = None
    if not args.no_mlx:
        mlx = mlx_run(args.mlx_prompt_tokens, args.mlx_gen_tokens)

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    def best(rows, key):
        return max(r[key] for r in rows)

    ceiling = bandwidth * 1e9 / per_token
    print(f"\nQwen3.5-0.8B shapes, random weights, Q4_K_M ({total / 1e6:.0f} MB of tensors, "
          f"token_embd {embd_type}); {threads} thread(s); prompt {len(tokens)} tokens, "
          f"{args.gen_tokens} generated; {args.rounds} alternating rounds")  # fmt: skip
    print()
    print("| path | prompt tok/s median (best) | generation tok/s median (best) | "
          "llama.cpp perf: prompt / gen tok/s (median) |")  # fmt: skip
    print("|---|---|---|---|")
    for name, rows in (
        ("llama-cpp-python Llama.generate (raw)", raw),
        ("Cairn LlamaCppEngine", cairn),
    ):
        print(f"| {name} | {med(rows, 'prompt_tps'):.1f} ({best(rows, 'prompt_tps'):.1f}) | "
              f"{med(rows, 'gen_tps'):.2f} ({best(rows, 'gen_tps'):.2f}) | "
              f"{med(rows, 'perf_prompt_tps'):.1f} / {med(rows, 'perf_gen_tps'):.2f} |")  # fmt: skip
    print(f"| ratio Cairn / raw | {med(cairn, 'prompt_tps') / med(raw, 'prompt_tps'):.3f} "
          f"({best(cairn, 'prompt_tps') / best(raw, 'prompt_tps'):.3f}) | "
          f"{med(cairn, 'gen_tps') / med(raw, 'gen_tps'):.3f} "
          f"({best(cairn, 'gen_tps') / best(raw, 'gen_tps'):.3f}) | |")  # fmt: skip
    if mlx:
        print(f"| mlx_lm 4-bit, MLX CPU ({mlx['n_prompt']}-token prompt, {mlx['n_gen']} generated)"
              f" | {mlx['prompt_tps']:.2f} | {mlx['gen_tps']:.2f} | |")  # fmt: skip
    for n, r in sweep:
        print(f"| Cairn, {n} thread(s), best of 2 | {r['prompt_tps']:.1f} | {r['gen_tps']:.2f} | "
              f"{r['perf_prompt_tps']:.1f} / {r['perf_gen_tps']:.2f} |")  # fmt: skip
    print()
    print(f"generated tokens per round: raw {[r['n_gen'] for r in raw]}, "
          f"Cairn {[r['n_gen'] for r in cairn]}; prompt tokens (llama.cpp perf): "
          f"raw {raw[-1]['n_prompt']}, Cairn {cairn[-1]['n_prompt']}")  # fmt: skip
    print(f"Cairn process peak RSS (getrusage): {peak_mb:.0f} MB")
    print(f"memory bandwidth (numpy copy, read + write): {bandwidth:.1f} GB/s on {threads} "
          f"thread(s), {bandwidth_1:.1f} GB/s on 1")  # fmt: skip
    print(f"weights read per generated token: {per_token / 1e6:.0f} MB -> ceiling "
          f"{ceiling:.1f} tok/s; generation median (best) reaches Cairn "
          f"{med(cairn, 'gen_tps') / ceiling:.0%} ({best(cairn, 'gen_tps') / ceiling:.0%}), "
          f"raw {med(raw, 'gen_tps') / ceiling:.0%} ({best(raw, 'gen_tps') / ceiling:.0%})")  # fmt: skip
    print(f"machine load average at the end: {os.getloadavg()[0]:.2f}")
    print("\ncommand: .venv/bin/python " + " ".join(sys.argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
