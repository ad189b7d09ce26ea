"""Sampling real generated videos: every scene seen, timestamps right, memory-bounded choice."""

from __future__ import annotations

import numpy as np
import pytest

from inference.cancel import Cancelled, CancelToken
from inference.video import plan_frames, probe, sample_frames
from inference.video.capture import DecodeReader, MjpegReader, open_reader
from inference.video.sampling import _Candidate, _Pass, select_frames
from inference.video.types import Scene

from .conftest import SCENES, write_video

pytestmark = pytest.mark.timeout(60)


def _mean_rgb(frame) -> np.ndarray:
    return frame.image.reshape(-1, 3).mean(axis=0)


def _check_every_scene_seen(result, spans, probe_s):
    duration = spans[-1][1]
    times = [f.t for f in result.frames]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert all(0.0 <= t < duration + 1e-6 for t in times)
    assert result.info.duration_s == pytest.approx(duration, abs=0.04)
    # Detected scenes match the written ones (cuts located to within one probe interval).
    assert len(result.scenes) == len(spans)
    for scene, (start, end, _) in zip(result.scenes, spans, strict=True):
        assert scene.start == pytest.approx(start, abs=probe_s + 1e-6)
        assert scene.end == pytest.approx(end, abs=probe_s + 1e-6)
    # Every written scene has a frame with a timestamp inside it, showing that scene's colour.
    for start, end, rgb in spans:
        inside = [f for f in result.frames if start <= f.t < end]
        assert inside, f"no frame in scene {start:.2f}-{end:.2f}"
        for f in inside:
            assert np.abs(_mean_rgb(f) - np.array(rgb)).max() < 20, (f.t, _mean_rgb(f), rgb)


@pytest.mark.parametrize("fixture", ["mjpg_avi", "mp4v_mp4"])
def test_every_scene_gets_a_frame(fixture, request):
    path, spans = request.getfixturevalue(fixture)
    result = sample_frames(path)
    # MJPEG is read without decoding, so every frame is checked; mp4v at 10 checks a second.
    probe_s = 1 / 30 if fixture == "mjpg_avi" else 0.1
    _check_every_scene_seen(result, spans, probe_s)
    frame = result.frames[0]
    assert frame.image.dtype == np.uint8 and frame.image.shape == (240, 320, 3)  # never upscaled


def test_uniform_rate_is_at_most_two_per_second(mjpg_avi):
    path, spans = mjpg_avi
    result = sample_frames(path, max_fps=2.0)
    duration = spans[-1][1]
    # 2 per second plus at most one per scene.
    assert len(result.frames) <= int(duration * 2) + 1 + len(spans)
    one = sample_frames(path, max_fps=1.0)
    assert len(one.frames) < len(result.frames)


def test_readers_chosen_by_codec(mjpg_avi, mp4v_mp4):
    reader, meta = open_reader(mjpg_avi[0].resolve())
    reader.release()
    assert isinstance(reader, MjpegReader) and meta.codec == "MJPG"
    reader, meta = open_reader(mp4v_mp4[0].resolve())
    reader.release()
    assert isinstance(reader, DecodeReader)


def test_downscale_long_side(tmp_path):
    path = tmp_path / "wide.avi"
    write_video(path, SCENES[:2], size=(1280, 720))
    result = sample_frames(path, max_side=448)
    assert {f.image.shape for f in result.frames} == {(252, 448, 3)}
    small = sample_frames(path, max_side=100)
    assert max(small.frames[0].image.shape[:2]) == 100


def test_cap_keeps_one_frame_per_scene(mjpg_avi):
    path, spans = mjpg_avi
    result = sample_frames(path, max_frames=len(spans))
    assert len(result.frames) == len(spans)
    for start, end, _ in spans:
        assert sum(start <= f.t < end for f in result.frames) == 1


def test_cap_below_scene_count_spreads(mjpg_avi):
    path, _ = mjpg_avi
    result = sample_frames(path, max_frames=3)
    assert len(result.frames) == 3
    assert result.frames[0].t < 1.6 and result.frames[-1].t > 6.0


