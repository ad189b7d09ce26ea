"""Summaries of (and answers about) a video, streamed, with chapters a person can click.

A short clip (up to `short_clip_s`) is one request: the text plus at most `frames_per_call`
timestamped frames. A long video is cut into
segments of at most `frames_per_call` frames; each is described with timestamps (the notes are
kept, not streamed), then one text-only request merges the notes into the answer, which streams.
The answer's chapter lines ("mm:ss – Title: one line") are parsed into `Chapter` records.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..cancel import Cancelled, CancelToken
from ..engine import Engine
from ..errors import CairnError, ErrorCode
from ..records import (
    Chunk,
    FinishReason,
    GenerationRequest,
    GenParams,
    Message,
    Modality,
    Progress,
    VideoFrame,
)
from .chapters import format_timestamp, parse_chapters
from .probe import probe
from .sampling import DEFAULT_MAX_SIDE, sample_frames, thin_samples
from .types import Chapter, SampleResult

DEFAULT_MAX_FRAMES = 128
DEFAULT_FRAMES_PER_CALL = 32
DEFAULT_SHORT_CLIP_S = 120.0
SEGMENT_MAX_TOKENS = 320

CHAPTER_FORMAT = (
    "Then write a line 'Chapters:' and list the chapters in time order, one per line, exactly "
    "in this form:\nmm:ss – Title: one line saying what happens\n"
)


@dataclass(frozen=True)
class Segment:
    """A stretch of the video described in one request: [start, end) seconds and its frames."""

    start: float
    end: float
    frames: tuple[VideoFrame, ...]


@dataclass(frozen=True)
class SegmentNote:
    """What the model said about one segment (kept for the merge, and for display)."""

    start: float
    end: float
    frame_count: int
    text: str
    finish_reason: FinishReason | None


def plan_segments(samples: SampleResult, frames_per_call: int) -> tuple[Segment, ...]:
    """Consecutive segments tiling [0, duration), each with at most frames_per_call frames.

    Frames are shared out evenly by count; a boundary moves back to a scene start when one lies
    among the second half of a segment's frames
    (and the segments after it still fit), so segments tend to end at cuts.
    """
    if frames_per_call < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "frames_per_call must be at least 1")
    frames = list(samples.frames)
    duration = samples.info.duration_s
    if not frames:
        return ()
    count = math.ceil(len(frames) / frames_per_call)
    scene_starts = {s.start for s in samples.scenes}
    cuts = [0]
    for k in range(1, count):
        ideal = round(k * len(frames) / count)
        lowest = max(cuts[-1] + 1, ideal - max(1, (ideal - cuts[-1]) // 2))
        best = ideal
        for i in range(ideal, lowest - 1, -1):
            fits = len(frames) - i <= (count - k) * frames_per_call
            if fits and frames[i].t in scene_starts:
                best = i
                break
        cuts.append(best)
    cuts.append(len(frames))
    segments = []
    for k in range(count):
        group = tuple(frames[cuts[k] : cuts[k + 1]])
        start = 0.0 if k == 0 else group[0].t
        end = duration if k == count - 1 else frames[cuts[k + 1]].t
        segments.append(Segment(start, end, group))
    return tuple(segments)


def _times(frames) -> str:
    return ", ".join(format_timestamp(f.t) for f in frames)


def clip_prompt(duration_s: float, frames, question: str | None) -> str:
    head = (
        f"This video is {format_timestamp(duration_s)} long (mm:ss). Its frames were taken at "
        f"{_times(frames)}.\n"
    )
    if question:
        return head + f"{question}\nWhen you mention a moment, give its time as mm:ss."
    return head + "Summarize the video in a few sentences.\n" + CHAPTER_FORMAT


def segment_prompt(segment: Segment, duration_s: float, question: str | None) -> str:
    text = (
        f"These frames are from {format_timestamp(segment.start)} to "
        f"{format_timestamp(segment.end)} of a video that is {format_timestamp(duration_s)} long; "
        f"they were taken at {_times(segment.frames)}.\n"
        "Describe what happens in this part, in order, one short line per moment, each line "
        "starting with its time as mm:ss."
    )
    if question:
        text += f"\nNote anything that helps answer this question: {question}"
    return text


def merge_prompt(notes: list[SegmentNote], duration_s: float, question: str | None) -> str:
    parts = [
        f"Below are notes on consecutive parts of a video that is {format_timestamp(duration_s)}"
        " long. Times (mm:ss) count from the start of the video.\n"
    ]
    for note in notes:
        body = note.text.strip() or "(no description)"
        parts.append(f"[{format_timestamp(note.start)}–{format_timestamp(note.end)}]\n{body}\n")
    if question:
        parts.append(
            f"Using these notes, answer this question about the video: {question}\n"
            "When you mention a moment, give its time as mm:ss."
        )
    else:
        parts.append("Write a summary of the whole video in a few sentences.\n" + CHAPTER_FORMAT)
        parts.append("Use 3 to 8 chapters, with times taken from the notes.")
    return "\n".join(parts)


def _uniform_shapes(frames: tuple[VideoFrame, ...]) -> tuple[VideoFrame, ...]:
    """Engines stack the frames into one array: make every image the first one's size."""
    if not frames:
        return frames
    shape = getattr(frames[0].image, "shape", None)
    if shape is None or all(getattr(f.image, "shape", None) == shape for f in frames):
        return frames
    import cv2

    size = (shape[1], shape[0])
    return tuple(
        f
        if f.image.shape == shape
        else VideoFrame(f.t, f.index, cv2.resize(f.image, size, interpolation=cv2.INTER_AREA))
        for f in frames
    )


