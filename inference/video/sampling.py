"""Choosing the frames a model sees: uniform in time, plus one in every scene, capped.

One sequential pass, whatever the container claims: frames are read until the stream ends (a
truncated file or a lying frame count cannot make it loop or stop early). Every frame of a
Motion-JPEG file, or `probe_fps` frames a second of codecs that must be fully decoded anyway,
becomes a tiny thumbnail for cut detection; only the frames kept are converted to RGB and downscaled, at the
moment they are read. The number of frames held is bounded (about 2 x max_frames small images), so
memory stays flat however long the video is.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..cancel import Cancelled, CancelToken
from ..errors import CairnError, ErrorCode
from ..records import Progress, VideoFrame
from .capture import (
    FALLBACK_FPS,
    MAX_BAD_PACKETS,
    MjpegReader,
    check_file,
    check_unchanged,
    open_reader,
)
from .scenes import DEFAULT_THRESHOLD, CutDetector
from .types import SampleResult, Scene, VideoInfo

DEFAULT_MAX_FRAMES = 256
DEFAULT_MAX_SIDE = 448
DEFAULT_PROBE_FPS = 10.0  # cut checks per second when every frame must be fully decoded
MAX_TIMESTAMP_JUMP_S = 10.0  # larger jumps between consecutive frames are treated as broken
NEAR_DUPLICATE_S = 0.25  # a cut frame this close to a uniform frame of its scene adds nothing

ProgressFn = Callable[[Progress], None]


@dataclass
class _Candidate:
    t: float
    index: int
    scene: int
    uniform: bool  # False: taken at a cut
    image: Any = None  # the RGB array once read; None while only planning


@dataclass
class _Pass:
    """Mutable state of one sampling pass."""

    interval: float
    max_frames: int
    candidates: list[_Candidate] = field(default_factory=list)
    scene_starts: list[float] = field(default_factory=lambda: [0.0])
    next_uniform: float = 0.0
    uniform_slot: int = 0

    def bound_memory(self) -> None:
        """Keep at most 2 x max_frames candidates: first widen the uniform grid, then thin cuts."""
        while len(self.candidates) > 2 * self.max_frames:
            if not self._thin(lambda c: c.uniform):
                if not self._thin(lambda c: not c.uniform):
                    self._thin(lambda c: True, keep_sole=False)
            self.interval *= 2

    def _thin(self, eligible, keep_sole: bool = True) -> bool:
        per_scene: dict[int, int] = {}
        for c in self.candidates:
            per_scene[c.scene] = per_scene.get(c.scene, 0) + 1
        kept: list[_Candidate] = []
        flip = False
        removed = False
        for c in self.candidates:
            if eligible(c) and (not keep_sole or per_scene[c.scene] > 1):
                flip = not flip
                if not flip:
                    per_scene[c.scene] -= 1
                    removed = True
                    continue
            kept.append(c)
        self.candidates = kept
        return removed


def sample_frames(
    path,
    *,
    max_fps: float = 2.0,
    max_frames: int = DEFAULT_MAX_FRAMES,
    max_side: int = DEFAULT_MAX_SIDE,
    scene_threshold: float = DEFAULT_THRESHOLD,
    probe_fps: float = DEFAULT_PROBE_FPS,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> SampleResult:
    """Frames (RGB uint8, long side <= max_side) with their times, and the detected scenes.

    Uniform frames at most `max_fps` per second (spread wider on long videos so the total fits),
    plus a frame at each cut; at most `max_frames` in all, keeping at least one frame inside every
    scene while the cap allows. Raises CairnError (VIDEO_*) or Cancelled.
    """
    return _scan(
        path,
        max_fps=max_fps,
        max_frames=max_frames,
        max_side=max_side,
        scene_threshold=scene_threshold,
        probe_fps=probe_fps,
        keep_images=True,
        progress=progress,
        cancel=cancel,
    )


def plan_frames(
    path,
    *,
    max_fps: float = 2.0,
    max_frames: int = DEFAULT_MAX_FRAMES,
    scene_threshold: float = DEFAULT_THRESHOLD,
    probe_fps: float = DEFAULT_PROBE_FPS,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> SampleResult:
    """The same choice as `sample_frames` without keeping images (frames carry image=None)."""
    return _scan(
        path,
        max_fps=max_fps,
        max_frames=max_frames,
        max_side=DEFAULT_MAX_SIDE,
        scene_threshold=scene_threshold,
        probe_fps=probe_fps,
        keep_images=False,
        progress=progress,
        cancel=cancel,
    )


def _scan(
    path,
    *,
    max_fps: float,
    max_frames: int,
    max_side: int,
    scene_threshold: float,
    probe_fps: float,
    keep_images: bool,
    progress: ProgressFn | None,
    cancel: CancelToken | None,
) -> SampleResult:
    if max_fps <= 0 or max_frames < 1 or max_side < 16:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "max_fps > 0, max_frames >= 1, max_side >= 16")
    resolved, stamp = check_file(path)
    reader, meta = open_reader(resolved)
    try:
        fps = meta.fps or FALLBACK_FPS
        # Cheap readers look at every frame; decoding ones at probe_fps (cuts found to 1/probe_fps).
        stride = 1 if isinstance(reader, MjpegReader) else max(1, round(fps / probe_fps))
        estimate = meta.claimed_frames / fps if meta.claimed_frames else 0.0
        state = _Pass(interval=max(1.0 / max_fps, estimate / max_frames), max_frames=max_frames)
        detector = CutDetector(scene_threshold)
        last_t = -1.0
        good_index, good_t = -1, 0.0  # the last frame known to decode
        bad_run = 0
        started = time.monotonic()
        last_report = started - 1.0  # report the first frame at once
        while reader.grab():
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            index = reader.index
            t = _timestamp(reader.pos_msec(), index, fps, last_t)
            last_t = t
            if index % stride == 0:
                thumb = reader.thumb()
                if thumb is None:
                    bad_run += 1
                    if bad_run > MAX_BAD_PACKETS:
                        break
                    continue
                bad_run = 0
                if detector.update(thumb):
                    state.scene_starts.append(t)
                    _take(state, reader, t, index, False, keep_images, max_side)
            good_index, good_t = index, t
            if t >= state.next_uniform:
                last = state.candidates[-1] if state.candidates else None
                if last is not None and last.index == index:
                    last.uniform = True  # the cut frame is also the uniform one
                else:
                    _take(state, reader, t, index, True, keep_images, max_side)
                state.uniform_slot = math.floor(t / state.interval) + 1
                state.next_uniform = state.uniform_slot * state.interval
            state.bound_memory()
            now = time.monotonic()
            if progress is not None and now - last_report >= 0.2:
                last_report = now
                total = meta.claimed_frames if meta.claimed_frames else None
                rate = (index + 1) / max(now - started, 1e-6)
                progress(Progress("reading_frames", index + 1, total, resolved.name, rate=rate))
        frames_read = good_index + 1
    finally:
        reader.release()
    check_unchanged(resolved, stamp)
    if frames_read == 0 or not state.candidates:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{resolved.name}: no frame could be decoded")
    duration = good_t + 1.0 / fps
    scenes = tuple(
        Scene(start, end)
        for start, end in zip(state.scene_starts, state.scene_starts[1:] + [duration], strict=True)
    )
    chosen = select_frames(state.candidates, scenes, max_frames)
    info = VideoInfo(
        path=resolved,
        duration_s=duration,
        fps=fps,
        width=meta.width,
        height=meta.height,
        frame_count=frames_read,
        codec=meta.codec,
    )
    if progress is not None:
        progress(Progress("reading_frames", frames_read, frames_read, resolved.name))
    frames = tuple(VideoFrame(t=c.t, index=c.index, image=c.image) for c in chosen)
    return SampleResult(frames=frames, scenes=scenes, info=info)


def _timestamp(pos_msec: float, index: int, fps: float, last_t: float) -> float:
    """The container's time when it is sane (finite, increasing, no wild jump), else counted."""
    t = round(pos_msec / 1000.0, 6)  # microseconds: 33566.666.../1000 must not fall before 1007/30
    if index == 0:
        return t if math.isfinite(t) and 0.0 <= t <= MAX_TIMESTAMP_JUMP_S else 0.0
    if math.isfinite(t) and last_t < t <= last_t + MAX_TIMESTAMP_JUMP_S:
        return t
    return last_t + 1.0 / fps


