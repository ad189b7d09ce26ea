"""The summary pipeline's logic (segments, merge, chapters, progress, cancel) on a fake engine.

The fake only stands in for the model: it answers from what it was given (frame times, the
notes in the merge prompt), so every assertion checks what the pipeline sent and did with it.
The same pipeline through the real MLX engine is in test_e2e_mlx.py.
"""

from __future__ import annotations

import re

import pytest

from inference.cancel import CancelToken
from inference.errors import CairnError, ErrorCode
from inference.records import Chunk, FinishReason, GenParams, Modality
from inference.video import (
    format_timestamp,
    parse_chapters,
    parse_timestamp,
    plan_segments,
    sample_frames,
    summarize,
)

from .conftest import write_video

pytestmark = pytest.mark.timeout(60)


class FakeEngine:
    name = "fake"
    device = "cpu"
    model_name = "fake-vlm"

    def __init__(self, capabilities=frozenset(Modality)) -> None:
        self.capabilities = capabilities
        self.requests = []

    def generate(self, request, *, cancel):
        self.requests.append(request)
        prompt = request.messages[-1].content
        if request.video_frames:  # describe: one line per frame, from the frames' own times
            text = "".join(
                f"{format_timestamp(f.t)} colour {int(f.image.mean())}\n"
                for f in request.video_frames
            )
        else:  # merge: one chapter per note header found in the prompt
            heads = re.findall(r"^\[(\d\d:\d\d)–(\d\d:\d\d)\]$", prompt, re.M)
            text = "The video shows colours.\nChapters:\n" + "".join(
                f"{a} – Part {k}: from {a} to {b}\n" for k, (a, b) in enumerate(heads, 1)
            )
        for word in re.findall(r"\S+\s*", text):
            if cancel.cancelled:
                yield Chunk(finish_reason=FinishReason.CANCELLED, prompt_tokens=len(prompt) // 4)
                return
            yield Chunk(text=word)
        yield Chunk(
            finish_reason=FinishReason.STOP,
            prompt_tokens=len(prompt) // 4,
            generation_tokens=len(text.split()),
            prompt_tps=100.0,
            generation_tps=10.0,
            peak_memory_mb=50.0,
        )

    def close(self):
        pass


@pytest.fixture(scope="module")
def long_samples(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "long.avi"
    scenes = [(s, c) for s, c in zip((9.0, 4.0, 12.0, 0.6, 8.0, 6.4), _colours(6), strict=True)]
    write_video(path, scenes, fps=10, size=(160, 120))
    return sample_frames(path, max_frames=40)


def _colours(n):
    return [((k * 97) % 256, (k * 53 + 80) % 256, (k * 151 + 40) % 256) for k in range(n)]


def test_short_clip_is_one_request(mjpg_avi):
    engine = FakeEngine()
    stages = []
    samples = sample_frames(mjpg_avi[0])
    summary = summarize(engine, samples, params=GenParams(max_tokens=99), progress=stages.append)
    chunks = list(summary)
    assert len(engine.requests) == 1
    request = engine.requests[0]
    assert request.video_frames == samples.frames
    assert request.params.max_tokens == 99
    prompt = request.messages[-1].content
    assert request.messages[-1].role == "user" and "mm:ss – Title: one line" in prompt
    assert format_timestamp(samples.frames[-1].t) in prompt
    assert sum(1 for c in chunks if c.text) > 3, "the answer streams"
    assert chunks[-1].finish_reason is FinishReason.STOP
    assert all(c.finish_reason is None for c in chunks[:-1])
    assert summary.text.startswith("00:00 colour")
    assert [s.stage for s in stages][-1] == "writing_summary"
    assert stages[0].stage == "reading_frames" or len(stages) == 1


def test_long_video_segments_then_merge(long_samples):
    engine = FakeEngine()
    stages = []
    summary = summarize(
        engine, long_samples, frames_per_call=8, short_clip_s=10, progress=stages.append
    )
    chunks = list(summary)
    segments = summary.segments
    k = len(segments)
    assert k == 5 and len(engine.requests) == k + 1
    duration = long_samples.info.duration_s
    assert segments[0].start == 0 and segments[-1].end == pytest.approx(duration)
    for a, b in zip(segments, segments[1:], strict=False):
        assert a.end == b.start
    for segment, request in zip(segments, engine.requests, strict=False):
        assert 1 <= len(request.video_frames) <= 8
        assert all(segment.start <= f.t < segment.end for f in request.video_frames)
        assert request.thinking is False
        assert request.params.max_tokens <= 320
    merge = engine.requests[-1]
    assert merge.video_frames == ()
    for note in summary.notes:  # every segment's description reaches the merge
        assert note.text.strip() and note.text.strip() in merge.messages[-1].content
    # Chunks stream only from the merge; chapters come from its text.
    assert "".join(c.text for c in chunks) == summary.text
    assert [c.title for c in summary.chapters] == [f"Part {i}" for i in range(1, k + 1)]
    assert [c.t for c in summary.chapters] == [float(int(s.start)) for s in segments]
    described = [s.done for s in stages if s.stage == "describing_segment"]
    assert described == list(range(k + 1))
    assert stages[-1].stage == "writing_summary"
    final = chunks[-1]
    assert final.finish_reason is FinishReason.STOP
    assert final.prompt_tokens == sum(len(r.messages[-1].content) // 4 for r in engine.requests)
    assert final.ttft_s is not None and final.peak_memory_mb == 50.0


def test_short_clip_with_many_frames_is_still_one_request(long_samples):
    """40 s is short by default: the 40 samples are thinned to 8, one in every scene."""
    engine = FakeEngine()
    summary = summarize(engine, long_samples, frames_per_call=8)
    list(summary)
    assert len(engine.requests) == 1
    frames = engine.requests[0].video_frames
    assert len(frames) == 8
    for scene in long_samples.scenes:
        assert any(scene.contains(f.t) for f in frames)


def test_segments_end_at_cuts(long_samples):
    # 40 frames in 4 segments of at most 12: room to move boundaries back to cuts.
    segments = plan_segments(long_samples, frames_per_call=12)
    assert len(segments) == 4
    # The even split would start segment 2 at frame 10 (t=11 s); the cut at 9 s is taken instead.
    assert long_samples.frames[10].t == 11.0 and long_samples.scenes[1].start == 9.0
    assert [s.start for s in segments[:2]] == [0.0, 9.0]
    assert sum(len(s.frames) for s in segments) == len(long_samples.frames)
    assert all(len(s.frames) <= 12 for s in segments)


def test_question_reaches_every_prompt(long_samples, mjpg_avi):
    engine = FakeEngine()
    list(
        summarize(
            engine, long_samples, question="When is it blue?", frames_per_call=8, short_clip_s=10
        )
    )
    assert all("When is it blue?" in r.messages[-1].content for r in engine.requests)
    assert "Chapters:" not in engine.requests[-1].messages[-1].content
    engine = FakeEngine()
    list(summarize(engine, sample_frames(mjpg_avi[0]), question="When does the car appear?"))
    assert engine.requests[0].messages[-1].content.count("When does the car appear?") == 1


def test_cancel_between_segments_skips_the_merge(long_samples):
    engine = FakeEngine()
    token = CancelToken()

    def on_progress(p):
        if p.stage == "describing_segment" and p.done == 1:
            token.cancel()

    summary = summarize(
        engine, long_samples, frames_per_call=8, short_clip_s=10, progress=on_progress, cancel=token
    )
    chunks = list(summary)
    assert len(engine.requests) == 1
    assert chunks[-1].finish_reason is FinishReason.CANCELLED and summary.text == ""


def test_cancel_within_the_merge_keeps_partial_text(long_samples):
    engine = FakeEngine()
    token = CancelToken()
    summary = summarize(engine, long_samples, frames_per_call=8, short_clip_s=10, cancel=token)
    texts = []
    for chunk in summary:
        texts.append(chunk.text)
        if len(texts) == 3:
            token.cancel()
    assert summary.final.finish_reason is FinishReason.CANCELLED
    assert summary.text == "".join(texts) and summary.text


def test_cancel_while_reading_frames(mjpg_avi):
    token = CancelToken()
    engine = FakeEngine()
    summary = summarize(engine, str(mjpg_avi[0]), progress=lambda p: token.cancel(), cancel=token)
    chunks = list(summary)
    assert len(chunks) == 1 and chunks[0].finish_reason is FinishReason.CANCELLED
    assert engine.requests == []


def test_path_source_samples_with_options(mjpg_avi):
    engine = FakeEngine()
    summary = summarize(engine, mjpg_avi[0], max_frames=5, max_side=64)
    list(summary)
    frames = engine.requests[0].video_frames
    assert len(frames) == 5 and max(frames[0].image.shape[:2]) == 64


def test_text_only_engine_is_refused(mjpg_avi):
    with pytest.raises(CairnError) as info:
        summarize(FakeEngine(frozenset({Modality.TEXT})), mjpg_avi[0])
    assert info.value.code is ErrorCode.UNSUPPORTED_INPUT


def test_parse_chapters_tolerates_drift():
    text = """Summary: a car drives.
Chapters:
00:00 – Opening: a red screen appears.
- 01:05 - Car arrives: a blue car enters from the left
**02:10** — The chase: cars race.
[03:15] Ending - credits roll
4. 1:02:03 – Late: after an hour
05:00–06:00 – Range: from five to six
07:00 Title only
the car at 08:00 is not a chapter line
99:99 – impossible time
01:05 – Repeated: dropped
"""
    chapters = parse_chapters(text)
    assert [(c.t, c.title, c.line) for c in chapters] == [
        (0.0, "Opening", "a red screen appears."),
        (65.0, "Car arrives", "a blue car enters from the left"),
        (130.0, "The chase", "cars race."),
        (195.0, "Ending", "credits roll"),
        (300.0, "Range", "from five to six"),
        (420.0, "Title only", ""),
        (3723.0, "Late", "after an hour"),
    ]
    assert [c.t for c in parse_chapters(text, duration_s=190)] == [0.0, 65.0, 130.0]


def test_timestamps_round_trip():
    for t in (0, 5, 65, 599, 3600, 3725):
        assert parse_timestamp(format_timestamp(t)) == t
    assert format_timestamp(65.9) == "01:05" and format_timestamp(3725) == "1:02:05"
    assert parse_timestamp("1:75") is None and parse_timestamp("soon") is None