class VideoSummary:
    """Iterate for the answer's Chunks; afterwards `text`, `chapters`, `notes`, `samples`.

    Single use. Progress stages: "reading_frames", "describing_segment" (done=k, total=K),
    "writing_summary". A cancel ends the stream with a Chunk whose finish_reason is CANCELLED.
    """

    def __init__(
        self,
        engine: Engine,
        source: SampleResult | str | os.PathLike[str],
        *,
        question: str | None = None,
        params: GenParams = GenParams(),
        thinking: bool | None = False,
        progress: Callable[[Progress], None] | None = None,
        cancel: CancelToken | None = None,
        max_frames: int = DEFAULT_MAX_FRAMES,
        max_side: int = DEFAULT_MAX_SIDE,
        frames_per_call: int = DEFAULT_FRAMES_PER_CALL,
        short_clip_s: float = DEFAULT_SHORT_CLIP_S,
        segment_max_tokens: int = SEGMENT_MAX_TOKENS,
    ) -> None:
        if Modality.VIDEO not in engine.capabilities:
            raise CairnError(ErrorCode.UNSUPPORTED_INPUT, f"{engine.model_name} cannot see video")
        self.engine = engine
        self.source = source
        self.question = question.strip() if question and question.strip() else None
        self.params = params
        self.thinking = thinking
        self.progress = progress or (lambda p: None)
        self.cancel = cancel or CancelToken()
        self.max_frames = max_frames
        self.max_side = max_side
        self.frames_per_call = frames_per_call
        self.short_clip_s = short_clip_s
        self.segment_max_tokens = segment_max_tokens
        self.samples: SampleResult | None = None
        self.segments: tuple[Segment, ...] = ()
        self.notes: list[SegmentNote] = []
        self.text = ""
        self.final: Chunk | None = None
        self.requests = 0
        self._started = False

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        duration = self.samples.info.duration_s if self.samples else None
        return parse_chapters(self.text, duration_s=duration)

    def __iter__(self) -> Iterator[Chunk]:
        if self._started:
            raise RuntimeError("a VideoSummary can be iterated once")
        self._started = True
        return self._run()

    def _run(self) -> Iterator[Chunk]:
        started = time.perf_counter()
        totals = {"prompt": 0, "generation": 0, "peak": 0.0}
        try:
            self.samples = self._samples()
        except Cancelled:
            yield self._finish(Chunk(finish_reason=FinishReason.CANCELLED), totals, None)
            return
        duration = self.samples.info.duration_s
        if duration <= self.short_clip_s:  # a short clip is one request, however many scenes
            self.samples = thin_samples(self.samples, self.frames_per_call)
        self.segments = plan_segments(self.samples, self.frames_per_call)
        if len(self.segments) == 1:
            frames = _uniform_shapes(self.samples.frames)
            prompt = clip_prompt(duration, frames, self.question)
            request = GenerationRequest(
                messages=(Message("user", prompt),),
                params=self.params,
                thinking=self.thinking,
                video_frames=frames,
            )
        else:
            total = len(self.segments)
            self.progress(Progress("describing_segment", 0, total))
            for k, segment in enumerate(self.segments, start=1):
                note, last = self._describe(segment, duration)
                _add(totals, last)
                self.notes.append(note)
                self.progress(Progress("describing_segment", k, total))
                if last.finish_reason is FinishReason.CANCELLED or self.cancel.cancelled:
                    yield self._finish(Chunk(finish_reason=FinishReason.CANCELLED), totals, None)
                    return
            prompt = merge_prompt(self.notes, duration, self.question)
            request = GenerationRequest(
                messages=(Message("user", prompt),), params=self.params, thinking=self.thinking
            )
        self.progress(Progress("writing_summary"))
        self.requests += 1
        first_text = None
        pieces: list[str] = []
        last = Chunk(finish_reason=FinishReason.STOP)
        for chunk in self.engine.generate(request, cancel=self.cancel):
            if chunk.finish_reason is not None:
                last = chunk
                break
            if chunk.text:
                pieces.append(chunk.text)
                self.text = "".join(pieces)
                if first_text is None:
                    first_text = time.perf_counter() - started
            yield chunk
        _add(totals, last)
        yield self._finish(last, totals, first_text)

    def _samples(self) -> SampleResult:
        if isinstance(self.source, SampleResult):
            return self.source
        short = probe(self.source).duration_s <= self.short_clip_s
        return sample_frames(
            self.source,
            max_frames=min(self.max_frames, self.frames_per_call) if short else self.max_frames,
            max_side=self.max_side,
            progress=self.progress,
            cancel=self.cancel,
        )

    def _describe(self, segment: Segment, duration: float) -> tuple[SegmentNote, Chunk]:
        params = GenParams(
            max_tokens=min(self.params.max_tokens, self.segment_max_tokens),
            temperature=self.params.temperature,
            top_p=self.params.top_p,
            top_k=self.params.top_k,
            presence_penalty=self.params.presence_penalty,
            seed=self.params.seed,
        )
        request = GenerationRequest(
            messages=(Message("user", segment_prompt(segment, duration, self.question)),),
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
        note = SegmentNote(
            segment.start, segment.end, len(segment.frames), "".join(pieces), last.finish_reason
        )
        return note, last

    def _finish(self, last: Chunk, totals: dict, first_text: float | None) -> Chunk:
        """The stream's last chunk: the final call's finish and speeds, totals over all calls."""
        self.final = Chunk(
            finish_reason=last.finish_reason or FinishReason.STOP,
            prompt_tokens=totals["prompt"],
            generation_tokens=totals["generation"],
            ttft_s=first_text,
            prompt_tps=last.prompt_tps,
            generation_tps=last.generation_tps,
            peak_memory_mb=totals["peak"],
        )
        return self.final


def _add(totals: dict, chunk: Chunk) -> None:
    totals["prompt"] += chunk.prompt_tokens
    totals["generation"] += chunk.generation_tokens
    totals["peak"] = max(totals["peak"], chunk.peak_memory_mb)
