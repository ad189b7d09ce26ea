"""Frames handed out while the video is still being read: scene by scene, near-duplicates dropped.

`sample_frames` reads the whole video, then chooses; the model waits for all of it. Here the same
single pass (the readers of capture.py, the cut detector of scenes.py) closes each scene as the
next cut is found and hands out its frames at once, so a summary can describe the first minute
while the rest is decoded (`FrameProducer` runs the pass on a thread and fills a queue).

What a scene keeps:
  * its anchor: the time-grid frame nearest the scene's middle (the cut frame when no grid frame
    falls inside) - always for a scene of at least `min_scene_s`, so coverage is kept; a shorter
    scene only when it is not a near-duplicate of the frame before it;
  * other grid frames only when they differ from every frame kept in the scene by at least
    `duplicate_score` (the cut detector's score on 64x36 thumbnails): a slide, a talking head or a
    static shot gives one frame, a pan or a busy scene several.
A scene longer than FLUSH_S is handed out in parts, so one long shot cannot hold everything back.
"""

from __future__ import annotations

import math
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

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
from .sampling import DEFAULT_PROBE_FPS, _timestamp
from .scenes import DEFAULT_THRESHOLD, CutDetector, difference
from .types import SampleResult, Scene, VideoInfo

DUPLICATE_SCORE = 6.0  # below this, two frames show the same thing (a cut scores 30 and more)
MIN_SCENE_S = 1.0  # scenes at least this long always keep a frame
FLUSH_S = 30.0  # a scene still running after this long hands out what it has


@dataclass
class _Pick:
    t: float
    index: int
    thumb: object
    image: object
    grid: bool


@dataclass
class _Scene:
    start: float
    picks: list[_Pick] = field(default_factory=list)
    kept_thumbs: list = field(default_factory=list)  # of frames already handed out
    covered: bool = False
    flushed_at: float = -1.0  # when the scene last handed out frames (its start before that)

    def __post_init__(self) -> None:
        self.flushed_at = self.start


@dataclass
class StreamStats:
    """What the pass did, for the benchmark and the summary's record."""

    frames_read: int = 0
    candidates: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    thread_cpu_s: float = 0.0


