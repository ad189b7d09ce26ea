"""`cairn summarize VIDEO` and `cairn video inspect VIDEO`.

`inspect` shows what the sampler would give a model (no model needed); `summarize` streams a
summary with chapters, or answers --question about the video. The video is checked before the
model loads, so a bad file fails in well under a second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..errors import CairnError, ErrorCode
from .streaming import CommandContext, end_text, load_engine, print_json, result_json, stream
from .terminal import shown

DEFAULT_MAX_FRAMES = 128  # inference.video.summary.DEFAULT_MAX_FRAMES (kept import-free here)


def register(sub: argparse._SubParsersAction) -> None:
    from .chat_cmd import add_endpoint_option, add_generation_options, add_model_options

    s = sub.add_parser(
        "summarize",
        help="summarize a video with timestamped chapters, or answer a question about it",
    )
    s.add_argument("video", metavar="VIDEO", help="a video file (MP4, AVI, MKV, WebM...)")
    s.add_argument("--question", "-q", metavar="TEXT", help="ask this instead of summarizing")
    add_model_options(s)
    add_endpoint_option(s)
    add_generation_options(s)
    s.add_argument("--max-frames", type=int, default=DEFAULT_MAX_FRAMES, metavar="N")
    s.add_argument(
        "--detail",
        choices=("quick", "detailed"),
        default="quick",
        help="quick: fewer, smaller frames and short chapter lines, within about a tenth of the "
        "video's length on this machine; detailed: more of everything (default: quick)",
    )
    s.add_argument("--json", action="store_true", help="print one JSON object at the end")
    s.set_defaults(func=run_summarize)

    v = sub.add_parser("video", help="look at a video file without a model")
    actions = v.add_subparsers(dest="video_command", metavar="ACTION", required=True)
    i = actions.add_parser("inspect", help="duration, fps, size, scenes and the sampled frames")
    i.add_argument("video", metavar="VIDEO")
    i.add_argument("--max-frames", type=int, default=DEFAULT_MAX_FRAMES, metavar="N")
    i.add_argument("--json", action="store_true", help="print one JSON object")
    i.set_defaults(func=run_inspect)


def _quiet(ctx: CommandContext) -> None:
    if not ctx.debug:
        from ..video.capture import silence_native_logs

        silence_native_logs()


def _check_max_frames(n: int) -> None:
    if n < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--max-frames must be at least 1")


def _precise(t: float) -> str:
    m, s = divmod(max(0.0, t), 60.0)
    return f"{int(m):02d}:{s:05.2f}"


class _ProgressLine:
    """Progress on stderr, rewritten in place on a terminal and silent otherwise."""

    LABELS = {
        "measuring_speed": "measuring the model's speed",
        "reading_frames": "reading frames",
        "describing_segment": "describing part",
        "writing_summary": "writing the summary",
    }

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.shown = False

    def __call__(self, p) -> None:
        if not self.enabled:
            return
        label = self.LABELS.get(p.stage, p.stage)
        count = f" {int(p.done)}/{int(p.total)}" if p.total else ""
        sys.stderr.write(f"\r\x1b[2K{label}{count}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()
            self.shown = False


def run_inspect(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..video import plan_frames

    _check_max_frames(args.max_frames)
    _quiet(ctx)
    progress = _ProgressLine(sys.stderr.isatty() and not args.json)
    try:
        plan = plan_frames(args.video, max_frames=args.max_frames, progress=progress)
    finally:
        progress.clear()
    info = plan.info
    if args.json:
        out = {
            "duration_s": round(info.duration_s, 3),
            "fps": round(info.fps, 3),
            "width": info.width,
            "height": info.height,
            "frames": [{"t": round(f.t, 3), "index": f.index} for f in plan.frames],
            "scenes": [{"start": round(s.start, 3), "end": round(s.end, 3)} for s in plan.scenes],
        }
        print(json.dumps(out))
        return 0
    print(shown(info.path.name))
    print(
        f"duration {_precise(info.duration_s)} ({info.duration_s:.2f} s), {info.fps:.2f} fps, "
        f"{info.width}x{info.height}, {info.frame_count} frames"
        + (f", codec {info.codec}" if info.codec else "")
    )
    print(f"{len(plan.scenes)} scenes, {len(plan.frames)} frames would be sampled:")
    for f in plan.frames:
        scene = next((k for k, s in enumerate(plan.scenes, 1) if s.contains(f.t)), len(plan.scenes))
        print(f"  {_precise(f.t)}  frame {f.index:>7}  scene {scene}")
    return 0


def run_summarize(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..cancel import CancelToken
    from ..records import Chunk
    from ..video import probe, summarize
    from .chat_cmd import gen_params

    _check_max_frames(args.max_frames)
    if args.question is not None and not args.question.strip():
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "the question is empty")
    params = gen_params(args)
    _quiet(ctx)
    probe(args.video)  # a bad file fails before the model loads
    started = time.perf_counter()
    cancel = CancelToken()
    progress = _ProgressLine(sys.stderr.isatty())
    engine = load_engine(args, ctx)
    summary = summarize(
        engine,
        args.video,
        max_frames=args.max_frames,
        detail=args.detail,
        question=args.question,
        params=params,
        thinking=False if args.think is None else args.think,
        progress=progress,
        cancel=cancel,
    )
    try:
        out = stream(
            summary, cancel, echo=not args.json, echo_thinking=False, before_output=progress.clear
        )
    finally:
        progress.clear()
        engine.close()
    final = summary.final
    elapsed = time.perf_counter() - started
    samples = summary.samples
    if args.json:
        stats = {
            "frames": len(samples.frames) if samples else 0,
            "scenes": len(samples.scenes) if samples else 0,
            "segments": len(summary.segments),
            "requests": summary.requests,
            "duration_s": round(samples.info.duration_s, 3) if samples else None,
            "elapsed_s": round(elapsed, 3),
            **(final or Chunk()).stats_json(),
        }
        extra = {
            "chapters": [{"t": c.t, "title": c.title, "line": c.line} for c in summary.chapters],
            "segments": [
                {"start": round(n.start, 3), "end": round(n.end, 3), "text": n.text}
                for n in summary.notes
            ],
            "stats": stats,
        }
        print_json(result_json(engine, summary.text, out.thinking, final, extra))
    else:
        end_text(final)
    return 0
