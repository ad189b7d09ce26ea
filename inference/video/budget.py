"""How many frames, how large, and how long the notes: chosen from the engine's speed and a target.

A summary's cost on a CPU is the vision encoder plus the prompt (every frame pair becomes a few
hundred tokens) and the generated text (about 20 tokens a second on a laptop). `plan_budget` picks,
for a video of a given length and an engine of measured speed, the richest plan whose estimate fits
the target time of the chosen detail level: "quick" (a summary while the user watches) or
"detailed" (more frames, larger frames, longer notes). Scene coverage is never traded away: the
sampler keeps one frame in every scene of at least a second whatever the budget says; the budget
only bounds the frames added on top and their size.

The speed comes from `measure_speed` (one tiny request: two frames, a few tokens) the first time an
engine is seen, then from the segments actually described (`record_speed`), kept per engine object.
"""

from __future__ import annotations

import math
import threading
import time
import weakref
from dataclasses import dataclass

from ..cancel import CancelToken
from ..errors import CairnError, ErrorCode
from ..records import FinishReason, GenerationRequest, GenParams, Message, VideoFrame

QUICK = "quick"
DETAILED = "detailed"
DETAILS = (QUICK, DETAILED)
DEFAULT_DETAIL = QUICK

# Qwen3.5's vision tower: 16-pixel patches, merged 2 x 2 into one token, 2 frames per temporal
# patch. So a pair of frames costs (W / 32) x (H / 32) tokens after resizing to multiples of 32.
CELL = 32
PROMPT_OVERHEAD_TOKENS = 160  # chat template, instructions and frame times of one segment
CHAPTER_TOKENS = 30  # one "mm:ss – Title: one line" (about 15-25 tokens) with room to spare
SUMMARY_TOKENS = 160  # the closing summary's few sentences (the user's max_tokens may cap it)


@dataclass(frozen=True)
class EngineSpeed:
    """Measured throughput: prompt tokens a second with frames in them (vision encoder included)
    and generated tokens a second."""

    prompt_tps: float
    generation_tps: float


@dataclass(frozen=True)
class Budget:
    """What the streaming summary samples and asks for.

    `max_frames` bounds the frames taken on the time grid (scene anchors come on top when a video
    has more scenes of a second or more); `frames_per_call` is the segment size after the first
    segment, which is `first_call_frames` long so the first chapter appears early.
    """

    detail: str
    target_s: float
    max_frames: int
    max_side: int
    frames_per_call: int
    first_call_frames: int
    chapter_max_tokens: int
    estimate_s: float


@dataclass(frozen=True)
class _Level:
    target_fraction: float  # of the video's duration
    target_min_s: float
    target_max_s: float
    sides: tuple[int, ...]  # richest first
    frame_rates: tuple[float, ...]  # frames per minute on the grid, richest first
    frames_per_call: int
    first_call_frames: int
    chapters_per_segment: int


LEVELS = {
    QUICK: _Level(0.08, 20.0, 120.0, (320, 256, 224, 192), (6.0, 4.0, 3.0, 2.0), 28, 4, 2),
    DETAILED: _Level(0.4, 60.0, 900.0, (448, 384, 320, 256), (12.0, 9.0, 6.0, 4.0), 24, 6, 4),
}


def check_detail(detail: str) -> str:
    if detail not in LEVELS:
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT,
            f"detail must be one of {', '.join(DETAILS)}, not {detail!r}",
        )
    return detail