def stream_frames(
    path,
    *,
    duration_hint_s: float,
    max_frames: int,
    max_side: int,
    min_scene_s: float = MIN_SCENE_S,
    duplicate_score: float = DUPLICATE_SCORE,
    scene_threshold: float = DEFAULT_THRESHOLD,
    probe_fps: float = DEFAULT_PROBE_FPS,
    decoder_threads: int | None = None,
    scenes_out: list[Scene] | None = None,
    stats: StreamStats | None = None,
    info_out: list[VideoInfo] | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancel: CancelToken | _Either | None = None,
) -> Iterator[VideoFrame]:
    """Yield chosen frames (RGB, long side <= max_side) in time order as scenes close.

    `max_frames` sets the time grid (duration / max_frames apart); near-duplicates are dropped
    from it and scene anchors added. Detected scenes go to `scenes_out` (the last one once the
    pass ends), the VideoInfo to `info_out`. Raises CairnError (VIDEO_*) or Cancelled.
    """
    if max_frames < 1 or max_side < 16:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "max_frames >= 1, max_side >= 16")
    stats = stats if stats is not None else StreamStats()
    scenes = scenes_out if scenes_out is not None else []
    started, cpu0 = time.perf_counter(), time.thread_time()
    resolved, stamp = check_file(path)
    reader, meta = open_reader(resolved, threads=decoder_threads)
    try:
        fps = meta.fps or FALLBACK_FPS
        stride = 1 if isinstance(reader, MjpegReader) else max(1, round(fps / probe_fps))
        interval = max(duration_hint_s, 1.0) / max_frames
        next_grid = interval / 2  # grid frames sit in the middle of their slots
        detector = CutDetector(scene_threshold)
        scene = _Scene(0.0)
        last_kept = None  # the thumbnail of the last frame handed out
        last_t, good_index, good_t, bad_run = -1.0, -1, 0.0, 0
        last_report = time.monotonic() - 1.0
        while reader.grab():
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            index = reader.index
            t = _timestamp(reader.pos_msec(), index, fps, last_t)
            last_t = t
            probed = index % stride == 0
            thumb = None
            if probed:
                thumb = reader.thumb()
                if thumb is None:
                    bad_run += 1
                    if bad_run > MAX_BAD_PACKETS:
                        break
                    continue
                bad_run = 0
                if index == 0:  # the first scene's fallback, like every later scene's cut frame
                    _pick(scene, reader, t, index, thumb, max_side, grid=False, stats=stats)
                if detector.update(thumb) and index > 0:
                    yield from _close(scene, t, last_kept, min_scene_s, duplicate_score, stats)
                    last_kept = _last_thumb(scene, last_kept)
                    scenes.append(Scene(scene.start, t))
                    scene = _Scene(t)
                    _pick(scene, reader, t, index, thumb, max_side, grid=False, stats=stats)
            good_index, good_t = index, t
            if t >= next_grid:
                if thumb is None:
                    thumb = reader.thumb()
                if thumb is not None:
                    if scene.picks and scene.picks[-1].index == index:
                        scene.picks[-1].grid = True
                    else:
                        _pick(scene, reader, t, index, thumb, max_side, grid=True, stats=stats)
                next_grid = (math.floor((t - interval / 2) / interval) + 1.5) * interval
            if t - scene.flushed_at >= FLUSH_S and scene.picks:
                scene.flushed_at = t
                yield from _flush(scene, last_kept, duplicate_score, stats)
                last_kept = _last_thumb(scene, last_kept)
            now = time.monotonic()
            if progress is not None and now - last_report >= 0.2:
                last_report = now
                total = meta.claimed_frames or None
                progress(Progress("reading_frames", index + 1, total, resolved.name))
        frames_read = good_index + 1
        duration = good_t + 1.0 / fps
        if frames_read > 0:
            yield from _close(scene, duration, last_kept, min_scene_s, duplicate_score, stats)
            scenes.append(Scene(scene.start, duration))
    finally:
        reader.release()
        stats.seconds = time.perf_counter() - started
        stats.thread_cpu_s = time.thread_time() - cpu0
    check_unchanged(resolved, stamp)
    stats.frames_read = frames_read
    if frames_read == 0:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{resolved.name}: no frame could be decoded")
    if info_out is not None:
        info_out.append(
            VideoInfo(resolved, duration, fps, meta.width, meta.height, frames_read, meta.codec)
        )


def _pick(scene: _Scene, reader, t, index, thumb, max_side, *, grid: bool, stats) -> None:
    image = reader.image(max_side)
    if image is not None:
        scene.picks.append(_Pick(t, index, thumb, image, grid))
        stats.candidates += 1


def _last_thumb(scene: _Scene, fallback):
    return scene.kept_thumbs[-1] if scene.kept_thumbs else fallback


def _distinct(thumb, others, score: float) -> bool:
    return all(other.shape != thumb.shape or difference(thumb, other) >= score for other in others)


