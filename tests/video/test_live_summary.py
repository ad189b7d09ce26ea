"""The live summary: near-duplicates dropped at equal coverage, the budget, chapters as they come.

Videos are generated here (cv2.VideoWriter); the pipeline's logic runs on test_summary.py's fake
engine (it answers from the frames it is given), and `cairn summarize --detail quick` runs the
real llama.cpp engine on a tiny GGUF in a child process whose stdout is read as it arrives.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np
import pytest

from inference.cancel import CancelToken
from inference.errors import CairnError, ErrorCode
from inference.records import FinishReason
from inference.video import sample_frames, summarize
from inference.video.budget import Budget, EngineSpeed, pair_tokens, plan_budget
from inference.video.stream_sampling import FrameProducer, stream_frames

from .conftest import SCENES, write_video
from .test_summary import FakeEngine

pytestmark = pytest.mark.timeout(120)


def write_mixed(path, fps=10, size=(320, 180), fourcc="MJPG"):
    """Still scenes (some under a second) and one panning scene; returns (start, end, kind)."""
    import cv2

    w, h = size
    rng = np.random.default_rng(0)
    texture = cv2.resize(
        rng.integers(0, 255, (h // 30, 2 * w // 30, 3), dtype=np.uint8),
        (2 * w, h),
        interpolation=cv2.INTER_NEAREST,
    )
    plan = [(6.0, (200, 40, 40), "still"), (0.5, (40, 200, 40), "still"),
            (8.0, None, "pan"), (1.2, (40, 40, 220), "still"), (0.3, (230, 220, 30), "still"),
            (12.0, (200, 30, 200), "still"), (2.0, (30, 210, 210), "still")]  # fmt: skip
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, (w, h))
    spans, index = [], 0
    for seconds, rgb, kind in plan:
        n = round(seconds * fps)
        spans.append((index / fps, (index + n) / fps, kind))
        for i in range(n):
            if kind == "pan":
                x = (i * 3) % w
                frame = np.ascontiguousarray(texture[:, x : x + w])
            else:
                frame = np.empty((h, w, 3), np.uint8)
                frame[:] = rgb[::-1]
                if (i // 5) % 2:  # a blinking cursor: the picture barely changes
                    frame[20:30, 20:24] = 255
            writer.write(frame)
            index += 1
    writer.release()
    return spans


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    path = tmp_path_factory.mktemp("live") / "mixed.avi"
    return path, write_mixed(path)


def _inside(spans, times):
    return [any(a - 1e-3 <= t < b for t in times) for a, b, *_ in spans]


@pytest.mark.parametrize("fourcc,suffix", [("MJPG", ".avi"), ("mp4v", ".mp4")])
def test_near_duplicates_dropped_every_scene_of_a_second_kept(tmp_path, fourcc, suffix):
    path = tmp_path / f"mixed{suffix}"
    spans = write_mixed(path, fourcc=fourcc)
    duration = spans[-1][1]
    scenes = []
    frames = list(
        stream_frames(
            path, duration_hint_s=duration, max_frames=60, max_side=128, scenes_out=scenes
        )
    )
    times = [f.t for f in frames]
    assert times == sorted(times) and len(set(times)) == len(times)
    covered = _inside(spans, times)
    for (a, b, _kind), hit in zip(spans, covered, strict=True):
        if b - a >= 1.0:
            assert hit, f"scene {a:.1f}-{b:.1f} s lost its frame"
    assert len(scenes) == len(spans)
    per_scene = [sum(a - 1e-3 <= t < b for t in times) for a, b, _ in spans]
    for (a, b, kind), n in zip(spans, per_scene, strict=True):
        if kind == "still":  # a grid of 60 over 30 s puts 2-24 frames in each: one stays
            assert n <= 1, (a, b, n)
    pan = per_scene[[k for _, _, k in spans].index("pan")]
    assert pan >= 8, "a moving picture keeps its grid frames"
    # The whole-video sampler at the same density keeps far more frames for the same coverage.
    classic = sample_frames(path, max_frames=60, max_side=128)
    assert len(frames) < len(classic.frames) / 2
    classic_covered = _inside(spans, [f.t for f in classic.frames])
    long_ = [b - a >= 1.0 for a, b, _ in spans]
    assert [c for c, keep in zip(covered, long_, strict=True) if keep] == [
        c for c, keep in zip(classic_covered, long_, strict=True) if keep
    ]


def test_short_scenes_of_the_test_video_are_kept_when_distinct(mjpg_avi):
    path, spans = mjpg_avi
    frames = list(stream_frames(path, duration_hint_s=spans[-1][1], max_frames=40, max_side=64))
    assert all(_inside([(a, b) for a, b, _ in spans], [f.t for f in frames]))
    assert len(frames) == len(SCENES)  # one each: the moving box is too small to count


def test_budget_quick_is_smaller_than_detailed():
    speed = EngineSpeed(prompt_tps=120.0, generation_tps=20.0)
    quick = plan_budget(600.0, 1280, 720, speed, "quick")
    detailed = plan_budget(600.0, 1280, 720, speed, "detailed")
    assert quick.max_frames < detailed.max_frames
    assert quick.max_side <= detailed.max_side
    assert quick.chapter_max_tokens < detailed.chapter_max_tokens
    assert quick.target_s < detailed.target_s
    assert quick.estimate_s <= quick.target_s and detailed.estimate_s <= detailed.target_s
    assert quick.max_frames % 2 == 0  # whole pairs
    # A slower engine gets a more modest plan of the same level.
    slow = plan_budget(600.0, 1280, 720, EngineSpeed(30.0, 5.0), "quick")
    assert (slow.max_frames, slow.max_side) < (quick.max_frames, quick.max_side)
    assert pair_tokens(1280, 720, slow.max_side) < pair_tokens(1280, 720, 448)
    with pytest.raises(CairnError) as info:
        plan_budget(600.0, 1280, 720, speed, "slow")
    assert info.value.code is ErrorCode.INVALID_ARGUMENT


def test_chapters_stream_segment_by_segment(mixed):
    path, spans = mixed
    engine = FakeEngine()
    budget = Budget("quick", 10.0, 30, 64, 6, 2, 80, 1.0)  # a grid frame a second, small segments
    summary = summarize(engine, path, detail="quick", short_clip_s=5.0, budget=budget)
    seen = []  # (requests made so far, text) for every chunk with text
    for chunk in summary:
        if chunk.text:
            seen.append((len(engine.requests), chunk.text))
    assert summary.final.finish_reason is FinishReason.STOP
    segments = [r for r in engine.requests if r.video_frames]
    assert len(segments) >= 3 and len(engine.requests) == len(segments) + 1  # and the summary
    chapter_chunks = [(n, text) for n, text in seen if "–" in text]
    # The first chapters are out after the first segment's request, before the second's.
    assert chapter_chunks[0][0] == 1
    assert [n for n, _ in chapter_chunks] == list(range(1, len(segments) + 1))
    assert all(len(r.video_frames) % 2 == 0 for r in segments[:-1])
    assert len(segments[0].video_frames) < len(segments[1].video_frames)
    merge = engine.requests[-1]
    assert not merge.video_frames and "chapters of a video" in merge.messages[-1].content
    assert summary.text.startswith("Chapters:\n00:00 – ")
    times = [c.t for c in summary.chapters]
    assert times == sorted(times) and len(times) >= len(segments)
    given = [f.t for r in segments for f in r.video_frames]
    for (a, b, _), hit in zip(spans, _inside(spans, given), strict=True):
        assert hit or b - a < 1.0


def test_cancel_keeps_the_chapters_and_stops_reading(mixed):
    path, _ = mixed
    engine = FakeEngine()
    token = CancelToken()
    summary = summarize(engine, path, detail="quick", short_clip_s=5.0, cancel=token,
                        speed=EngineSpeed(1e4, 1e4))  # fmt: skip
    texts = []
    for chunk in summary:
        texts.append(chunk.text)
        if "–" in chunk.text:
            token.cancel()
    assert summary.final.finish_reason is FinishReason.CANCELLED
    assert "00:00 – " in summary.text
    summary.producer.join(timeout=10)
    assert not summary.producer._thread.is_alive()


def test_producer_reports_a_bad_file(tmp_path):
    bad = tmp_path / "bad.mp4"
    bad.write_text("not a video")
    producer = FrameProducer(bad, duration_hint_s=10, max_frames=4, max_side=64).start()
    with pytest.raises(CairnError) as info:
        producer.take(2)
    assert info.value.code is ErrorCode.VIDEO_UNREADABLE


@pytest.mark.slow
def test_cli_quick_prints_chapters_as_they_come(tmp_path):
    """`cairn summarize --detail quick` on the real llama.cpp engine: the first chapter line is on
    stdout while the process is still working, the closing summary comes after it."""
    from tests.fixtures.tiny_gguf import build_tiny_gguf

    folder = build_tiny_gguf(tmp_path / "tiny-vision", vision=True)
    path = tmp_path / "long.avi"  # longer than a short clip (one request): 10 scenes, 150 s
    colours = [((k * 97) % 256, (k * 53 + 80) % 256, (k * 151 + 40) % 256) for k in range(10)]
    write_video(path, [(15.0, c) for c in colours], fps=4, size=(128, 96))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.launcher", "summarize", "--model", str(folder),
         "--detail", "quick", "--max-tokens", "1000", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )  # fmt: skip
    try:
        lines = []
        running_at_first_chapter = None
        deadline = time.monotonic() + 110
        for raw in proc.stdout:  # line by line, as the child writes them
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            if running_at_first_chapter is None and line.startswith("00:00 – "):
                running_at_first_chapter = proc.poll() is None
            assert time.monotonic() < deadline
        proc.wait(timeout=30)
        err = proc.stderr.read().decode()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert lines[0] == "Chapters:\n"
    assert running_at_first_chapter is True
    out = "".join(lines)
    assert out.index("00:00 – ") < out.index("\nSummary: ")
    assert "Traceback" not in err
