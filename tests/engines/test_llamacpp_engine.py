"""The llama.cpp engine on tiny random Qwen3.5 GGUF files, through the real llama-cpp-python.

The fixtures (tests/fixtures/tiny_gguf.py) are built at test time in well under a second: a text
GGUF whose special tokens never win (so an answer always runs to max_tokens), one whose
<|im_end|> always wins, and a folder with a Qwen3-VL-style vision projector.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from inference.cancel import CancelToken
from inference.checkpoint import LocalModel, inspect_model
from inference.engine import Engine, collect
from inference.engines import open_engine
from inference.engines.llamacpp.native import physical_cores
from inference.engines.llamacpp_engine import LlamaCppEngine
from inference.errors import CairnError, ErrorCode
from inference.records import (
    FinishReason,
    GenerationRequest,
    GenParams,
    Message,
    Modality,
    VideoFrame,
)
from tests.fixtures.tiny_gguf import build_tiny_gguf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gguf_dirs(tmp_path_factory):
    root = tmp_path_factory.mktemp("gguf")
    return {
        "text": build_tiny_gguf(root / "tiny-text"),
        "vision": build_tiny_gguf(root / "tiny-vision", vision=True),
        "stops": build_tiny_gguf(root / "tiny-stops", stop="first"),
    }


@pytest.fixture(scope="module")
def text_engine(gguf_dirs):
    engine = open_engine(inspect_model(gguf_dirs["text"]), engine="llamacpp")
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def vision_engine(gguf_dirs):
    engine = LlamaCppEngine.load(inspect_model(gguf_dirs["vision"]), n_threads=2)
    yield engine
    engine.close()


def ask(text="Hello, who are you?", *, images=(), frames=(), thinking=False, **params):
    params.setdefault("max_tokens", 12)
    params.setdefault("seed", 7)
    video = Path("clip.mp4") if frames else None
    return GenerationRequest(
        messages=(Message("user", text, images=tuple(images), video=video),),
        params=GenParams(**params),
        thinking=thinking,
        video_frames=tuple(frames),
    )


def png(path: Path, size=(96, 64), color=(200, 40, 40)) -> Path:
    Image.new("RGB", size, color).save(path)
    return path


class FlipsAfter(CancelToken):
    """A cancel token that turns cancelled after `n` reads (to land inside llama_decode)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.reads = 0
        self.n = n

    @property
    def cancelled(self) -> bool:
        self.reads += 1
        return self.reads > self.n


# -- protocol, text, statistics ------------------------------------------------------------


def test_protocol_name_device_capabilities(text_engine, vision_engine, gguf_dirs):
    assert isinstance(text_engine, Engine)
    assert text_engine.name == vision_engine.name == "llamacpp"
    assert text_engine.device == "cpu"
    assert text_engine.model_name == gguf_dirs["text"].name
    assert text_engine.capabilities == frozenset({Modality.TEXT})
    assert vision_engine.capabilities == frozenset(Modality)
    assert text_engine.n_threads == physical_cores()


def test_text_runs_to_max_tokens_with_true_statistics(text_engine):
    chunks = list(text_engine.generate(ask(max_tokens=10), cancel=CancelToken()))
    last = chunks[-1]
    text = "".join(c.text for c in chunks)
    assert text and not any(c.thinking for c in chunks)
    assert all(c.finish_reason is None for c in chunks[:-1])
    assert last.finish_reason is FinishReason.LENGTH
    assert last.generation_tokens == 10
    perf = text_engine.perf()
    assert last.prompt_tokens == perf.prompt_tokens > 10  # llama.cpp's own count of the prompt
    assert perf.eval_tokens == 9  # the last sampled token is never decoded
    assert last.ttft_s and last.ttft_s > 0
    assert last.prompt_tps > 0 and last.generation_tps > 0
    assert last.peak_memory_mb > 10