def _close(scene: _Scene, end: float, last_kept, min_scene_s, score, stats) -> Iterator[VideoFrame]:
    """Hand out a finished scene's frames: its anchor (see the module docstring), then the rest."""
    if not scene.picks:
        return
    if not scene.covered:
        grid = [p for p in scene.picks if p.grid]
        middle = (scene.start + end) / 2
        anchor = min(grid, key=lambda p: abs(p.t - middle)) if grid else scene.picks[0]
        long_enough = end - scene.start >= min_scene_s
        if long_enough or last_kept is None or _distinct(anchor.thumb, [last_kept], score):
            scene.picks.remove(anchor)
            scene.picks.insert(0, anchor)
            scene.kept_thumbs.append(anchor.thumb)
            scene.covered = True
        else:
            stats.duplicates += 1
            scene.picks = []
            return
        chosen = [anchor]
        for p in scene.picks[1:]:
            if p.grid and _distinct(p.thumb, scene.kept_thumbs, score):
                chosen.append(p)
                scene.kept_thumbs.append(p.thumb)
            else:
                stats.duplicates += 1
        scene.picks = []
        for p in sorted(chosen, key=lambda p: p.t):
            yield VideoFrame(p.t, p.index, p.image)
        return
    yield from _flush(scene, last_kept, score, stats)


def _flush(scene: _Scene, last_kept, score, stats) -> Iterator[VideoFrame]:
    """Hand out the grid frames gathered so far in a long scene (the first one is its anchor)."""
    picks, scene.picks = [p for p in scene.picks if p.grid], []
    for p in picks:
        others = scene.kept_thumbs or ([last_kept] if last_kept is not None else [])
        if not scene.covered or _distinct(p.thumb, others, score):
            scene.covered = True
            scene.kept_thumbs.append(p.thumb)
            yield VideoFrame(p.t, p.index, p.image)
        else:
            stats.duplicates += 1


_END = object()


class _Either:
    """Cancelled when the caller's token is, or when the consumer stopped the producer."""

    def __init__(self, outer: CancelToken | None) -> None:
        self.outer = outer
        self.own = CancelToken()

    @property
    def cancelled(self) -> bool:
        return self.own.cancelled or (self.outer is not None and self.outer.cancelled)


class FrameProducer:
    """Runs `stream_frames` on its own thread; the consumer takes frames from a queue.

    `take(n)` blocks until n frames are there or the pass ended. After the end, `result()` gives
    a SampleResult of every frame handed out, with the scenes and the VideoInfo. An error in the
    pass (a bad file, a cancel) is raised again in the consumer by `take`. `stop()` ends the pass
    early (a consumer that gives up must call it, or the thread reads to the end of the file).
    """

    def __init__(self, path, *, cancel: CancelToken | None = None, **options) -> None:
        self._cancel = _Either(cancel)
        self.scenes: list[Scene] = []
        self.stats = StreamStats()
        self._info: list[VideoInfo] = []
        self._queue: queue.Queue = queue.Queue()
        self._frames: list[VideoFrame] = []
        self._error: BaseException | None = None
        self._done = False
        self._options = options
        self._path = path
        self._thread = threading.Thread(target=self._run, name="cairn-frames", daemon=True)

    def start(self) -> FrameProducer:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            for frame in stream_frames(
                self._path,
                scenes_out=self.scenes,
                stats=self.stats,
                info_out=self._info,
                cancel=self._cancel,
                **self._options,
            ):
                self._queue.put(frame)
        except BaseException as e:  # handed to the consumer, which raises it
            self._queue.put(e)
        finally:
            self._queue.put(_END)

    def take(self, n: int) -> list[VideoFrame]:
        """Up to n frames: fewer only when the pass has ended."""
        out: list[VideoFrame] = []
        while len(out) < n and not self._done:
            item = self._queue.get()
            if item is _END:
                self._done = True
            elif isinstance(item, BaseException):
                self._error = item
            else:
                out.append(item)
        if self._error is not None and self._done:
            raise self._error
        self._frames.extend(out)
        return out

    @property
    def done(self) -> bool:
        return self._done

    def stop(self, timeout: float | None = 10.0) -> None:
        self._cancel.own.cancel()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def result(self) -> SampleResult:
        """Everything handed out so far, with the scenes found (complete once `done`)."""
        if self._info:
            info = self._info[0]
        else:
            info = VideoInfo(self._path, 0.0, 0.0, 0, 0, 0)
        return SampleResult(tuple(self._frames), tuple(self.scenes), info)
