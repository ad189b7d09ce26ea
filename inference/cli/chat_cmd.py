"""`cairn chat`: one prompt (with images or a video) answered by a local Qwen3.5, streamed.

Inputs are checked before the model loads, so a wrong path fails in milliseconds. Streaming,
Ctrl-C (the partial text is kept, the statistics still printed; a second Ctrl-C quits) and the
JSON are cli/streaming.py's, shared with `summarize` and `docs ask`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CairnError, ErrorCode
from ..records import ENGINE_CHOICES
from .streaming import CommandContext, end_text, load_engine, print_json, result_json, stream

if TYPE_CHECKING:
    from ..records import GenParams

CHAT_VIDEO_MAX_FRAMES = 32


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("chat", help="answer one prompt with a local model")
    p.add_argument("prompt", metavar="PROMPT", help="the question or instruction")
    add_model_options(p)
    add_endpoint_option(p)
    p.add_argument("--image", action="append", default=[], metavar="FILE", help="attach an image (repeatable)")
    p.add_argument("--video", metavar="FILE", help="attach a video")
    p.add_argument("--system", metavar="TEXT", help="a system prompt")
    add_generation_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object with the answer and statistics")
    p.set_defaults(func=run)


def add_model_options(
    p: argparse.ArgumentParser, engines: tuple[str, ...] = ENGINE_CHOICES
) -> None:
    """--model, --engine (`engines`: the choices; `cairn serve` serves local engines only) and
    --device."""
    p.add_argument("--model", metavar="ID|DIR", help="a model id, a model folder or a .gguf file")
    p.add_argument("--engine", choices=engines, default="auto")
    p.add_argument("--device", choices=("gpu", "cpu"), default=None, help="default: the GPU when there is one")


def add_endpoint_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="with --engine remote: an OpenAI-compatible server (then --model is its model id)",
    )


def add_generation_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-tokens", type=int, default=1024, metavar="N")
    p.add_argument("--temperature", type=float, default=None, metavar="T", help="default: the model card's preset")
    p.add_argument("--top-p", type=float, default=None, metavar="P")
    p.add_argument("--top-k", type=int, default=None, metavar="K")
    p.add_argument("--seed", type=int, default=None, metavar="S")
    think = p.add_mutually_exclusive_group()
    think.add_argument("--think", dest="think", action="store_true", default=None, help="reason before answering")
    think.add_argument("--no-think", dest="think", action="store_false", help="answer directly")


def gen_params(args: argparse.Namespace) -> GenParams:
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


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..cancel import CancelToken
    from ..media.images import load_image
    from ..records import GenerationRequest, Message, VideoFrame

    if not args.prompt.strip():
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "the prompt is empty")
    params = gen_params(args)
    images = tuple(Path(p) for p in args.image)
    for image in images:  # fail fast, before the model loads
        load_image(image)
    frames: tuple[VideoFrame, ...] = ()
    if args.video:
        from ..video import sample_frames

        frames = sample_frames(Path(args.video), max_frames=CHAT_VIDEO_MAX_FRAMES).frames
    messages: list[Message] = []
    if args.system:
        messages.append(Message("system", args.system))
    messages.append(Message("user", args.prompt, images=images, video=Path(args.video) if args.video else None))
    request = GenerationRequest(
        messages=tuple(messages), params=params, thinking=args.think, video_frames=tuple(frames)
    )
    engine = load_engine(args, ctx)
    cancel = CancelToken()
    try:
        out = stream(engine.generate(request, cancel=cancel), cancel, echo=not args.json)
    finally:
        engine.close()
    if args.json:
        print_json(result_json(engine, out.text, out.thinking, out.final))
    else:
        end_text(out.final)
    return 0


