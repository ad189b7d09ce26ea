"""A question about a video the conversation already has: one chat request, frames encoded once.

A summary (live_summary.py) reads a video in segments; asking about the same video again through
that pipeline would sample and encode every frame again. Here a question is ONE request carrying
the video's frames, sampled once with the quick plan and kept per file (path + size + mtime), and
placed in the first user message that names the video. Every later question about it then has
the same prefix (that message, frames included), so the engine's checkpoints (engines/state_cache.py)
serve the frame tokens and the vision encoder does not run again.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from ..cancel import CancelToken
from ..engine import Engine
from ..errors import CairnError, ErrorCode
from ..records import Chunk, GenerationRequest, Modality, Progress, VideoFrame
from .budget import QUICK, known_speed, measure_speed, plan_budget
from .probe import probe
from .sampling import sample_frames
from .summary import _uniform_shapes

MAX_FRAMES = 64  # one request holds them all: the quick plan of a long video is capped here
KEPT_VIDEOS = 4  # sampled frame sets kept (a few videos' worth of small frames)

_FRAMES: OrderedDict[tuple[str, int, int], tuple[VideoFrame, ...]] = OrderedDict()
_LOCK = threading.Lock()


def conversation_video(request: GenerationRequest) -> Path | None:
    """The video a question is about: the last one named in the conversation."""
    named = [m.video for m in request.messages if m.role == "user" and m.video is not None]
    return named[-1] if named else None


def file_key(path: Path) -> tuple[str, int, int]:
    st = os.stat(path)
    return (str(Path(path).resolve()), st.st_size, st.st_mtime_ns)


def followup_frames(
    engine: Engine, path: Path, progress=None, cancel: CancelToken | None = None
) -> tuple[VideoFrame, ...]:
    """The video's frames for questions: sampled on the first question, then the same objects
    (same pixels, so the engines' media digests and checkpoints match) until the file changes."""
    info = probe(path)  # a missing or broken file fails here with its own VIDEO_* error
    key = file_key(path)
    with _LOCK:
        if key in _FRAMES:
            _FRAMES.move_to_end(key)
            return _FRAMES[key]
    speed = known_speed(engine) or measure_speed(engine, cancel)
    budget = plan_budget(info.duration_s, info.width, info.height, speed, QUICK)
    if progress is not None:
        progress(Progress("reading_frames"))
    samples = sample_frames(
        path, max_frames=min(budget.max_frames, MAX_FRAMES), max_side=budget.max_side, cancel=cancel
    )
    frames = _uniform_shapes(samples.frames)
    with _LOCK:
        _FRAMES[key] = frames
        while len(_FRAMES) > KEPT_VIDEOS:
            _FRAMES.popitem(last=False)
    return frames


def ask_about_video(
    engine: Engine,
    request: GenerationRequest,
    *,
    progress=None,
    cancel: CancelToken | None = None,
) -> Iterator[Chunk]:
    """Answer the last message of `request` about the conversation's video in one request.

    The video stays only on the first user message naming it (a question that attaches the same
    file again does not move the frames), so every question about it shares that prefix.
    """
    cancel = cancel or CancelToken()
    path = conversation_video(request)
    if Modality.VIDEO not in engine.capabilities:
        if request.messages and request.messages[-1].video is not None:
            raise CairnError(ErrorCode.UNSUPPORTED_INPUT, f"{engine.model_name} cannot see video")
        path = None  # the video is earlier in the conversation: answer from its text as before
    if path is None:
        yield from engine.generate(request, cancel=cancel)
        return
    frames = followup_frames(engine, path, progress, cancel)
    same = Path(path).resolve()
    first = next(
        i
        for i, m in enumerate(request.messages)
        if m.role == "user" and m.video is not None and Path(m.video).resolve() == same
    )
    messages = tuple(
        m if i == first or m.video is None else dataclasses.replace(m, video=None)
        for i, m in enumerate(request.messages)
    )
    yield from engine.generate(
        dataclasses.replace(request, messages=messages, video_frames=frames), cancel=cancel
    )
