"""Item 1 of issue 15: a video whose name is not UTF-8 (or holds escape sequences) is probed,
sampled and shown without OpenCV ever getting a name it cannot encode (it crashed with SIGSEGV)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inference.video import capture, plan_frames, probe
from inference.video.frame_at import frame_at
from tests.hostile.conftest import EVIL, cairn
from tests.video.conftest import write_video


@pytest.fixture(scope="module")
def evil_video(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("evil-video")
    plain = folder / "plain.avi"
    write_video(plain, ((1.0, (200, 30, 30)), (1.0, (30, 30, 200))), size=(64, 48))
    target = folder / f"{EVIL}.avi"
    os.replace(plain, target)
    return target


def test_probe_sample_and_frame_through_a_descriptor(evil_video):
    info = probe(evil_video)
    assert info.frame_count == 60 and info.path == evil_video
    plan = plan_frames(evil_video, max_frames=8)
    assert len(plan.scenes) == 2
    assert frame_at(evil_video, 1.5).image.shape == (48, 64, 3)


def test_without_proc_a_private_ascii_link_is_used(evil_video, monkeypatch):
    """macOS has no /proc/self/fd: the fallback link must work the same."""
    real = Path.is_dir
    monkeypatch.setattr(Path, "is_dir", lambda p: False if str(p) == "/proc/self/fd" else real(p))
    with capture.openable_name(evil_video) as name:
        assert name.isascii() and Path(name).name == "video.avi"
        assert os.path.samefile(name, evil_video)
    assert not Path(name).parent.exists()  # the private folder went with the context
    assert probe(evil_video).frame_count == 60


def test_cli_inspect_never_crashes_and_prints_the_name_escaped(evil_video, tmp_path):
    run = cairn("video", "inspect", str(evil_video), env_home=tmp_path / "home")
    assert run.returncode == 0, (run.returncode, run.stderr)
    first = run.stdout.decode().splitlines()[0]
    assert first == "bad\ufffd\\x1b]0;PWNED\\x07name.avi"


def test_cli_summarize_and_chat_with_a_tiny_model(evil_video, tmp_path, tiny_vlm_ckpt):
    """The real MLX engine on a tiny checkpoint: the video is opened, sampled and described."""
    for argv in (
        ("summarize", str(evil_video), "--model", str(tiny_vlm_ckpt), "--max-frames", "4"),
        ("chat", "--video", str(evil_video), "--model", str(tiny_vlm_ckpt), "what is this"),
    ):
        run = cairn(*argv, "--engine", "mlx", "--max-tokens", "4", env_home=tmp_path / "home")
        assert run.returncode == 0, (argv, run.returncode, run.stderr[-600:])


def test_gui_media_pane_probes_an_evil_video_name_without_crashing(qtbot, evil_video):
    """The GUI probes videos in its own process: a crash here would take the app down."""
    from app.media_pane import MediaPane, video_thumbnail

    image, duration = video_thumbnail(evil_video)  # what the pane's worker runs
    assert not image.isNull() and abs(duration - 2.0) < 0.1
    pane = MediaPane()
    qtbot.addWidget(pane)
    pane.add_paths([evil_video])
    assert pane.pool.waitForDone(20_000)
    assert [a.path for a in pane.attachments()] == [evil_video]
