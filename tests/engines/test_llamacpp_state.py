"""The llama.cpp engine keeps its state across turns: reuse is exact, and it is really reuse.

Each comparison runs the same request on an engine that has kept its checkpoints and on a
second engine of the same model with its checkpoints dropped (a fresh engine, without loading
the model again), and compares the greedy answer AND the final logits bit for bit. The logits are
checked to differ between turns, so the comparison can fail. That the vision encoder does not run
again is seen by counting libmtmd's chunk evaluations (the engine's only path to the encoder).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from inference.cancel import CancelToken
from inference.checkpoint import inspect_model
from inference.engines.llamacpp_engine import LlamaCppEngine
from inference.records import Chunk, GenerationRequest, GenParams, Message, VideoFrame
from tests.fixtures.tiny_gguf import build_tiny_gguf

pytestmark = pytest.mark.slow

GREEDY = GenParams(max_tokens=12, temperature=0.0)
SYSTEM = Message("system", "You answer briefly and you check your facts before you answer.")


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    root = tmp_path_factory.mktemp("gguf-state")
    return {
        "text": inspect_model(build_tiny_gguf(root / "text")),
        "vision": inspect_model(build_tiny_gguf(root / "vision", vision=True)),
    }


def _pair(model):
    """Two engines of one model: one keeps its checkpoints, the other is cleared before each run."""
    kept = LlamaCppEngine.load(model, n_threads=2)
    fresh = LlamaCppEngine.load(model, n_threads=2)
    yield kept, fresh
    kept.close()
    fresh.close()


@pytest.fixture(scope="module")
def text_pair(models):
    yield from _pair(models["text"])


@pytest.fixture(scope="module")
def vision_pair(models):
    yield from _pair(models["vision"])


@pytest.fixture
def encodes(monkeypatch):
    """Counts libmtmd chunk evaluations (each one encodes its picture with the vision tower)."""
    from llama_cpp import mtmd_cpp

    calls = []
    real = mtmd_cpp.mtmd_helper_eval_chunk_single

    def counting(*args):
        calls.append(args[2])
        return real(*args)

    monkeypatch.setattr(mtmd_cpp, "mtmd_helper_eval_chunk_single", counting)
    return calls


def run(engine: LlamaCppEngine, request: GenerationRequest) -> tuple[str, np.ndarray, Chunk]:
    """The answer, the context's last logits when the answer ended, the final chunk. The stream is
    drained, so the engine also reads the answer for the next turn as the app's thread lets it."""
    import llama_cpp

    text: list[str] = []
    logits = None
    final = None
    for chunk in engine.generate(request, cancel=CancelToken()):
        text.append(chunk.text)
        if chunk.finish_reason is not None:
            final = chunk
            ptr = llama_cpp.llama_get_logits_ith(engine._ctx, -1)
            logits = np.ctypeslib.as_array(ptr, shape=(engine._n_vocab,)).copy()
    assert final is not None and logits is not None
    return "".join(text), logits, final


def fresh_run(engine: LlamaCppEngine, request: GenerationRequest):
    engine.clear_checkpoints()
    text, logits, final = run(engine, request)
    assert final.cached_tokens == 0
    return text, logits, final


def same(kept: LlamaCppEngine, fresh: LlamaCppEngine, request: GenerationRequest) -> Chunk:
    """Run on both engines, assert the same answer and logits; the kept engine's final chunk."""
    text, logits, final = run(kept, request)
    ref_text, ref_logits, _ = fresh_run(fresh, request)
    assert text == ref_text
    assert np.array_equal(logits, ref_logits)
    assert kept.perf().prompt_tokens == final.prompt_tokens - final.cached_tokens
    return final


def req(*messages: Message, frames=()) -> GenerationRequest:
    return GenerationRequest(tuple(messages), params=GREEDY, thinking=False, video_frames=frames)


def tokens_before(engine: LlamaCppEngine, request: GenerationRequest, mark: str) -> int:
    """Tokens of the request's text prompt before the last occurrence of `mark`."""
    prompt, _ = engine.render_prompt(request, False)
    head = prompt[: prompt.rindex(mark)]
    return len(engine._llm.tokenize(head.encode(), add_bos=False, special=True))


def tokens_after(engine: LlamaCppEngine, request: GenerationRequest, mark: str) -> int:
    """Tokens of the request's prompt from the last occurrence of `mark` (text only there)."""
    prompt, _ = engine.render_prompt(request, False)
    tail = prompt[prompt.rindex(mark) :]
    return len(engine._llm.tokenize(tail.encode(), add_bos=False, special=True))


