"""`cairn chat` end to end, as a user runs it: streaming, JSON contract, Ctrl-C, every error."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from PIL import Image

pytestmark = pytest.mark.slow

JSON_KEYS = {
    "text", "finish_reason", "prompt_tokens", "generation_tokens", "ttft_s",
    "generation_tps", "peak_memory_mb", "engine", "device", "model", "cached_tokens",
}


def cairn(*args, env=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "app.launcher", *args],
        capture_output=True, text=True, timeout=timeout, env=env or os.environ.copy(),
    )


def assert_one_line_error(proc, *words):
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    assert "internal error" not in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
    for w in words:
        assert w.lower() in lines[0].lower(), lines[0]


def test_chat_streams_text(tiny_text_ckpt):
    proc = cairn("chat", "--model", str(tiny_text_ckpt), "--max-tokens", "12", "--seed", "3", "hi")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


def test_chat_json_contract(tiny_text_ckpt):
    proc = cairn("chat", "--model", str(tiny_text_ckpt), "--max-tokens", "8", "--json", "--no-think", "hi")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert JSON_KEYS <= out.keys()
    assert out["engine"] == "mlx" and out["device"] == "cpu"
    assert out["model"] == tiny_text_ckpt.name
    assert out["finish_reason"] in ("stop", "length")
    assert 1 <= out["generation_tokens"] <= 8 and out["prompt_tokens"] > 0


def test_chat_with_image_and_video(tiny_vlm_ckpt, tmp_path):
    import cv2
    import numpy as np

    img = tmp_path / "a.jpg"
    Image.new("RGB", (200, 150), (0, 120, 255)).save(img)
    video = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (160, 120))
    for i in range(30):
        writer.write(np.full((120, 160, 3), (i * 8) % 255, np.uint8))
    writer.release()
    proc = cairn("chat", "--model", str(tiny_vlm_ckpt), "--image", str(img), "--json", "--max-tokens", "6", "what is this?")
    assert proc.returncode == 0, proc.stderr
    with_image = json.loads(proc.stdout.splitlines()[-1])
    proc = cairn("chat", "--model", str(tiny_vlm_ckpt), "--video", str(video), "--json", "--max-tokens", "6", "what happens?")
    assert proc.returncode == 0, proc.stderr
    with_video = json.loads(proc.stdout.splitlines()[-1])
    proc = cairn("chat", "--model", str(tiny_vlm_ckpt), "--json", "--max-tokens", "6", "what happens?")
    plain = json.loads(proc.stdout.splitlines()[-1])
    assert with_image["prompt_tokens"] > plain["prompt_tokens"]
    assert with_video["prompt_tokens"] > plain["prompt_tokens"]


def test_ctrl_c_stops_the_answer_cleanly(endless_text_ckpt):
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.launcher", "chat", "--model", str(endless_text_ckpt), "--max-tokens", "100000",
         "--temperature", "0", "--no-think", "go on forever"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        first = proc.stdout.read(1)  # the answer has started streaming
        assert first
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "[stopped]" in err and "Traceback" not in err


def test_missing_model(tmp_path):
    assert_one_line_error(cairn("chat", "--model", str(tmp_path / "nothing-here"), "hi"), "model not found")


def test_folder_that_is_not_qwen35(tmp_path):
    d = tmp_path / "llama"
    d.mkdir()
    (d / "config.json").write_text(json.dumps({"model_type": "llama"}))
    assert_one_line_error(cairn("chat", "--model", str(d), "hi"), "not a Qwen3.5")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_one_line_error(cairn("chat", "--model", str(empty), "hi"), "not a Qwen3.5")


def test_checkpoint_without_weights(tiny_text_ckpt, tmp_path):
    d = tmp_path / "broken"
    shutil.copytree(tiny_text_ckpt, d)
    (d / "model.safetensors").unlink()
    assert_one_line_error(cairn("chat", "--model", str(d), "hi"), "incomplete")


def test_no_model_installed():
    assert_one_line_error(cairn("chat", "hi"), "no model installed")


@pytest.mark.parametrize("kind", ["missing", "not-image", "truncated", "bomb"])
def test_bad_images(tiny_vlm_ckpt, tmp_path, kind):
    from tests.inference.test_images import _png_header_only

    p = tmp_path / "pic.png"
    if kind == "not-image":
        p.write_bytes(os.urandom(2000))
    elif kind == "truncated":
        Image.effect_noise((256, 256), 40).convert("RGB").save(p)
        p.write_bytes(p.read_bytes()[:3000])
    elif kind == "bomb":
        _png_header_only(p, 80000, 80000)
    words = {"missing": "image not found", "not-image": "cannot read the image",
             "truncated": "truncated", "bomb": "too large"}[kind]
    assert_one_line_error(cairn("chat", "--model", str(tiny_vlm_ckpt), "--image", str(p), "hi"), words)


@pytest.mark.parametrize("kind", ["empty", "not-video", "truncated", "missing"])
def test_bad_videos(tiny_vlm_ckpt, tmp_path, kind):
    import cv2
    import numpy as np

    p = tmp_path / "clip.mp4"
    if kind == "empty":
        p.write_bytes(b"")
    elif kind == "not-video":
        p.write_bytes(os.urandom(50_000))
    elif kind == "truncated":
        writer = cv2.VideoWriter(str(p), cv2.VideoWriter_fourcc(*"mp4v"), 10, (160, 120))
        for _ in range(40):
            writer.write(np.random.randint(0, 255, (120, 160, 3), np.uint8))
        writer.release()
        p.write_bytes(p.read_bytes()[:2000])
    proc = cairn("chat", "--model", str(tiny_vlm_ckpt), "--video", str(p), "hi", timeout=60)
    assert_one_line_error(proc, "video")


def test_debug_shows_traceback(tmp_path):
    proc = cairn("--debug", "chat", "--model", str(tmp_path / "nope"), "hi")
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_offline_in_a_network_namespace(tiny_text_ckpt, tmp_path):
    """Loading a local model never touches the network, with an empty Hub cache and no Hub variables."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rn", "true"]).returncode != 0:
        pytest.skip("unshare -rn is not permitted on this machine (no user namespaces)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env["HOME"] = str(tmp_path / "home")  # an empty Hub cache
    env["CAIRN_HOME"] = str(tmp_path / "cairn")
    cmd = [sys.executable, "-m", "app.launcher", "chat", "--model", str(tiny_text_ckpt), "--max-tokens", "5", "--json", "hi"]
    proc = subprocess.run(["unshare", "-rn", *cmd], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1])["generation_tokens"] >= 1
    if shutil.which("strace"):
        trace = tmp_path / "trace.txt"
        proc = subprocess.run(["strace", "-f", "-e", "trace=connect", "-o", str(trace), *cmd],
                              capture_output=True, text=True, timeout=120, env=env)
        assert proc.returncode == 0, proc.stderr
        inet = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
        assert not inet, inet
