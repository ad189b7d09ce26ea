"""The summary the user watches arrive: chapters stream out segment by segment, within a budget.

VideoSummary (summary.py) reads the whole video, describes every segment into hidden notes and
only then streams a merged answer: the user sees nothing for minutes. Here:

  1. the engine's speed (budget.measure_speed, once per engine) and the video's length give a
     Budget: frames on the time grid, their size, segment sizes, the length of each segment's
     chapter lines ("quick" or "detailed");
  2. a FrameProducer (stream_sampling.py) reads the video on its own thread and hands out frames
     scene by scene, near-duplicates dropped, every scene of a second or more covered;
  3. segments are described while the rest is still being read: the first one small, so the first
     chapter comes early; each answer's chapter lines ("mm:ss – Title: one line") are checked
     against the segment's times and streamed at once (a segment whose answer has no usable line
     still gets one chapter, at its first frame, titled from the answer's first line);
  4. one text-only request turns the chapter list into a short summary, which streams last.

With a question, the segments keep notes for the question (nothing streams) and the answer streams
at the end, as in VideoSummary. A short clip is still one request. Frames go to the engine as
video (llama.cpp and MLX both fold them two by two into Qwen's temporal patches), segments hold
an even number of frames so no frame pays for a pair alone.

About 400 lines in one module: the steps share one summary's state (frames taken, chapters
streamed, totals) and read best together.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..cancel import Cancelled, CancelToken
from ..engine import Engine
from ..errors import CairnError, ErrorCode
from ..records import Chunk, FinishReason, GenerationRequest, GenParams, Message, Modality, Progress
from .budget import (
    CHAPTER_TOKENS,
    DEFAULT_DETAIL,
    Budget,
    EngineSpeed,
    check_detail,
    measure_speed,
    plan_budget,
    record_speed,
)
from .chapters import format_timestamp, parse_chapters
from .probe import probe
from .sampling import thin_samples
from .stream_sampling import FrameProducer
from .summary import (
    DEFAULT_SHORT_CLIP_S,
    Segment,
    SegmentNote,
    VideoSummary,
    _uniform_shapes,
    clip_prompt,
    merge_prompt,
    segment_prompt,
)
from .types import Chapter, SampleResult

TITLE_CHARS = 60


def chapter_prompt(segment: Segment, duration_s: float, count: int) -> str:
    """The frames' own times are not listed: both engines put Qwen's "<t seconds>" marker before
    every frame pair of the video input, and every token of a segment's prompt is paid for."""
    return (
        f"These frames are from {format_timestamp(segment.start)} to "
        f"{format_timestamp(segment.end)} of a {format_timestamp(duration_s)} video (mm:ss). "
        f"Split this part into 1 to {count} chapters where the picture changes, in time order, "
        "one line each and nothing else:\nmm:ss – Title: one line saying what happens"
    )


def closing_prompt(chapters: list[Chapter], duration_s: float) -> str:
    lines = "\n".join(f"{format_timestamp(c.t)} – {c.title}: {c.line}" for c in chapters)
    return (
        f"These are the chapters of a video that is {format_timestamp(duration_s)} long:\n"
        f"{lines}\nWrite a summary of the whole video in a few sentences."
    )


def segment_chapters(text: str, segment: Segment, after: float, index: int) -> tuple[Chapter, ...]:
    """The usable chapter lines of a segment's answer: inside the segment, after `after`; the
    video's first chapter starts at 00:00.

    None usable: one chapter at the segment's first frame, titled from the answer's first line.
    """
    latest = segment.end + 1.0
    found = [c for c in parse_chapters(text) if segment.start - 1.0 <= c.t <= latest]
    found = [c for c in found if c.t > after]
    if found:
        if index == 0:  # chapters start where the video does
            found[0] = replace(found[0], t=0.0)
        return tuple(found)
    t = 0.0 if index == 0 else float(int(segment.frames[0].t if segment.frames else segment.start))
    t = max(t, float(int(after)) + 1.0) if after >= 0 else t
    words = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = "".join(ch for ch in words if ch.isprintable())
    title = words[:TITLE_CHARS].strip() or f"Part {index + 1}"
    return (Chapter(t, title, ""),)