def picture(path: Path, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 256, (64, 96, 3), dtype=np.uint8)).save(path)
    return path


# -- text ----------------------------------------------------------------------------------


def test_next_turns_and_regenerate_reuse_and_match_a_fresh_engine(text_pair):
    kept, fresh = text_pair
    kept.clear_checkpoints()
    messages = [SYSTEM, Message("user", "Tell me about the rivers and mountains of the north.")]
    last_logits = None
    for turn in range(4):
        text, logits, first = run(kept, req(*messages))
        ref_text, ref_logits, _ = fresh_run(fresh, req(*messages))
        assert text == ref_text and np.array_equal(logits, ref_logits)
        if last_logits is not None:
            assert not np.array_equal(logits, last_logits)  # the comparison can fail
            # the next turn: everything up to the new question came from a checkpoint
            assert first.cached_tokens == tokens_before(kept, req(*messages), "<|im_start|>user")
        else:
            assert first.cached_tokens == 0
        last_logits = logits

        again = same(kept, fresh, req(*messages))  # regenerate: all but the last token reused
        assert again.cached_tokens == again.prompt_tokens - 1
        assert again.prompt_tokens == first.prompt_tokens
        messages += [Message("assistant", text), Message("user", f"And the {turn + 2}th one?")]
    assert first.cached_tokens >= 0.8 * first.prompt_tokens  # the fourth turn
    stats = kept.state_stats()
    assert stats.hits >= 7 and 0 < stats.bytes_held <= stats.budget_bytes


def test_edit_and_resend_reuses_up_to_the_edited_message(text_pair):
    kept, fresh = text_pair
    kept.clear_checkpoints()
    messages = [SYSTEM, Message("user", "Name a river.")]
    for question in ("Name a mountain.", "Name a lake."):
        text, _, _ = run(kept, req(*messages))
        messages += [Message("assistant", text), Message("user", question)]
    run(kept, req(*messages))

    edited = [*messages[:3], Message("user", "Name a forest instead."), *messages[4:]]
    final = same(kept, fresh, req(*edited))
    # exactly the tokens before the edited message's <|im_start|> were restored
    assert final.cached_tokens == tokens_before(kept, req(*edited[:3]), "<|im_start|>assistant")
    assert 0 < final.cached_tokens < 0.8 * final.prompt_tokens


def test_checkpoints_stay_within_the_budget_least_recently_used_first(models, text_pair):
    _, fresh = text_pair
    probe = LlamaCppEngine.load(models["text"], n_threads=2)
    try:
        run(probe, req(SYSTEM, Message("user", "How big is one checkpoint?")))
        one = probe.state_stats().bytes_held // probe.state_stats().checkpoints
    finally:
        probe.close()
    assert probe.state_stats().bytes_held == 0  # close frees every checkpoint

    budget = 3 * one
    small = LlamaCppEngine.load(models["text"], n_threads=2, state_budget=budget)
    try:
        messages = [SYSTEM, Message("user", "Tell me about the sea.")]
        for turn in range(4):
            final = same(small, fresh, req(*messages))
            stats = small.state_stats()
            assert stats.bytes_held <= budget
            if turn:
                assert final.cached_tokens > 0  # the most recent checkpoints survived
            text, _, _ = run(small, req(*messages))
            messages += [Message("assistant", text), Message("user", "More?")]
        assert small.state_stats().evicted > 0
    finally:
        small.close()

    off = LlamaCppEngine.load(models["text"], n_threads=2, state_budget=0)
    try:
        for _ in range(2):
            _, _, final = run(off, req(SYSTEM, Message("user", "No memory at all.")))
            assert final.cached_tokens == 0
        assert off.state_stats().checkpoints == 0
    finally:
        off.close()


# -- images and video ----------------------------------------------------------------------


