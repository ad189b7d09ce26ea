"""The MLX engine on tiny random Qwen3.5 checkpoints: the real mlx-lm / mlx-vlm code paths."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image

from inference.cancel import CancelToken
from inference.checkpoint import inspect_model
from inference.engine import Engine, collect
from inference.engines import open_engine
from inference.errors import CairnError, ErrorCode
from inference.records import (
    FinishReason,
    GenerationRequest,
    GenParams,
    Message,
    Modality,
    VideoFrame,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def text_engine(tiny_text_ckpt):
    engine = open_engine(inspect_model(tiny_text_ckpt), engine="mlx", device="cpu")
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def vlm_engine(tiny_vlm_ckpt):
    engine = open_engine(inspect_model(tiny_vlm_ckpt))
    yield engine
    engine.close()


def ask(text="Hello, who are you?", **kw):
    params = GenParams(max_tokens=kw.pop("max_tokens", 24), seed=kw.pop("seed", 7), temperature=kw.pop("temperature", None))
    return GenerationRequest(messages=(Message("user", text, images=kw.pop("images", ())),), params=params, **kw)


def test_engine_protocol_and_device(text_engine, vlm_engine):
    assert isinstance(text_engine, Engine)
    assert text_engine.name == "mlx" and text_engine.device == "cpu"
    assert text_engine.capabilities == frozenset({Modality.TEXT})
    assert vlm_engine.capabilities == frozenset({Modality.TEXT, Modality.IMAGE, Modality.VIDEO})


def test_text_streams_with_statistics(text_engine):
    chunks = list(text_engine.generate(ask(thinking=False), cancel=CancelToken()))
    final = chunks[-1]
    assert final.finish_reason in (FinishReason.STOP, FinishReason.LENGTH)
    assert all(c.finish_reason is None for c in chunks[:-1])
    assert len(chunks) > 2, "an answer streams in several chunks"
    assert final.prompt_tokens > 5
    assert 1 <= final.generation_tokens <= 24
    assert final.ttft_s is not None and final.ttft_s > 0
    assert final.generation_tps > 0 and final.prompt_tps > 0
    assert final.peak_memory_mb > 0


def test_max_tokens_gives_length(text_engine):
    # temperature 0 on a random model: a fixed path; 3 tokens cannot end on a stop token by luck
    # unless the first tokens are stop tokens, which the answer text below rules out
    text, _, final = collect(text_engine.generate(ask(max_tokens=3, temperature=0.0, thinking=False), cancel=CancelToken()))
    assert final.generation_tokens <= 3
    if final.finish_reason == FinishReason.LENGTH:
        assert final.generation_tokens == 3


def test_greedy_is_deterministic(text_engine):
    a = collect(text_engine.generate(ask(temperature=0.0, thinking=False), cancel=CancelToken()))[0]
    b = collect(text_engine.generate(ask(temperature=0.0, thinking=False), cancel=CancelToken()))[0]
    assert a == b


def test_thinking_on_streams_reasoning_apart(text_engine):
    text, thinking, final = collect(text_engine.generate(ask(thinking=True), cancel=CancelToken()))
    assert thinking, "with thinking on, the answer starts inside <think>"
    assert "<think>" not in text and "</think>" not in thinking


def test_thinking_off_streams_answer(text_engine):
    chunks = list(text_engine.generate(ask(thinking=False), cancel=CancelToken()))
    assert chunks[0].text and not chunks[0].thinking


def test_thinking_default_follows_size(text_engine):
    # the tiny checkpoint matches no release size: it answers directly, like 0.8B and 2B
    assert text_engine.thinking_default is False
    chunks = list(text_engine.generate(ask(thinking=None), cancel=CancelToken()))
    assert chunks[0].text


def test_cancel_mid_stream_keeps_partial_text(text_engine):
    cancel = CancelToken()
    seen = []
    for chunk in text_engine.generate(ask(max_tokens=500, thinking=False), cancel=cancel):
        seen.append(chunk)
        if len(seen) == 4:
            cancel.cancel()
    final = seen[-1]
    assert final.finish_reason == FinishReason.CANCELLED
    assert "".join(c.text for c in seen)
    assert final.generation_tokens < 500


def test_cancel_before_start(text_engine):
    cancel = CancelToken()
    cancel.cancel()
    _, _, final = collect(text_engine.generate(ask(max_tokens=500), cancel=cancel))
    assert final.finish_reason == FinishReason.CANCELLED
    assert final.generation_tokens <= 1


def test_generate_on_another_thread_is_refused(text_engine):
    errors = []

    def worker():
        try:
            list(text_engine.generate(ask(), cancel=CancelToken()))
        except RuntimeError as e:
            errors.append(e)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert errors and "thread" in str(errors[0])


def test_image_on_text_only_model_is_refused(text_engine, tmp_path):
    p = tmp_path / "x.png"
    Image.new("RGB", (32, 32)).save(p)
    with pytest.raises(CairnError) as e:
        list(text_engine.generate(ask(images=(p,)), cancel=CancelToken()))
    assert e.value.code == ErrorCode.UNSUPPORTED_INPUT


def test_image_goes_through_the_vision_model(vlm_engine, tmp_path):
    p = tmp_path / "red.png"
    Image.new("RGB", (128, 96), (220, 20, 20)).save(p)
    _, _, plain = collect(vlm_engine.generate(ask(thinking=False), cancel=CancelToken()))
    text, _, final = collect(vlm_engine.generate(ask(images=(p,), thinking=False), cancel=CancelToken()))
    assert final.finish_reason in (FinishReason.STOP, FinishReason.LENGTH)
    assert final.prompt_tokens > plain.prompt_tokens + 10, "image tokens are in the prompt"


def test_two_images(vlm_engine, tmp_path):
    paths = []
    for i, colour in enumerate([(255, 0, 0), (0, 0, 255)]):
        p = tmp_path / f"{i}.png"
        Image.new("RGB", (64, 64), colour).save(p)
        paths.append(p)
    _, _, one = collect(vlm_engine.generate(ask(images=tuple(paths[:1]), thinking=False), cancel=CancelToken()))
    _, _, two = collect(vlm_engine.generate(ask(images=tuple(paths), thinking=False), cancel=CancelToken()))
    assert two.prompt_tokens > one.prompt_tokens


def _frames(n, h=96, w=128, fps=30.0):
    return tuple(
        VideoFrame(t=i * 0.5, index=int(i * 0.5 * fps), image=np.full((h, w, 3), (i * 37) % 255, np.uint8))
        for i in range(n)
    )


def test_video_frames_are_native_video_input(vlm_engine):
    _, _, four = collect(vlm_engine.generate(ask("What happens?", thinking=False, video_frames=_frames(4)), cancel=CancelToken()))
    _, _, eight = collect(vlm_engine.generate(ask("What happens?", thinking=False, video_frames=_frames(8)), cancel=CancelToken()))
    assert four.finish_reason in (FinishReason.STOP, FinishReason.LENGTH)
    assert eight.prompt_tokens > four.prompt_tokens, "more frames, more video tokens"


def test_video_prompt_carries_timestamps(vlm_engine):
    """Qwen3.5 sees each pair of frames with its time: check the processor's rendered prompt."""
    from mlx_vlm.utils import prepare_inputs

    model, processor = vlm_engine._vlm
    frames = _frames(4)
    prompt = processor.apply_chat_template(
        [{"role": "user", "content": [{"type": "video"}, {"type": "text", "text": "x"}]}],
        add_generation_prompt=True, tokenize=False, enable_thinking=False,
    )
    from mlx_vlm.utils import VideoMetadata

    inputs = prepare_inputs(
        processor, videos=[np.stack([f.image for f in frames])], prompts=prompt,
        video_metadata=[VideoMetadata(total_num_frames=4, fps=30.0, frames_indices=[f.index for f in frames])],
    )
    decoded = processor.tokenizer.decode(inputs["input_ids"][0].tolist())
    assert "<0.2 seconds>" in decoded or "<0.3 seconds>" in decoded
    assert "<1.2 seconds>" in decoded or "<1.3 seconds>" in decoded


def test_min_p_reaches_the_sampler(text_engine):
    # min_p 1.0 keeps only the most likely token: any seed at temperature 1 answers greedily
    def run(seed, temperature, min_p=None):
        request = GenerationRequest(
            messages=(Message("user", "Hello, who are you?"),),
            params=GenParams(max_tokens=12, seed=seed, temperature=temperature, min_p=min_p),
            thinking=False,
        )
        return collect(text_engine.generate(request, cancel=CancelToken()))[0]

    greedy = run(1, 0.0)
    assert {run(s, 1.0) for s in (1, 2, 3)} != {greedy}  # without min_p the seed shows
    for seed in (1, 2, 3):
        assert run(seed, 1.0, min_p=1.0) == greedy
