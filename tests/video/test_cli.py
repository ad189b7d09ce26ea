"""`cairn video inspect` and the fast failures of `cairn summarize` (no model needed)."""

from __future__ import annotations

import json

import pytest

from inference.cli.main import main
from inference.video import plan_frames

pytestmark = pytest.mark.timeout(60)


def test_inspect_json_shape(mjpg_avi, capsys):
    path, spans = mjpg_avi
    assert main(["video", "inspect", "--json", str(path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    data = json.loads(out[0])
    assert list(data) == ["duration_s", "fps", "width", "height", "frames", "scenes"]
    assert data["duration_s"] == pytest.approx(spans[-1][1], abs=0.04)
    assert (data["fps"], data["width"], data["height"]) == (30.0, 320, 240)
    assert data["frames"] and all(list(f) == ["t", "index"] for f in data["frames"])
    assert all(isinstance(f["index"], int) for f in data["frames"])
    assert [f["t"] for f in data["frames"]] == sorted(f["t"] for f in data["frames"])
    assert all(list(s) == ["start", "end"] for s in data["scenes"])
    assert len(data["scenes"]) == len(spans)
    plan = plan_frames(path, max_frames=128)
    assert [f["index"] for f in data["frames"]] == [f.index for f in plan.frames]


def test_inspect_text(mp4v_mp4, capsys):
    path, spans = mp4v_mp4
    assert main(["video", "inspect", "--max-frames", "5", str(path)]) == 0
    out = capsys.readouterr().out
    assert "30.00 fps" in out and "320x240" in out and "210 frames" in out
    assert f"{len(spans)} scenes, 5 frames would be sampled" in out


@pytest.mark.parametrize("command", [["video", "inspect"], ["summarize"]])
def test_bad_video_is_one_line(command, tmp_path, capsys):
    bad = tmp_path / "notes.mp4"
    bad.write_text("not a video")
    assert main([*command, str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith("error: cannot read the video: notes.mp4")
    assert main([*command, str(tmp_path / "gone.avi")]) == 1
    assert capsys.readouterr().err.startswith("error: video not found:")


def test_summarize_checks_the_video_before_the_model(tmp_path, capsys):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    # No model is installed in this private CAIRN_HOME: the video error must come first.
    assert main(["summarize", str(empty)]) == 1
    assert capsys.readouterr().err.startswith("error: the video is empty:")


def test_summarize_bad_arguments(mjpg_avi, capsys):
    assert main(["summarize", "--max-frames", "0", str(mjpg_avi[0])]) == 1
    assert "--max-frames" in capsys.readouterr().err
    assert main(["summarize", "--question", "  ", str(mjpg_avi[0])]) == 1
    assert "question is empty" in capsys.readouterr().err


def test_reader_closing_the_pipe_is_not_an_error(mjpg_avi):
    """`cairn video inspect VIDEO | head -1`: no "internal error" when the reader goes away."""
    import subprocess
    import sys

    path, _ = mjpg_avi
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.launcher", "video", "inspect", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    proc.stdout.close()  # gone before the command writes anything
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert "error" not in err, err