def test_long_video_spreads_uniform_frames(tmp_path):
    # 40 s at 10 fps with 2 scenes; max 16 frames: the grid widens to fit.
    path = tmp_path / "long.avi"
    spans = write_video(path, ((25.0, (200, 30, 30)), (15.0, (30, 30, 200))), fps=10)
    result = sample_frames(path, max_frames=16)
    assert len(result.frames) == 16
    gaps = np.diff([f.t for f in result.frames])
    assert gaps.max() < 5.0, "spread over the whole video"
    assert len(result.scenes) == 2 and result.scenes[1].start == pytest.approx(spans[1][0])


def test_plan_matches_sample_without_images(mp4v_mp4):
    path, _ = mp4v_mp4
    plan = plan_frames(path)
    full = sample_frames(path)
    assert [(f.t, f.index) for f in plan.frames] == [(f.t, f.index) for f in full.frames]
    assert all(f.image is None for f in plan.frames)
    assert plan.scenes == full.scenes


def test_probe_is_consistent_with_reading(mjpg_avi, mp4v_mp4):
    for path, spans in (mjpg_avi, mp4v_mp4):
        info = probe(path)
        frames = round(spans[-1][1] * 30)
        assert (info.frame_count, info.width, info.height) == (frames, 320, 240)
        assert info.fps == pytest.approx(30.0)
        assert info.duration_s == pytest.approx(spans[-1][1], abs=0.04)


def test_truncated_file_lying_frame_count(mjpg_avi, tmp_path):
    """A cut-off AVI still claims every frame in its header; neither probe nor sampling trust it."""
    import cv2

    path, spans = mjpg_avi
    cut = tmp_path / "cut.avi"
    cut.write_bytes(path.read_bytes()[: int(path.stat().st_size * 0.55)])
    cap = cv2.VideoCapture(str(cut), cv2.CAP_FFMPEG)
    claimed = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    real = 0
    while cap.grab():
        real += 1
    cap.release()
    assert claimed == round(spans[-1][1] * 30) and real < claimed  # the header lies
    info = probe(cut)
    assert info.frame_count == real
    result = sample_frames(cut)
    assert result.info.frame_count == real
    assert all(f.t < real / 30 for f in result.frames)
    assert result.scenes[-1].end == pytest.approx(real / 30, abs=0.04)


def test_progress_and_cancel(mp4v_mp4):
    path, _ = mp4v_mp4
    seen = []
    sample_frames(path, progress=seen.append)
    assert seen and all(p.stage == "reading_frames" for p in seen)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == seen[-1].total == 210

    token = CancelToken()

    def cancel_at_once(p):
        token.cancel()

    calls = []
    with pytest.raises(Cancelled):
        sample_frames(path, progress=lambda p: (calls.append(p), cancel_at_once(p)), cancel=token)
    assert len(calls) == 1, "stops at the next frame once cancelled"


def test_memory_bound_thins_uniform_before_scenes():
    state = _Pass(interval=0.5, max_frames=4)
    # 3 scenes; scene 1 has a single cut frame that must survive thinning.
    for i in range(9):
        state.candidates.append(_Candidate(i * 0.5, i, 0 if i < 4 else 2, True))
    state.candidates.insert(4, _Candidate(1.9, 19, 1, False))
    state.bound_memory()
    assert len(state.candidates) <= 8
    assert any(c.scene == 1 for c in state.candidates)
    assert state.interval == 1.0


def test_select_prefers_scene_middle():
    scenes = (Scene(0.0, 4.0), Scene(4.0, 4.3))
    cands = [_Candidate(t, int(t * 10), 0, True) for t in (0.0, 1.0, 2.0, 3.0)]
    cands.append(_Candidate(4.0, 40, 1, False))
    chosen = select_frames(cands, scenes, 2)
    assert [c.t for c in chosen] == [2.0, 4.0]