def chapter_line(c: Chapter) -> str:
    return f"{format_timestamp(c.t)} – {c.title}" + (f": {c.line}" if c.line else "") + "\n"


class LiveSummary:
    """Iterate for the answer's Chunks; afterwards `text`, `chapters`, `notes`, `samples`, `budget`.

    Single use, like VideoSummary. Progress stages: "measuring_speed", "reading_frames",
    "describing_segment" (done=k, total unknown until the video is read), "writing_summary".
    A cancel ends the stream with a CANCELLED chunk; the chapters streamed so far stay.
    """

    def __init__(
        self,
        engine: Engine,
        source: SampleResult | str | os.PathLike[str],
        *,
        detail: str = DEFAULT_DETAIL,
        question: str | None = None,
        params: GenParams = GenParams(),
        thinking: bool | None = False,
        progress: Callable[[Progress], None] | None = None,
        cancel: CancelToken | None = None,
        max_frames: int | None = None,
        short_clip_s: float = DEFAULT_SHORT_CLIP_S,
        speed: EngineSpeed | None = None,
        budget: Budget | None = None,
        decoder_threads: int | None = None,
    ) -> None:
        if Modality.VIDEO not in engine.capabilities:
            raise CairnError(ErrorCode.UNSUPPORTED_INPUT, f"{engine.model_name} cannot see video")
        self.engine = engine
        self.source = source
        self.detail = detail
        self.question = question.strip() if question and question.strip() else None
        self.params = params
        self.thinking = thinking
        self.progress = progress or (lambda p: None)
        self.cancel = cancel or CancelToken()
        self.max_frames = max_frames
        self.short_clip_s = short_clip_s
        self.speed = speed
        self.budget = budget
        self.decoder_threads = decoder_threads
        self.samples: SampleResult | None = None
        self.segments: tuple[Segment, ...] = ()
        self.notes: list[SegmentNote] = []
        self.streamed_chapters: list[Chapter] = []
        self.text = ""
        self.final: Chunk | None = None
        self.requests = 0
        self.producer: FrameProducer | None = None
        self._started = False
        self._totals = _Totals()
        self._started_at = 0.0

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        duration = self.samples.info.duration_s if self.samples else None
        return parse_chapters(self.text, duration_s=duration)

    def __iter__(self) -> Iterator[Chunk]:
        if self._started:
            raise RuntimeError("a LiveSummary can be iterated once")
        self._started = True
        return self._run()

    # -- the pipeline ----------------------------------------------------------------------------

    def _run(self) -> Iterator[Chunk]:
        started = time.perf_counter()
        self._totals, self._started_at = _Totals(), started
        try:
            yield from self._body()
        except Cancelled:
            yield self._finish(Chunk(finish_reason=FinishReason.CANCELLED))
        finally:
            if self.producer is not None:
                self.producer.stop()

    def _plan(self, width: int, height: int, duration: float) -> Budget:
        if self.budget is None:
            if self.speed is None:
                self.progress(Progress("measuring_speed"))
                self.speed = measure_speed(self.engine, self.cancel)
            self.budget = plan_budget(duration, width, height, self.speed, self.detail)
        if self.max_frames is not None and self.max_frames < self.budget.max_frames:
            self.budget = replace(self.budget, max_frames=max(1, self.max_frames))
        return self.budget

    def _body(self) -> Iterator[Chunk]:
        if isinstance(self.source, SampleResult):
            info = self.source.info
        else:
            info = probe(self.source)
        budget = self._plan(info.width, info.height, info.duration_s)
        self.cancel.raise_if_cancelled()
        take: _ListTaker | FrameProducer
        if isinstance(self.source, SampleResult):
            take = _ListTaker(self.source)
        else:
            self.producer = FrameProducer(
                self.source,
                cancel=self.cancel,
                duration_hint_s=info.duration_s,
                max_frames=budget.max_frames,
                max_side=budget.max_side,
                decoder_threads=self.decoder_threads,
            ).start()
            take = self.producer
        duration = info.duration_s
        if duration <= self.short_clip_s:
            yield from self._short_clip(take, duration, budget)
            return
        yield from self._segments(take, duration, budget)

    def _short_clip(self, take, duration: float, budget: Budget) -> Iterator[Chunk]:
        self.progress(Progress("reading_frames"))
        take.take(1 << 30)
        self.samples = thin_samples(take.result(), budget.frames_per_call)
        frames = _uniform_shapes(self.samples.frames)
        self.segments = (Segment(0.0, duration, frames),)
        request = GenerationRequest(
            messages=(Message("user", clip_prompt(duration, frames, self.question)),),
            params=self.params,
            thinking=self.thinking,
            video_frames=frames,
        )
        self.progress(Progress("writing_summary"))
        yield from self._stream_answer(request, prefix="")

    def _segments(self, take, duration: float, budget: Budget) -> Iterator[Chunk]:
        segments: list[Segment] = []
        size = budget.first_call_frames
        start = 0.0
        self.progress(Progress("reading_frames"))
        while True:
            self.cancel.raise_if_cancelled()
            frames = take.take(size)
            if len(frames) % 2 and not take.done:  # pairs: no frame alone in a temporal patch
                frames += take.take(1)
            if not frames:
                break
            segment = Segment(start, max(frames[-1].t, start), tuple(frames))
            k = len(segments)
            self.progress(Progress("describing_segment", k, None))
            text, last = self._describe(segment, duration, budget)
            segments.append(segment)
            self.segments = tuple(segments)
            if self.question is None:
                after = self.streamed_chapters[-1].t if self.streamed_chapters else -1.0
                new = segment_chapters(text, segment, after, k)
                self.streamed_chapters.extend(new)
                lines = ("Chapters:\n" if k == 0 else "") + "".join(chapter_line(c) for c in new)
                yield self._text(lines)
            self.notes.append(
                SegmentNote(segment.start, segment.end, len(frames), text, last.finish_reason)
            )
            self.progress(Progress("describing_segment", k + 1, None))
            if last.finish_reason is FinishReason.CANCELLED or self.cancel.cancelled:
                raise Cancelled()
            start = frames[-1].t
            size = budget.frames_per_call
        self.samples = take.result()
        if not segments:
            raise CairnError(ErrorCode.VIDEO_UNREADABLE, "no frame could be decoded")
        tiled = [
            replace(s, end=(segments[i + 1].frames[0].t if i + 1 < len(segments) else duration))
            for i, s in enumerate(segments)
        ]
        for i in range(1, len(tiled)):
            tiled[i] = replace(tiled[i], start=tiled[i - 1].end)
        self.segments = tuple(tiled)
        self.notes = [
            replace(n, start=s.start, end=s.end) for n, s in zip(self.notes, tiled, strict=True)
        ]
        if self.question is None:
            prompt = closing_prompt(self.streamed_chapters, duration)
            prefix = "\nSummary: "
        else:
            prompt = merge_prompt(self.notes, duration, self.question)
            prefix = ""
        request = GenerationRequest(
            messages=(Message("user", prompt),), params=self.params, thinking=self.thinking
        )
        self.progress(Progress("writing_summary"))
        yield from self._stream_answer(request, prefix=prefix)

    def _describe(self, segment: Segment, duration: float, budget: Budget):
        if self.question is None:
            prompt = chapter_prompt(
                segment, duration, max(1, budget.chapter_max_tokens // CHAPTER_TOKENS)
            )
        else:
            prompt = segment_prompt(segment, duration, self.question)
        params = replace(
            self.params, max_tokens=min(self.params.max_tokens, budget.chapter_max_tokens)
        )
        request = GenerationRequest(
            messages=(Message("user", prompt),),
            params=params,
            thinking=False,
            video_frames=_uniform_shapes(segment.frames),
        )
        self.requests += 1
        pieces: list[str] = []
        last = Chunk(finish_reason=FinishReason.STOP)
        for chunk in self.engine.generate(request, cancel=self.cancel):
            pieces.append(chunk.text)
            if chunk.finish_reason is not None:
                last = chunk
        self._add(last)
        if last.prompt_tps and last.generation_tps:
            record_speed(
                self.engine,
                last.prompt_tokens,
                last.prompt_tokens / last.prompt_tps,
                last.generation_tokens,
                (last.generation_tokens - 1) / last.generation_tps,
            )
        return "".join(pieces), last

    def _stream_answer(self, request: GenerationRequest, prefix: str) -> Iterator[Chunk]:
        self.requests += 1
        last = Chunk(finish_reason=FinishReason.STOP)
        first = True
        for chunk in self.engine.generate(request, cancel=self.cancel):
            if chunk.finish_reason is not None:
                last = chunk
                break
            if chunk.text and first:
                chunk = replace(chunk, text=chunk.text.lstrip())
                if prefix:
                    yield self._text(prefix)
            if chunk.text:
                first = False
                self.text += chunk.text
                self._first_text()
            yield chunk
        self._add(last)
        if self.samples is None and isinstance(self.source, SampleResult):
            self.samples = self.source
        yield self._finish(last)

    # -- bookkeeping -----------------------------------------------------------------------------

    def _text(self, text: str) -> Chunk:
        self.text += text
        self._first_text()
        return Chunk(text=text)

    def _first_text(self) -> None:
        if self._totals.first is None:
            self._totals.first = time.perf_counter() - self._started_at

    def _add(self, chunk: Chunk) -> None:
        self._totals.prompt += chunk.prompt_tokens
        self._totals.generation += chunk.generation_tokens
        self._totals.peak = max(self._totals.peak, chunk.peak_memory_mb)

    def _finish(self, last: Chunk) -> Chunk:
        if self.samples is None and self.producer is not None:
            self.samples = self.producer.result()
        t = self._totals
        self.final = Chunk(
            finish_reason=last.finish_reason or FinishReason.STOP,
            prompt_tokens=t.prompt,
            generation_tokens=t.generation,
            ttft_s=t.first,
            prompt_tps=last.prompt_tps,
            generation_tps=last.generation_tps,
            peak_memory_mb=t.peak,
        )
        return self.final


@dataclass
class _Totals:
    """Sums over every request of one summary (the last chunk reports them)."""

    prompt: int = 0
    generation: int = 0
    peak: float = 0.0
    first: float | None = None  # seconds to the first text the caller saw


class _ListTaker:
    """FrameProducer's take / done / result over frames sampled beforehand."""

    def __init__(self, samples: SampleResult) -> None:
        self._samples = samples
        self._next = 0

    @property
    def done(self) -> bool:
        return self._next >= len(self._samples.frames)

    def take(self, n: int) -> list:
        out = list(self._samples.frames[self._next : self._next + n])
        self._next += len(out)
        return out

    def result(self) -> SampleResult:
        return self._samples


def summarize(engine: Engine, path_or_samples, *, detail: str | None = None, **options):
    """Summarize (or, with question=..., answer about) a video; iterate the result for Chunks.

    With `detail` ("quick" or "detailed") the summary streams its chapters segment by segment
    within a time budget (LiveSummary: question, params, thinking, progress, cancel, max_frames,
    short_clip_s, speed, budget, decoder_threads). Without it, the whole video is read and
    described first and the merged answer streams at the end (summary.VideoSummary: question,
    params, thinking, progress, cancel, max_frames, max_side, frames_per_call, short_clip_s,
    segment_max_tokens); bench/video_e2e.py keeps it as its "before".
    """
    if detail is not None:
        return LiveSummary(engine, path_or_samples, detail=check_detail(detail), **options)
    return VideoSummary(engine, path_or_samples, **options)
