"""Cairn's MLX streaming path against raw mlx_lm.stream_generate: same model, prompt, run.

A random Qwen3.5 checkpoint big enough that decoding dominates (hidden 512, 8 layers) is built
in a temporary folder. Both paths decode greedily to exactly the same number of tokens (the
checkpoint's stop tokens have zero logits), alternating rounds so that machine noise hits both
alike. The figure is the ratio of median generation speeds, Cairn / raw (target >= 0.97).

    .venv/bin/python bench/engine_overhead.py [--tokens 96] [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DIMS = dict(
    hidden_size=512,
    intermediate_size=1536,
    num_hidden_layers=8,
    num_attention_heads=8,
    num_key_value_heads=2,
    head_dim=64,
    linear_num_key_heads=8,
    linear_num_value_heads=8,
    linear_key_head_dim=64,
    linear_value_head_dim=64,
    linear_conv_kernel_dim=4,
)
PROMPT = "Write a long story about a cairn of stones on a windy hill, and the people who pass it."


def raw_round(model, tokenizer, prompt: str, tokens: int) -> tuple[float, int]:
    from mlx_lm import stream_generate
    from mlx_lm.sample_utils import make_sampler

    n = 0
    first = None
    for _ in stream_generate(model, tokenizer, prompt, max_tokens=tokens, sampler=make_sampler(temp=0.0)):
        n += 1
        if first is None:
            first = time.perf_counter()
    return time.perf_counter() - first, n - 1


def cairn_round(engine, tokens: int) -> tuple[float, int]:
    from inference.cancel import CancelToken
    from inference.records import GenerationRequest, GenParams, Message

    request = GenerationRequest(
        messages=(Message("user", PROMPT),),
        # the same sampling as the raw path: greedy, no presence penalty
        params=GenParams(max_tokens=tokens, temperature=0.0, presence_penalty=0.0),
        thinking=False,
    )
    first = None
    final = None
    for chunk in engine.generate(request, cancel=CancelToken()):
        if first is None:
            first = time.perf_counter()
        final = chunk
    return time.perf_counter() - first, final.generation_tokens - 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tokens", type=int, default=96)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()

    from inference.checkpoint import inspect_model
    from inference.engines import open_engine
    from tests.fixtures.tiny_qwen import build_checkpoint

    with tempfile.TemporaryDirectory() as tmp:
        path = build_checkpoint(Path(tmp) / "bench-qwen3.5", vision=False, dims=DIMS, never_stop=True)
        engine = open_engine(inspect_model(path), engine="mlx")
        model, tokenizer = engine._lm
        prompt = tokenizer.apply_chat_template(
            [{"role": "user", "content": PROMPT}], add_generation_prompt=True, tokenize=False, enable_thinking=False
        )
        raw_round(model, tokenizer, prompt, 16)  # warm-up: kernels compiled, caches filled
        cairn_round(engine, 16)
        raw, ours = [], []
        for _ in range(args.rounds):
            dt, n = raw_round(model, tokenizer, prompt, args.tokens)
            raw.append(n / dt)
            dt, n = cairn_round(engine, args.tokens)
            ours.append(n / dt)
        engine.close()
    r, c = statistics.median(raw), statistics.median(ours)
    print(f"device: {engine.device}; {args.rounds} alternating rounds of {args.tokens} tokens")
    print(f"{'path':<28}{'median tok/s':>14}{'min':>10}{'max':>10}")
    print(f"{'raw mlx_lm.stream_generate':<28}{r:>14.1f}{min(raw):>10.1f}{max(raw):>10.1f}")
    print(f"{'Cairn MLXEngine.generate':<28}{c:>14.1f}{min(ours):>10.1f}{max(ours):>10.1f}")
    print(f"ratio Cairn/raw: {c / r:.3f} (target >= 0.97)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
