"""A long generated video summarized through the real MLX engine on a tiny random Qwen3.5 VLM.

Random weights say nothing sensible, so this checks structure: segments described with their
frames as native video input, a merge request made, the answer streamed and finished, and the
command line's --json object.
"""

from __future__ import annotations

import json

import pytest

from inference.cancel import CancelToken
from inference.checkpoint import inspect_model
from inference.cli.main import main
from inference.engines import open_engine
from inference.records import FinishReason, GenParams
from inference.video import sample_frames, summarize

from .conftest import write_video

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


class Recording:
    """Passes every call to the real engine and keeps what went in and came out."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.name, self.device = engine.name, engine.device
        self.model_name, self.capabilities = engine.model_name, engine.capabilities
        self.calls = []

    def generate(self, request, *, cancel):
        chunks = []
        self.calls.append((request, chunks))
        for chunk in self.engine.generate(request, cancel=cancel):
            chunks.append(chunk)
            yield chunk

    def close(self):
        self.engine.close()


@pytest.fixture(scope="module")
def long_video(tmp_path_factory):
    path = tmp_path_factory.mktemp("e2e") / "long.avi"
    # 150 s (longer than a "short clip"), at 4 fps to keep it small; one scene under a second.
    scenes = [
        (42.0, (200, 40, 40)),
        (0.5, (40, 200, 40)),
        (60.0, (40, 40, 200)),
        (47.5, (200, 200, 40)),
    ]
    write_video(path, scenes, fps=4, size=(128, 96))
    return path


@pytest.fixture(scope="module")
def engine(tiny_vlm_ckpt):
    real = open_engine(inspect_model(tiny_vlm_ckpt), engine="mlx", device="cpu")
    yield real
    real.close()


def test_long_video_through_mlx(engine, long_video):
    samples = sample_frames(long_video, max_frames=12)
    assert len(samples.frames) == 12 and len(samples.scenes) == 4
    recording = Recording(engine)
    stages = []
    summary = summarize(
        recording,
        samples,
        params=GenParams(max_tokens=12, seed=3),
        frames_per_call=4,
        short_clip_s=10,
        progress=stages.append,
        cancel=CancelToken(),
    )
    chunks = list(summary)
    assert len(summary.segments) == 3
    assert len(recording.calls) == 4
    for (request, out), segment in zip(recording.calls[:3], summary.segments, strict=True):
        assert request.video_frames == segment.frames
        assert out[-1].finish_reason in (FinishReason.STOP, FinishReason.LENGTH)
        assert out[-1].prompt_tokens > 0
    merge_request, merge_out = recording.calls[3]
    assert merge_request.video_frames == ()
    for note in summary.notes:
        assert note.text in merge_request.messages[-1].content
    # What the caller saw is exactly the merge's stream.
    assert [c.text for c in chunks[:-1]] == [c.text for c in merge_out[:-1]]
    assert chunks[-1].finish_reason in (FinishReason.STOP, FinishReason.LENGTH)
    assert chunks[-1].prompt_tokens == sum(out[-1].prompt_tokens for _, out in recording.calls)
    assert [s.done for s in stages if s.stage == "describing_segment"] == [0, 1, 2, 3]
    assert stages[-1].stage == "writing_summary"


def test_cli_summarize_json(tiny_vlm_ckpt, long_video, capsys):
    code = main(
        [
            "summarize",
            "--model",
            str(tiny_vlm_ckpt),
            "--engine",
            "mlx",
            "--device",
            "cpu",
            "--max-tokens",
            "8",
            "--max-frames",
            "40",
            "--json",
            str(long_video),
        ]
    )
    assert code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    data = json.loads(lines[-1])
    for key in ("text", "chapters", "finish_reason", "engine", "device", "model", "stats"):
        assert key in data
    assert data["engine"] == "mlx" and data["device"] == "cpu"
    assert data["finish_reason"] in ("stop", "length")
    assert isinstance(data["chapters"], list)
    stats = data["stats"]
    # The live summary (--detail quick by default): four still scenes are one frame each (the rest
    # are near-duplicates), one segment streaming its chapters, then the closing summary.
    assert stats["frames"] == 4 and stats["scenes"] == 4
    assert stats["segments"] == 1 and stats["requests"] == 2 and stats["prompt_tokens"] > 0
    assert data["text"].startswith("Chapters:\n00:00 – ")