def test_image_follow_up_reuses_the_image_without_encoding_it_again(vision_pair, tmp_path, encodes):
    kept, fresh = vision_pair
    kept.clear_checkpoints()
    image = picture(tmp_path / "a.png", 1)
    messages = [SYSTEM, Message("user", "What is in this picture?", images=(image,))]
    text, _, first = run(kept, req(*messages))
    assert len(encodes) == 1
    messages += [Message("assistant", text), Message("user", "And its colours?")]

    encodes.clear()
    text, logits, follow = run(kept, req(*messages))
    assert encodes == []  # the image's tokens came from the checkpoint
    assert follow.cached_tokens >= first.prompt_tokens  # the image and the first answer
    # all but the new question: the tokens from its <|im_start|> on are the only ones evaluated
    new = tokens_after(kept, req(*messages), "<|im_start|>user")
    assert follow.cached_tokens == follow.prompt_tokens - new
    ref_text, ref_logits, _ = fresh_run(fresh, req(*messages))
    assert len(encodes) == 1  # the fresh engine did encode it
    assert text == ref_text and np.array_equal(logits, ref_logits)

    encodes.clear()
    again = same(kept, fresh, req(*messages))  # regenerate with an image
    assert again.cached_tokens == again.prompt_tokens - 1
    assert len(encodes) == 1  # the fresh engine's only


def test_a_different_image_never_matches(vision_pair, tmp_path, encodes):
    kept, fresh = vision_pair
    kept.clear_checkpoints()
    first = picture(tmp_path / "a.png", 1)
    other = picture(tmp_path / "b.png", 2)  # same size, other pixels: same token count
    question = "What is in this picture?"
    run(kept, req(SYSTEM, Message("user", question, images=(first,))))
    encodes.clear()
    final = same(kept, fresh, req(SYSTEM, Message("user", question, images=(other,))))
    assert len(encodes) == 2  # encoded by both engines
    n_system = tokens_before(kept, req(SYSTEM), "<|im_start|>assistant")
    assert final.cached_tokens == n_system  # only the system message, before the image


def test_video_follow_up_reuses_the_frames(vision_pair, encodes):
    kept, fresh = vision_pair
    kept.clear_checkpoints()
    rng = np.random.default_rng(3)
    frames = tuple(
        VideoFrame(t=i * 0.5, index=i, image=rng.integers(0, 256, (64, 64, 3), dtype=np.uint8))
        for i in range(4)
    )
    messages = [Message("user", "What happens in this video?", video=Path("clip.mp4"))]
    text, _, first = run(kept, req(*messages, frames=frames))
    assert len(encodes) == 2  # two pairs of merged frames
    messages += [Message("assistant", text), Message("user", "And at the end?")]
    encodes.clear()
    final = same(kept, fresh, req(*messages, frames=frames))
    assert len(encodes) == 2  # the fresh engine's; none for the kept one
    assert final.cached_tokens >= first.prompt_tokens


# -- on disk -------------------------------------------------------------------------------


def test_a_conversation_continues_from_disk_after_a_restart(models, text_pair, tmp_path):
    _, fresh = text_pair
    folder = tmp_path / "states"
    messages = [SYSTEM, Message("user", "Tell me about the rivers of the north.")]
    first = LlamaCppEngine.load(models["text"], n_threads=2, state_dir=folder)
    try:
        for question in ("And the lakes?", "And the hills?"):
            text, _, _ = run(first, req(*messages))
            messages += [Message("assistant", text), Message("user", question)]
    finally:
        first.close()
    assert len(list(folder.glob("*.state"))) == 1  # the conversation's last checkpoint only

    again = LlamaCppEngine.load(models["text"], n_threads=2, state_dir=folder)
    try:
        final = same(again, fresh, req(*messages))
        assert final.cached_tokens == tokens_before(again, req(*messages), "<|im_start|>user")
    finally:
        again.close()


def test_disk_checkpoints_belong_to_one_model_and_a_budget(models, tmp_path):
    folder = tmp_path / "states"
    messages = [SYSTEM, Message("user", "Tell me about the sea.")]
    engine = LlamaCppEngine.load(models["text"], n_threads=2, state_dir=folder)
    try:
        text, _, _ = run(engine, req(*messages))
    finally:
        engine.close()
    follow = req(*messages, Message("assistant", text), Message("user", "More?"))
    other = build_tiny_gguf(tmp_path / "other", seed=5)  # same shapes and names, other weights
    engine = LlamaCppEngine.load(inspect_model(other), n_threads=2, state_dir=folder)
    try:
        assert run(engine, follow)[2].cached_tokens == 0
    finally:
        engine.close()

    tight = tmp_path / "tight"
    engine = LlamaCppEngine.load(
        models["text"], n_threads=2, state_dir=tight, state_disk_budget=1000
    )
    try:
        run(engine, req(*messages))
    finally:
        engine.close()
    assert list(tight.glob("*.state")) == []  # a checkpoint over the budget is not written