def test_stop_token_ends_with_stop(gguf_dirs):
    engine = LlamaCppEngine.load(inspect_model(gguf_dirs["stops"]))
    try:
        text, thinking, last = collect(engine.generate(ask(max_tokens=20), cancel=CancelToken()))
    finally:
        engine.close()
    assert last.finish_reason is FinishReason.STOP
    assert last.generation_tokens == 1 and text == "" and thinking == ""
    assert "<|im_end|>" not in text


def test_seed_reproduces_and_explicit_params_override_presets(text_engine):
    a = collect(text_engine.generate(ask(seed=11), cancel=CancelToken()))[0]
    b = collect(text_engine.generate(ask(seed=11), cancel=CancelToken()))[0]
    c = collect(text_engine.generate(ask(seed=12345), cancel=CancelToken()))[0]
    assert a == b
    assert a != c
    # temperature 0 is greedy: the seed no longer matters
    g1 = collect(text_engine.generate(ask(seed=1, temperature=0.0), cancel=CancelToken()))[0]
    g2 = collect(text_engine.generate(ask(seed=2, temperature=0.0), cancel=CancelToken()))[0]
    assert g1 == g2


def test_thinking_switch_reaches_the_template(text_engine):
    on, _ = text_engine.render_prompt(ask(thinking=True), True)
    off, _ = text_engine.render_prompt(ask(thinking=False), False)
    assert on.endswith("<|im_start|>assistant\n<think>\n")
    assert off.endswith("<think>\n\n</think>\n\n")
    text, thinking, last = collect(text_engine.generate(ask(thinking=True), cancel=CancelToken()))
    assert thinking and not text  # the random model never closes its <think> block
    text, thinking, _ = collect(text_engine.generate(ask(thinking=False), cancel=CancelToken()))
    assert text and not thinking


def test_thinking_none_follows_the_model_default(text_engine, monkeypatch):
    assert text_engine.thinking_default is False  # tiny model: no known size, like 0.8B / 2B
    text, thinking, _ = collect(text_engine.generate(ask(thinking=None), cancel=CancelToken()))
    assert text and not thinking
    monkeypatch.setattr(text_engine, "thinking_default", True)  # as for 4B / 9B
    text, thinking, _ = collect(text_engine.generate(ask(thinking=None), cancel=CancelToken()))
    assert thinking and not text


# -- cancel --------------------------------------------------------------------------------


def test_cancel_mid_stream_keeps_partial_text(text_engine):
    cancel = CancelToken()
    chunks = []
    for chunk in text_engine.generate(ask(max_tokens=200), cancel=cancel):
        chunks.append(chunk)
        if len(chunks) == 3:
            cancel.cancel()
    last = chunks[-1]
    assert last.finish_reason is FinishReason.CANCELLED
    assert "".join(c.text for c in chunks)
    assert 3 <= last.generation_tokens < 10


def test_cancel_from_another_thread(text_engine):
    cancel = CancelToken()
    threading.Timer(0.2, cancel.cancel).start()
    started = time.perf_counter()
    _, _, last = collect(text_engine.generate(ask(max_tokens=8000), cancel=cancel))
    assert last.finish_reason is FinishReason.CANCELLED
    assert time.perf_counter() - started < 5
    assert last.generation_tokens < 8000


def test_cancel_before_start(text_engine):
    cancel = CancelToken()
    cancel.cancel()
    chunks = list(text_engine.generate(ask(), cancel=cancel))
    assert len(chunks) == 1 and chunks[0].finish_reason is FinishReason.CANCELLED
    assert chunks[0].generation_tokens == 0 and chunks[0].prompt_tokens > 0


def test_abort_callback_stops_a_long_prompt_inside_llama_decode(text_engine):
    long_text = "The quick brown fox jumps over the lazy dog. " * 60
    cancel = FlipsAfter(1)  # false for the check before the first batch, true inside it
    chunks = list(text_engine.generate(ask(long_text), cancel=cancel))
    assert chunks[-1].finish_reason is FinishReason.CANCELLED
    assert chunks[-1].prompt_tokens > text_engine.n_batch  # more than one batch was asked for
    assert text_engine.perf().prompt_tokens < chunks[-1].prompt_tokens  # not all evaluated
    # the context is usable again right after an aborted prompt
    _, _, last = collect(text_engine.generate(ask(max_tokens=4), cancel=CancelToken()))
    assert last.finish_reason is FinishReason.LENGTH and last.generation_tokens == 4


