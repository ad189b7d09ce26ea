"""Fixtures for the models store tests: a fake Hub on 127.0.0.1 and tiny Qwen3.5-looking repos."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from inference.records import Modality, ModelSpec

from .fakehub import FakeHub, FakeRepo

FAST_RETRY = (0.05, 0.1, 0.2)


def fake_checkpoint_files(weights_bytes: int = 64 * 1024, seed: int = 0) -> dict[str, bytes]:
    """A small folder that inspect_model takes for Qwen3.5: config, safetensors, tokenizer."""
    from safetensors.numpy import save

    rng = np.random.default_rng(seed)
    n = max(weights_bytes // 4, 16)
    weights = save({"model.embed_tokens.weight": rng.standard_normal(n).astype(np.float32)})
    config = {
        "model_type": "qwen3_5",
        "architectures": ["Qwen3_5ForConditionalGeneration"],
        "text_config": {"model_type": "qwen3_5_text", "hidden_size": 1024, "vocab_size": 512},
    }
    return {
        "config.json": json.dumps(config).encode(),
        "model.safetensors": weights,
        "tokenizer.json": json.dumps({"version": "1.0", "model": {"type": "BPE"}}).encode(),
        "tokenizer_config.json": b'{"eos_token": "<|im_end|>"}',
        "chat_template.jinja": b"{% for m in messages %}{{ m['content'] }}{% endfor %}",
        "merges.txt": b"#version: 0.2\n",
    }


def write_files(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def tiny_gguf_bytes(name: str = "tiny") -> bytes:
    """A GGUF file whose header says architecture qwen35 (what inspect_model reads)."""
    import tempfile

    from gguf import GGUFWriter

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "x.gguf")
        w = GGUFWriter(path, "qwen35")
        w.add_name(name)
        w.add_uint32("qwen35.embedding_length", 1024)
        w.add_tensor("token_embd.weight", np.zeros((4, 8), dtype=np.float32))
        w.write_header_to_file()
        w.write_kv_data_to_file()
        w.write_tensors_to_file()
        w.close()
        return Path(path).read_bytes()


def spec_for(model_id: str, repo_id: str, *, files=(), mmproj=None, engine="mlx") -> ModelSpec:
    return ModelSpec(
        id=model_id,
        family="qwen3.5",
        size="0.8B",
        engine=engine,
        repo_id=repo_id,
        revision=None,
        quantization="4bit",
        download_bytes=1000,
        ram_bytes=1000,
        capabilities=frozenset({Modality.TEXT}),
        thinking_default=False,
        license="Apache-2.0",
        files=tuple(files),
        mmproj=mmproj,
    )


@pytest.fixture
def hub():
    h = FakeHub().start()
    try:
        yield h
    finally:
        h.stop()


@pytest.fixture
def tiny_repo(hub) -> FakeRepo:
    return hub.add(FakeRepo("fake-org/Qwen3.5-Tiny", fake_checkpoint_files()))


@pytest.fixture
def models_dir(tmp_path) -> Path:
    return tmp_path / "home" / "models"


@pytest.fixture(autouse=True)
def _hub_online(monkeypatch):
    """The suite runs with HF_HUB_OFFLINE=1 (tests/conftest.py); downloads are online by nature
    (the CLI sets offline mode only for loading), so these tests lift it for huggingface_hub."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
