"""`cairn chat` on tiny GGUF folders: the command line picks the llama.cpp engine by itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PIL import Image

from tests.fixtures.tiny_gguf import build_tiny_gguf

pytestmark = pytest.mark.slow


def cairn(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.launcher", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("gguf-cli")
    return build_tiny_gguf(root / "tiny-text"), build_tiny_gguf(root / "tiny-vision", vision=True)


def test_chat_json_on_a_gguf_folder(folders):
    text_folder, _ = folders
    proc = cairn("chat", "--model", str(text_folder), "--json", "--max-tokens", "6", "hi")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # llama.cpp's own logging is silenced
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["engine"] == "llamacpp" and out["device"] == "cpu"
    assert out["model"] == text_folder.name
    assert out["finish_reason"] == "length" and out["generation_tokens"] == 6
    assert out["prompt_tokens"] > 0 and out["text"]
    assert out["cached_tokens"] == 0  # a one-shot command has nothing to reuse


def test_chat_with_an_image(folders, tmp_path):
    _, vision_folder = folders
    image = tmp_path / "pic.png"
    Image.new("RGB", (120, 90), (30, 160, 90)).save(image)
    args = ("chat", "--model", str(vision_folder), "--json", "--max-tokens", "4", "--no-think")
    proc = cairn(*args, "--image", str(image), "what is this?")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["engine"] == "llamacpp" and out["generation_tokens"] == 4


def test_image_for_a_text_only_gguf_is_one_line(folders, tmp_path):
    text_folder, _ = folders
    image = tmp_path / "pic.png"
    Image.new("RGB", (32, 32)).save(image)
    proc = cairn("chat", "--model", str(text_folder), "--image", str(image), "hi")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in proc.stderr