def _take(state: _Pass, reader, t, index, uniform, keep_images, max_side) -> None:
    image = None
    if keep_images:
        image = reader.image(max_side)
        if image is None:
            return
    scene = len(state.scene_starts) - 1
    state.candidates.append(_Candidate(t, index, scene, uniform, image))


def select_frames(
    candidates: list[_Candidate], scenes: tuple[Scene, ...], max_frames: int
) -> list[_Candidate]:
    """At most max_frames, time ordered: one per scene first, then the rest spread evenly.

    A scene's own frame is its uniform frame nearest the scene's middle, else its cut frame.
    Cut frames within NEAR_DUPLICATE_S of a uniform frame of the same scene are dropped.
    """
    by_scene: dict[int, list[_Candidate]] = {}
    for c in candidates:
        by_scene.setdefault(c.scene, []).append(c)
    mandatory: list[_Candidate] = []
    rest: list[_Candidate] = []
    for scene_id, group in by_scene.items():
        uniform = [c for c in group if c.uniform]
        if uniform and scene_id < len(scenes):
            middle = (scenes[scene_id].start + scenes[scene_id].end) / 2
            anchor = min(uniform, key=lambda c: abs(c.t - middle))
        else:
            anchor = uniform[0] if uniform else group[0]
        mandatory.append(anchor)
        for c in group:
            if c is anchor:
                continue
            if not c.uniform and any(abs(u.t - c.t) < NEAR_DUPLICATE_S for u in uniform):
                continue
            rest.append(c)
    if len(mandatory) >= max_frames:
        chosen = _spread(sorted(mandatory, key=lambda c: c.t), max_frames)
    else:
        chosen = mandatory + _spread(sorted(rest, key=lambda c: c.t), max_frames - len(mandatory))
    return sorted(chosen, key=lambda c: c.t)


def _spread(items: list, count: int) -> list:
    """`count` items evenly spread over `items` (all of them if there are fewer)."""
    if count <= 0:
        return []
    if len(items) <= count:
        return list(items)
    if count == 1:
        return [items[len(items) // 2]]
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


def thin_samples(samples: SampleResult, max_frames: int) -> SampleResult:
    """The same samples with at most max_frames frames: one per scene first, then spread."""
    if len(samples.frames) <= max_frames:
        return samples
    candidates = []
    for f in samples.frames:
        scene = next((k for k, s in enumerate(samples.scenes) if s.contains(f.t)), 0)
        candidates.append(_Candidate(f.t, f.index, scene, True, f.image))
    chosen = select_frames(candidates, samples.scenes, max_frames)
    frames = tuple(VideoFrame(t=c.t, index=c.index, image=c.image) for c in chosen)
    return SampleResult(frames=frames, scenes=samples.scenes, info=samples.info)
