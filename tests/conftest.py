"""Suite-wide settings: no network, no real keychain, no screen, a private data root."""

from __future__ import annotations

import os

# Set before any test module imports Qt or the Hub libraries (both read these at import).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _environment_restored():
    """Commands run in-process may go offline first (cli/streaming.go_offline writes os.environ,
    and huggingface_hub reads TRANSFORMERS_OFFLINE as HF_HUB_OFFLINE): every test ends with the
    environment it started with, so a later test downloading from a fake hub is not offline."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(autouse=True)
def _private_data_root(tmp_path, monkeypatch):
    """Every test gets its own CAIRN_HOME so nothing touches the user's real data."""
    monkeypatch.setenv("CAIRN_HOME", str(tmp_path / "cairn-home"))


@pytest.fixture(scope="session")
def tiny_text_ckpt(tmp_path_factory):
    """A tiny random text-only Qwen3.5 checkpoint (Hugging Face layout), built once."""
    from tests.fixtures.tiny_qwen import build_text_checkpoint

    return build_text_checkpoint(tmp_path_factory.mktemp("ckpt") / "tiny-qwen3.5-text")


@pytest.fixture(scope="session")
def tiny_vlm_ckpt(tmp_path_factory):
    """A tiny random vision-language Qwen3.5 checkpoint (images and video), built once."""
    from tests.fixtures.tiny_qwen import build_vlm_checkpoint

    return build_vlm_checkpoint(tmp_path_factory.mktemp("ckpt") / "tiny-qwen3.5-vlm")


@pytest.fixture(scope="session")
def endless_text_ckpt(tmp_path_factory):
    """A tiny text checkpoint that never emits a stop token under greedy decoding (for cancel tests)."""
    from tests.fixtures.tiny_qwen import build_checkpoint

    return build_checkpoint(tmp_path_factory.mktemp("ckpt") / "tiny-endless", vision=False, never_stop=True)