def pair_tokens(width: int, height: int, max_side: int) -> int:
    """Tokens of one frame pair of a width x height video scaled to a long side of max_side."""
    scale = min(1.0, max_side / max(width, height, 1))
    w = max(CELL, round(width * scale / CELL) * CELL)
    h = max(CELL, round(height * scale / CELL) * CELL)
    return (w // CELL) * (h // CELL)


def estimate_s(
    *,
    duration_s: float,
    frames: int,
    pair_tokens_: int,
    frames_per_call: int,
    chapter_max_tokens: int,
    speed: EngineSpeed,
) -> float:
    """Seconds for segments (frames, prompt, chapter lines) plus the closing summary."""
    segments = max(1, math.ceil(frames / frames_per_call))
    prompt = math.ceil(frames / 2) * pair_tokens_ + segments * PROMPT_OVERHEAD_TOKENS
    generated = segments * chapter_max_tokens + SUMMARY_TOKENS
    merge_prompt = PROMPT_OVERHEAD_TOKENS + segments * chapter_max_tokens
    # Text-only prompt tokens are cheaper than frame tokens: counting them at the frame rate errs
    # on the slow side, which only makes the plan more modest.
    return (prompt + merge_prompt) / speed.prompt_tps + generated / speed.generation_tps


def plan_budget(
    duration_s: float, width: int, height: int, speed: EngineSpeed, detail: str = DEFAULT_DETAIL
) -> Budget:
    """The richest (frames, side) of the level whose estimate fits its target time.

    Frames first, resolution second: a missing moment is worse than a softer picture. When
    nothing fits, the most modest plan of the level is taken (it still covers every scene).
    """
    level = LEVELS[check_detail(detail)]
    if speed.prompt_tps <= 0 or speed.generation_tps <= 0:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "engine speed must be positive")
    minutes = max(duration_s, 1.0) / 60.0
    target = min(level.target_max_s, max(level.target_min_s, level.target_fraction * duration_s))
    chapter_tokens = level.chapters_per_segment * CHAPTER_TOKENS
    best = None
    for rate in level.frame_rates:
        frames = max(2, math.ceil(rate * minutes))
        frames += frames % 2  # pairs: an odd frame would cost a whole pair of tokens
        for side in level.sides:
            estimate = estimate_s(
                duration_s=duration_s,
                frames=frames,
                pair_tokens_=pair_tokens(width, height, side),
                frames_per_call=level.frames_per_call,
                chapter_max_tokens=chapter_tokens,
                speed=speed,
            )
            plan = Budget(
                detail,
                target,
                frames,
                side,
                level.frames_per_call,
                level.first_call_frames,
                chapter_tokens,
                estimate,
            )
            if estimate <= target:
                return plan
            best = plan
    assert best is not None
    return best


# -- the engine's speed ---------------------------------------------------------------------------

_SPEEDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()
PROBE_SIDE = 256
PROBE_TOKENS = 8


def known_speed(engine) -> EngineSpeed | None:
    with _LOCK:
        try:
            return _SPEEDS.get(engine)
        except TypeError:  # not weak-referenceable
            return None


def record_speed(engine, prompt_tokens: int, prompt_s: float, gen_tokens: int, gen_s: float):
    """Fold one measured request into the engine's speed (a running average, new weighs half)."""
    if prompt_tokens <= 0 or prompt_s <= 0 or gen_tokens <= 1 or gen_s <= 0:
        return
    new = EngineSpeed(prompt_tokens / prompt_s, (gen_tokens - 1) / gen_s)
    with _LOCK:
        try:
            old = _SPEEDS.get(engine)
            if old is not None:
                new = EngineSpeed(
                    (old.prompt_tps + new.prompt_tps) / 2,
                    (old.generation_tps + new.generation_tps) / 2,
                )
            _SPEEDS[engine] = new
        except TypeError:
            pass


def measure_speed(engine, cancel: CancelToken | None = None) -> EngineSpeed:
    """One tiny request (two grey frames, PROBE_TOKENS tokens), timed: the engine's speed.

    Costs about a second on a laptop CPU with the 0.8B model; the result is kept per engine.
    """
    import numpy as np

    found = known_speed(engine)
    if found is not None:
        return found
    image = np.full((PROBE_SIDE * 9 // 16, PROBE_SIDE, 3), 128, np.uint8)
    frames = (VideoFrame(0.0, 0, image), VideoFrame(0.5, 1, image))
    request = GenerationRequest(
        messages=(Message("user", "Describe these frames."),),
        params=GenParams(max_tokens=PROBE_TOKENS, temperature=0.0),
        thinking=False,
        video_frames=frames,
    )
    started = time.perf_counter()
    first = None
    last = None
    for chunk in engine.generate(request, cancel=cancel or CancelToken()):
        if first is None and (chunk.text or chunk.thinking):
            first = time.perf_counter()
        if chunk.finish_reason is not None:
            last = chunk
    ended = time.perf_counter()
    if last is None or last.finish_reason is FinishReason.CANCELLED:
        raise CairnError(ErrorCode.INTERNAL, "the speed probe did not finish")
    prompt_tps = last.prompt_tps or last.prompt_tokens / max((first or ended) - started, 1e-6)
    gen_tps = last.generation_tps or max(last.generation_tokens, 1) / max(ended - started, 1e-6)
    speed = EngineSpeed(max(prompt_tps, 1e-3), max(gen_tps, 1e-3))
    with _LOCK:
        try:
            _SPEEDS[engine] = speed
        except TypeError:
            pass
    return speed
