"""`cairn chat`: one prompt (with images or a video) answered by a local Qwen3.5, streamed.

Inputs are checked before the model loads, so a wrong path fails in milliseconds. Ctrl-C stops
the answer cleanly: the partial text is kept and the statistics are still printed (a second
Ctrl-C quits at once).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from ..errors import CairnError, ErrorCode

CHAT_VIDEO_MAX_FRAMES = 32


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chat", help="answer one prompt with a local model")
    p.add_argument("prompt", metavar="PROMPT", help="the question or instruction")
    add_model_options(p)
    p.add_argument("--image", action="append", default=[], metavar="FILE", help="attach an image (repeatable)")
    p.add_argument("--video", metavar="FILE", help="attach a video")
    p.add_argument("--system", metavar="TEXT", help="a system prompt")
    add_generation_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object with the answer and statistics")
    p.set_defaults(func=run)


def add_model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="ID|DIR", help="a model id, a model folder or a .gguf file")
    p.add_argument("--engine", choices=("auto", "mlx", "llamacpp"), default="auto")
    p.add_argument("--device", choices=("gpu", "cpu"), default=None, help="default: the GPU when there is one")


def add_generation_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-tokens", type=int, default=1024, metavar="N")
    p.add_argument("--temperature", type=float, default=None, metavar="T", help="default: the model card's preset")
    p.add_argument("--top-p", type=float, default=None, metavar="P")
    p.add_argument("--top-k", type=int, default=None, metavar="K")
    p.add_argument("--seed", type=int, default=None, metavar="S")
    think = p.add_mutually_exclusive_group()
    think.add_argument("--think", dest="think", action="store_true", default=None, help="reason before answering")
    think.add_argument("--no-think", dest="think", action="store_false", help="answer directly")


def go_offline(environ: dict[str, str]) -> None:
    """Loading a local model must never touch the network: the Hub libraries read these at import."""
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[key] = "1"
        environ[key] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def gen_params(args: argparse.Namespace):
    from ..records import GenParams

    if args.max_tokens < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--max-tokens must be at least 1")
    if args.temperature is not None and args.temperature < 0:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--temperature must be 0 or more")
    return GenParams(
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        seed=args.seed,
    )


def load_engine(args: argparse.Namespace, ctx):
    """Resolve --model and load it with the chosen engine (on this, the calling, thread)."""
    go_offline(ctx.environ)
    from ..engines import open_engine
    from ..models import resolve_model
    from ..models.speed import probe_at_first_load

    local = resolve_model(args.model, ctx.dirs.models)
    engine = open_engine(local, engine=args.engine, device=args.device)
    probe_at_first_load(engine, ctx.dirs.models)  # once per engine: the recommender's speed figure
    return engine


class SigintCancel:
    """First Ctrl-C sets the cancel token (the answer ends cleanly); a second one quits."""

    def __init__(self, token) -> None:
        self.token = token
        self._previous = None

    def __enter__(self):
        def handler(signum, frame):
            if self.token.cancelled:
                raise KeyboardInterrupt
            self.token.cancel()

        try:
            self._previous = signal.signal(signal.SIGINT, handler)
        except ValueError:  # not the main thread
            self._previous = None
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def run(args: argparse.Namespace, ctx) -> int:
    from ..cancel import CancelToken
    from ..media.images import load_image
    from ..records import GenerationRequest, Message

    if not args.prompt.strip():
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "the prompt is empty")
    params = gen_params(args)
    images = tuple(Path(p) for p in args.image)
    for image in images:  # fail fast, before the model loads
        load_image(image)
    frames = ()
    if args.video:
        from ..video import sample_frames

        frames = sample_frames(Path(args.video), max_frames=CHAT_VIDEO_MAX_FRAMES).frames
    messages = []
    if args.system:
        messages.append(Message("system", args.system))
    messages.append(Message("user", args.prompt, images=images, video=Path(args.video) if args.video else None))
    request = GenerationRequest(
        messages=tuple(messages), params=params, thinking=args.think, video_frames=tuple(frames)
    )
    engine = load_engine(args, ctx)
    cancel = CancelToken()
    return stream_answer(engine, request, cancel, as_json=args.json)


def stream_answer(engine, request, cancel, *, as_json: bool, extra: dict | None = None) -> int:
    """Print the answer as it streams (thinking to stderr), or one JSON object at the end."""
    text: list[str] = []
    thinking: list[str] = []
    last = None
    tty_err = sys.stderr.isatty()
    try:
        with SigintCancel(cancel):
            for chunk in engine.generate(request, cancel=cancel):
                if chunk.thinking:
                    thinking.append(chunk.thinking)
                    if not as_json:
                        sys.stderr.write(f"\x1b[2m{chunk.thinking}\x1b[0m" if tty_err else chunk.thinking)
                        sys.stderr.flush()
                if chunk.text:
                    text.append(chunk.text)
                    if not as_json:
                        sys.stdout.write(chunk.text)
                        sys.stdout.flush()
                if chunk.finish_reason is not None:
                    last = chunk
    finally:
        engine.close()
    if as_json:
        print(json.dumps(result_json(engine, "".join(text), "".join(thinking), last, extra), ensure_ascii=False))
    else:
        sys.stdout.write("\n")
        if last is not None and last.finish_reason.value == "cancelled":
            print("[stopped]", file=sys.stderr)
    return 0


def result_json(engine, text: str, thinking: str, last, extra: dict | None = None) -> dict:
    out = {
        "text": text,
        "thinking": thinking,
        "finish_reason": last.finish_reason.value if last else None,
        "prompt_tokens": last.prompt_tokens if last else 0,
        "generation_tokens": last.generation_tokens if last else 0,
        "ttft_s": last.ttft_s if last else None,
        "prompt_tps": last.prompt_tps if last else 0.0,
        "generation_tps": last.generation_tps if last else 0.0,
        "peak_memory_mb": last.peak_memory_mb if last else 0.0,
        "engine": engine.name,
        "device": engine.device,
        "model": engine.model_name,
    }
    out.update(extra or {})
    return out
