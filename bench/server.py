"""Through `cairn serve` vs the engine called directly, on the same model; and four clients at once.

A random checkpoint with the real Qwen3.5-0.8B shapes, Q4_K_M (bench/cpu_engine.py builds it once
in --workdir; speed does not depend on the weights' values). In one run, alternating rounds:
  * direct: LlamaCppEngine.generate in this process (what `cairn chat` does);
  * server: `cairn serve --port 0 --json` in a child process, asked by the official openai client
    with stream=True over 127.0.0.1 (what an editor or script does).
Same prompt (--prompt-tokens long), same length, greedy (temperature 0, fixed seed). Time to first
token is measured by the caller from the request to the first answer text; generation tok/s is
(tokens - 1) over the time from the first to the last text, as the caller receives it. Medians and
bests; targets: server / direct >= 0.95 for tok/s and for 1 / time-to-first-token.
Then four clients at once through the server: each one's time to first token (they queue: one
engine) and the aggregate tok/s against one client alone.

    .venv/bin/python bench/server.py [--prompt-tokens 256] [--gen-tokens 64] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cpu_engine import DIMS_08B, WORDS, build_checkpoint  # noqa: E402
from tests.server.serving import start_server, stop_server  # noqa: E402

# The 0.8B's layer shapes with 8 layers (2 full attention) and the test vocabulary (400 tokens,
# every one prints as text, none ends the answer): a model that runs at a measurable speed on a
# loaded 2-core machine. The real 0.8B (--shape 0.8b: 248,320-token vocabulary, 24 layers) is
# about ten times slower, and its random weights mostly pick tokens that print nothing.
SMALL = dict(DIMS_08B, n_layer=8, n_ctx_train=32768)


def build_small(workdir: Path) -> Path:
    from tests.fixtures.tiny_gguf import write_text_gguf

    folder = workdir / "serve-small"
    gguf = folder / "qwen3.5-0.8b-layers-8-F16.gguf"
    if not gguf.exists():
        folder.mkdir(parents=True, exist_ok=True)
        part = gguf.with_suffix(".part")
        write_text_gguf(part, dims=SMALL, f16=True)  # untied: special tokens never win
        part.rename(gguf)
    return folder


def prompt_text(n_words: int) -> str:
    words: list[str] = []
    while len(words) < n_words:
        words.extend(WORDS)
    return " ".join(words[:n_words])


def direct_round(engine, text: str, gen_tokens: int) -> dict:
    from inference.cancel import CancelToken
    from inference.records import GenerationRequest, GenParams, Message

    request = GenerationRequest(
        (Message("user", text),),
        GenParams(max_tokens=gen_tokens, temperature=0.0, seed=1),
        thinking=False,
    )
    start = time.perf_counter()
    first = last = None
    n = 0
    final = None
    for chunk in engine.generate(request, cancel=CancelToken()):
        if chunk.text or chunk.thinking:  # random weights may "think": text all the same
            now = time.perf_counter()
            first = first or now
            last = now
        if chunk.finish_reason is not None:
            final = chunk
    n = final.generation_tokens
    return dict(
        ttft=first - start,
        gen_tps=(n - 1) / max(1e-9, last - first),
        n=n,
        prompt=final.prompt_tokens,
    )


def server_round(client, text: str, gen_tokens: int) -> dict:
    start = time.perf_counter()
    first = last = None
    usage = None
    stream = client.chat.completions.create(
        model="bench",
        messages=[{"role": "user", "content": text}],
        max_tokens=gen_tokens,
        temperature=0,
        seed=1,
        stream=True,
        stream_options={"include_usage": True},
        extra_body={"chat_template_kwargs": {"enable_thinking": False}},
    )
    for event in stream:
        if event.usage is not None:
            usage = event.usage
            continue
        delta = event.choices[0].delta if event.choices else None
        if delta is not None and (delta.content or getattr(delta, "reasoning_content", None)):
            now = time.perf_counter()
            first = first or now
            last = now
    n = usage.completion_tokens
    return dict(
        ttft=first - start,
        gen_tps=(n - 1) / max(1e-9, last - first),
        n=n,
        prompt=usage.prompt_tokens,
        end=last,
    )


def summary(rounds: list[dict], key: str) -> tuple[float, float]:
    values = [r[key] for r in rounds]
    best = min(values) if key == "ttft" else max(values)
    return statistics.median(values), best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prompt-tokens", type=int, default=256, help="about this many prompt tokens")
    ap.add_argument("--gen-tokens", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/cairn-bench-cpu"))
    ap.add_argument("--shape", choices=("small", "0.8b"), default="small")
    args = ap.parse_args()

    import openai

    from inference.checkpoint import inspect_model
    from inference.engines import open_engine

    threads = min(os.cpu_count() or 2, 8)
    if args.shape == "0.8b":
        folder = build_checkpoint(args.workdir, threads)
    else:
        folder = build_small(args.workdir)
    text = prompt_text(100)
    home = args.workdir / "serve-home"
    served = start_server(folder, home, timeout=600)
    engine = None
    try:
        client = openai.OpenAI(
            base_url=served.url, api_key=served.token, max_retries=0, timeout=600
        )
        engine = open_engine(inspect_model(folder), engine="llamacpp")
        first = direct_round(engine, text, 4)  # warm-up, and the prompt's length in tokens
        text = prompt_text(
            max(1, int(100 * (args.prompt_tokens - 20) / max(1, first["prompt"] - 20)))
        )
        direct_round(engine, text, 4)
        server_round(client, text, 4)
        direct, via_server = [], []
        for i in range(args.rounds):
            order = ("d", "s") if i % 2 == 0 else ("s", "d")
            for which in order:
                if which == "d":
                    direct.append(direct_round(engine, text, args.gen_tokens))
                else:
                    via_server.append(server_round(client, text, args.gen_tokens))
        engine.close()
        engine = None

        print(
            f"model: {folder.name}, prompt {direct[0]['prompt']} tokens, {args.gen_tokens} generated, "
            f"{args.rounds} rounds, greedy"
        )
        print(f"{'':8} {'ttft s (median/best)':>22} {'gen tok/s (median/best)':>26}")
        for name, rounds in (("direct", direct), ("server", via_server)):
            t_med, t_best = summary(rounds, "ttft")
            g_med, g_best = summary(rounds, "gen_tps")
            print(f"{name:8} {t_med:>10.3f} / {t_best:<9.3f} {g_med:>12.2f} / {g_best:<10.2f}")
        d_t, d_tb = summary(direct, "ttft")
        s_t, s_tb = summary(via_server, "ttft")
        d_g, d_gb = summary(direct, "gen_tps")
        s_g, s_gb = summary(via_server, "gen_tps")
        print(
            f"ratio server/direct: tok/s {s_g / d_g:.3f} (best {s_gb / d_gb:.3f}); "
            f"1/ttft {d_t / s_t:.3f} (best {d_tb / s_tb:.3f}); target >= 0.95"
        )

        # four clients at once
        results: list[dict] = [{} for _ in range(args.clients)]
        start = time.perf_counter()

        def one(i: int) -> None:
            c = openai.OpenAI(base_url=served.url, api_key=served.token, max_retries=0, timeout=600)
            results[i] = server_round(c, f"{i} {text}", args.gen_tokens)

        workers = [threading.Thread(target=one, args=(i,)) for i in range(args.clients)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        wall = time.perf_counter() - start
        total = sum(r["n"] for r in results)
        alone = statistics.median(r["ttft"] + (r["n"] - 1) / r["gen_tps"] for r in via_server)
        ttfts = sorted(r["ttft"] for r in results)
        print(
            f"{args.clients} clients at once: all answered in {wall:.1f} s ({total} tokens, "
            f"{total / wall:.2f} tok/s aggregate; one client alone: {args.gen_tokens / alone:.2f} tok/s "
            f"end to end, {args.clients} x alone = {args.clients * alone:.1f} s)"
        )
        print("  times to first token (queued FIFO): " + ", ".join(f"{t:.2f} s" for t in ttfts))
    finally:
        if engine is not None:
            engine.close()
        stop_server(served.proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