# -- images and video ------------------------------------------------------------------------


def test_image_counts_its_tokens(vision_engine, tmp_path):
    text_only = collect(vision_engine.generate(ask(max_tokens=2), cancel=CancelToken()))[2]
    image = png(tmp_path / "red.png", size=(160, 96))
    text, _, last = collect(
        vision_engine.generate(ask(images=[image], max_tokens=6), cancel=CancelToken())
    )
    assert last.finish_reason is FinishReason.LENGTH and text
    assert last.prompt_tokens == vision_engine.perf().prompt_tokens
    # 160x96 px at 32 px per merged token: 5x3 = 15 image tokens, plus the vision start / end
    assert last.prompt_tokens - text_only.prompt_tokens >= 15


def test_image_token_budget(vision_engine, gguf_dirs, tmp_path):
    big = png(tmp_path / "big.png", size=(640, 480))
    text_only = collect(vision_engine.generate(ask(max_tokens=1), cancel=CancelToken()))[2]
    full = collect(vision_engine.generate(ask(images=[big], max_tokens=1), cancel=CancelToken()))
    assert full[2].prompt_tokens - text_only.prompt_tokens >= 20 * 15  # 640x480 / (32x32)
    small = LlamaCppEngine.load(inspect_model(gguf_dirs["vision"]), image_max_tokens=16)
    try:
        _, _, last = collect(small.generate(ask(images=[big], max_tokens=1), cancel=CancelToken()))
    finally:
        small.close()
    assert last.prompt_tokens - text_only.prompt_tokens <= 16 + 2  # + vision start / end


def test_two_images_and_jpeg(vision_engine, tmp_path):
    a = png(tmp_path / "a.png")
    b = tmp_path / "b.jpg"
    Image.new("RGB", (64, 96), (0, 90, 200)).save(b, "JPEG")
    one = collect(vision_engine.generate(ask(images=[a], max_tokens=2), cancel=CancelToken()))[2]
    two = collect(vision_engine.generate(ask(images=[a, b], max_tokens=2), cancel=CancelToken()))[2]
    assert two.prompt_tokens > one.prompt_tokens
    assert two.finish_reason is FinishReason.LENGTH


def test_video_frames_go_in_pairs_with_timestamps(vision_engine, tmp_path):
    frames = [
        VideoFrame(t=i * 0.5, index=i * 15, image=np.full((96, 128, 3), 40 * i, np.uint8))
        for i in range(4)
    ]
    prompt, pictures = vision_engine.render_prompt(ask(frames=frames), False, (), "<M>")
    assert "<0.2 seconds><M><M><1.2 seconds><M><M>" in prompt
    assert len(pictures) == 4 and all(p.video for p in pictures)
    _, _, video = collect(vision_engine.generate(ask(frames=frames), cancel=CancelToken()))
    assert video.prompt_tokens == vision_engine.perf().prompt_tokens
    paths = []
    for i, f in enumerate(frames):
        paths.append(tmp_path / f"f{i}.png")
        Image.fromarray(f.image).save(paths[-1])
    _, _, images = collect(vision_engine.generate(ask(images=paths), cancel=CancelToken()))
    assert video.finish_reason is FinishReason.LENGTH
    # merged in pairs: about half the image tokens of the same four frames as separate images
    assert video.prompt_tokens < images.prompt_tokens


# -- errors --------------------------------------------------------------------------------


def test_image_for_text_only_model(text_engine, tmp_path):
    with pytest.raises(CairnError) as e:
        text_engine.generate(ask(images=[png(tmp_path / "x.png")]), cancel=CancelToken())
    assert e.value.code is ErrorCode.UNSUPPORTED_INPUT
    frame = VideoFrame(t=0.0, index=0, image=np.zeros((32, 32, 3), np.uint8))
    with pytest.raises(CairnError) as e:
        text_engine.generate(ask(frames=[frame]), cancel=CancelToken())
    assert e.value.code is ErrorCode.UNSUPPORTED_INPUT


