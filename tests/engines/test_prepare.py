"""The engines' shared preparation step and chunk splitter, on the real catalog and real images."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image

from inference.catalog import load_catalog
from inference.checkpoint import LocalModel
from inference.engines.chunks import ChunkSplitter
from inference.engines.prepare import model_defaults, prepare
from inference.errors import CairnError, ErrorCode
from inference.records import (
    DEFAULT_PRESETS,
    EngineName,
    GenerationRequest,
    GenParams,
    Message,
    SamplingPreset,
)


def local(size: str | None, fmt: str = "hf") -> LocalModel:
    return LocalModel(path=Path("/nowhere"), format=fmt, name="m", size=size, has_vision=False)


@pytest.mark.parametrize("engine", list(EngineName))
def test_defaults_come_from_the_catalog_entry(engine):
    for spec in (s for s in load_catalog() if s.role == "chat" and s.engine == engine):
        got = model_defaults(local(spec.size), engine)
        assert got.spec_id is not None
        chosen = next(s for s in load_catalog() if s.id == got.spec_id)
        assert chosen.engine == engine and chosen.size == spec.size
        assert got.thinking_default is chosen.thinking_default
        assert got.presets["thinking"] == chosen.preset(True)
        assert got.presets["instruct"] == chosen.preset(False)


def test_catalog_thinking_default_wins_over_the_size_rule(monkeypatch):
    import inference.engines.prepare as prep

    real = load_catalog()
    spec = next(s for s in real if s.size == "0.8B" and s.engine == EngineName.MLX)
    odd = SamplingPreset(temperature=0.3, top_p=0.5, top_k=5, min_p=0.2)
    changed = dataclasses.replace(spec, thinking_default=True, presets={"instruct": odd})
    monkeypatch.setattr(prep, "load_catalog", lambda: (changed, *real))
    got = model_defaults(local("0.8B"), EngineName.MLX)
    assert got.thinking_default is True  # the size rule alone says False for 0.8B
    assert got.presets["instruct"] == odd
    assert got.presets["thinking"] == DEFAULT_PRESETS["thinking"]


def test_unknown_size_gets_the_model_card():
    got = model_defaults(local(None), EngineName.LLAMACPP)
    assert got.spec_id is None and got.thinking_default is False
    assert dict(got.presets) == DEFAULT_PRESETS


def request(*, images=(), thinking=None, **params):
    return GenerationRequest(
        messages=(Message("user", "hi", images=tuple(images)),),
        params=GenParams(**params),
        thinking=thinking,
    )


PRESETS = {
    "thinking": SamplingPreset(temperature=1.0, top_p=0.95, top_k=20, min_p=0.05),
    "instruct": SamplingPreset(temperature=0.7, top_p=0.8, top_k=10, min_p=0.1),
}


def test_prepare_resolves_thinking_and_every_preset_field():
    ready = prepare(request(), thinking_default=True, presets=PRESETS, vision=False, text_only="x")
    assert ready.thinking is True
    assert (ready.params.temperature, ready.params.min_p, ready.params.top_k) == (1.0, 0.05, 20)
    ready = prepare(
        request(thinking=False, min_p=0.0, top_k=3),
        thinking_default=True, presets=PRESETS, vision=False, text_only="x",
    )
    assert ready.thinking is False
    assert (ready.params.temperature, ready.params.min_p, ready.params.top_k) == (0.7, 0.0, 3)


def test_prepare_refuses_media_without_vision_and_bad_images(tmp_path):
    img = tmp_path / "a.png"
    Image.new("RGB", (8, 8)).save(img)
    with pytest.raises(CairnError) as e:
        prepare(request(images=[img]), thinking_default=False, presets=PRESETS, vision=False,
                text_only="m is text only")
    assert e.value.code is ErrorCode.UNSUPPORTED_INPUT and "text only" in e.value.detail
    with pytest.raises(CairnError) as e:
        prepare(request(images=[tmp_path / "missing.png"]), thinking_default=False,
                presets=PRESETS, vision=True, text_only="")
    assert e.value.code is ErrorCode.IMAGE_NOT_FOUND
    with pytest.raises(CairnError) as e:
        prepare(request(max_tokens=0), thinking_default=False, presets=PRESETS, vision=True,
                text_only="")
    assert e.value.code is ErrorCode.INVALID_ARGUMENT
    ready = prepare(request(images=[img]), thinking_default=False, presets=PRESETS, vision=True,
                    text_only="")
    assert ready.has_media and ready.images[0].size == (8, 8)


def test_chunk_splitter_across_token_boundaries():
    splitter = ChunkSplitter("<|im_start|>assistant\n<think>\n")
    pieces = ["I rea", "son</thi", "nk>\n\n", "The ans", "wer"]
    chunks = [c for p in pieces for c in splitter.feed(p)] + splitter.flush()
    assert "".join(c.thinking for c in chunks) == "I reason"
    assert "".join(c.text for c in chunks) == "The answer"
    assert all(not (c.text and c.thinking) for c in chunks)
    assert not any(c.text == "" and c.thinking == "" for c in chunks)