def test_bad_images_are_refused_before_any_work(vision_engine, tmp_path):
    with pytest.raises(CairnError) as e:
        vision_engine.generate(ask(images=[tmp_path / "missing.png"]), cancel=CancelToken())
    assert e.value.code is ErrorCode.IMAGE_NOT_FOUND
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all")
    with pytest.raises(CairnError) as e:
        vision_engine.generate(ask(images=[junk]), cancel=CancelToken())
    assert e.value.code is ErrorCode.IMAGE_UNREADABLE


def test_prompt_longer_than_context(gguf_dirs):
    engine = LlamaCppEngine.load(inspect_model(gguf_dirs["text"]), n_ctx=256)
    try:
        assert engine.n_ctx == 256
        with pytest.raises(CairnError) as e:
            list(engine.generate(ask("word " * 600), cancel=CancelToken()))
        assert e.value.code is ErrorCode.CONTEXT_TOO_LONG
        # a prompt that fits but leaves little room stops at the context's end
        _, _, last = collect(engine.generate(ask("hi", max_tokens=500), cancel=CancelToken()))
        assert last.finish_reason is FinishReason.LENGTH
        assert last.prompt_tokens + last.generation_tokens == 256
    finally:
        engine.close()


def test_not_qwen35_gguf(tmp_path):
    folder = build_tiny_gguf(tmp_path / "llama", arch="llama")
    with pytest.raises(CairnError) as e:
        inspect_model(folder)
    assert e.value.code is ErrorCode.NOT_QWEN35
    gguf = next(folder.glob("*.gguf"))
    local = LocalModel(path=gguf, format="gguf", name="x", size=None, has_vision=False, gguf=gguf)
    with pytest.raises(CairnError) as e:
        LlamaCppEngine.load(local)
    assert e.value.code is ErrorCode.MODEL_LOAD_FAILED


def test_gpu_without_offload_is_refused(gguf_dirs):
    with pytest.raises(CairnError) as e:
        LlamaCppEngine.load(inspect_model(gguf_dirs["text"]), device="gpu")
    assert e.value.code is ErrorCode.DEVICE_UNAVAILABLE


def test_chat_template_runs_sandboxed(tmp_path):
    evil = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    engine = LlamaCppEngine.load(inspect_model(build_tiny_gguf(tmp_path / "m", chat_template=evil)))
    try:
        with pytest.raises(CairnError) as e:
            engine.generate(ask(), cancel=CancelToken())
        assert e.value.code is ErrorCode.CHAT_TEMPLATE_FAILED
    finally:
        engine.close()


def test_physical_cores_reads_core_ids(tmp_path):
    info = tmp_path / "cpuinfo"
    blocks = [
        f"processor\t: {cpu}\nphysical id\t: 0\ncore id\t\t: {cpu % 2}\n" for cpu in range(4)
    ]  # 4 logical CPUs, 2 cores (hyper-threading)
    info.write_text("\n".join(blocks))
    assert physical_cores(info) in (1, 2)  # 2, or fewer if this process is pinned
    assert physical_cores(tmp_path / "absent") >= 1


def test_min_p_reaches_the_sampler(text_engine):
    # min_p 1.0 keeps only the most likely token: any seed at temperature 1 answers greedily
    greedy = collect(text_engine.generate(ask(seed=1, temperature=0.0), cancel=CancelToken()))[0]
    free = {
        collect(text_engine.generate(ask(seed=s, temperature=1.0), cancel=CancelToken()))[0]
        for s in (1, 2, 3)
    }
    assert free != {greedy}  # without min_p the seed shows
    for seed in (1, 2, 3):
        out = collect(
            text_engine.generate(ask(seed=seed, temperature=1.0, min_p=1.0), cancel=CancelToken())
        )[0]
        assert out == greedy
