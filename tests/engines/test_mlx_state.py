"""The MLX engine keeps prompt-cache checkpoints across requests: reuse, correctness, budget.

Every comparison is against an engine of the same checkpoint with no checkpoint budget (each
request read from scratch). Greedy answers of a tiny random model can settle on one token, so
each comparison is also made with seeded sampling at temperature 1, which follows every change
of the logits; and a check that the answer does depend on the earlier turns shows that the
comparison could fail.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from inference.cancel import CancelToken
from inference.checkpoint import inspect_model
from inference.engines.mlx_engine import MLXEngine
from inference.records import GenerationRequest, GenParams, Message, VideoFrame

pytestmark = pytest.mark.slow

HISTORY = (
    "Hello there! How are you today? I am a small test model. The quick brown fox jumps over "
    "the lazy dog. Cairn runs Qwen models on your own laptop, privately and fast. "
)


def tokens(engine, text):
    _, tokenizer = engine._lm or engine._vlm
    tokenizer = getattr(tokenizer, "tokenizer", tokenizer)
    return len(tokenizer.encode(text, add_special_tokens=False))


def new_part(engine, user_text):
    """Tokens a next turn must read when the whole history comes from checkpoints: its user
    message and the generation prompt (the answer was read as the next turn renders it)."""
    return tokens(
        engine,
        f"<|im_start|>user\n{user_text}<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n",
    )


def engine_pair(ckpt):
    """(engine that reuses, engine that never does) on one checkpoint, closed afterwards."""
    local = inspect_model(ckpt)
    pair = MLXEngine.load(local, device="cpu"), MLXEngine.load(local, device="cpu", state_budget=0)
    yield pair
    for engine in pair:
        engine.close()


@pytest.fixture(scope="module")
def text_pair(tiny_text_ckpt):
    yield from engine_pair(tiny_text_ckpt)


@pytest.fixture(scope="module")
def vlm_pair(tiny_vlm_ckpt):
    yield from engine_pair(tiny_vlm_ckpt)


def request(*turns, images=(), frames=(), temperature=0.0, max_tokens=16):
    """turns: user, assistant, user, ...; `images` and the video go with the first message."""
    video = Path("clip.mp4") if frames else None  # the frames are given; the path names the message
    messages = tuple(
        Message(
            "user" if i % 2 == 0 else "assistant",
            text,
            images=tuple(images) if i == 0 else (),
            video=video if i == 0 else None,
        )
        for i, text in enumerate(turns)
    )
    params = GenParams(max_tokens=max_tokens, temperature=temperature, seed=11)
    return GenerationRequest(
        messages=messages, params=params, thinking=False, video_frames=tuple(frames)
    )


def answer(engine, req):
    """(text, final chunk), the stream read to its end as the app and the server read it (the
    engine reads the answer for the next turn after the final chunk)."""
    chunks = list(engine.generate(req, cancel=CancelToken()))
    assert chunks[-1].finish_reason is not None
    return "".join(c.text for c in chunks), chunks[-1]


def both(engines, req):
    """(answer with reuse, its final chunk), answer of the fresh engine."""
    reuse, fresh = engines
    text, final = answer(reuse, req)
    return text, final, answer(fresh, req)[0]


def image(tmp_path, name, colour, size=(64, 48)):
    p = tmp_path / name
    rng = np.random.default_rng(sum(colour))
    pixels = (rng.integers(0, 60, (size[1], size[0], 3)) + np.array(colour) * 0.7).astype(np.uint8)
    Image.fromarray(pixels).save(p)
    return p


@pytest.mark.parametrize("temperature", [0.0, 1.0])
def test_next_turn_and_regenerate_reuse_and_match_fresh(text_pair, temperature):
    first = request(HISTORY * 6, temperature=temperature)
    a1, f1, fresh1 = both(text_pair, first)
    assert a1 == fresh1
    second = request(HISTORY * 6, a1, "And then?", temperature=temperature)
    a2, f2, fresh2 = both(text_pair, second)
    assert a2 == fresh2
    assert f2.prompt_tokens - f2.cached_tokens == new_part(text_pair[0], "And then?")
    assert f2.cached_tokens >= 0.8 * f2.prompt_tokens, (f2.cached_tokens, f2.prompt_tokens)
    assert 0 < f2.cached_tokens < f2.prompt_tokens
    # regenerate: the same prompt again reuses all of it but the last token
    a3, f3, _ = both(text_pair, second)
    assert a3 == a2
    assert f3.cached_tokens == f3.prompt_tokens - 1


def test_answers_depend_on_the_reused_history(text_pair):
    """The comparisons above can fail: another history gives another answer."""
    _, fresh = text_pair
    one = answer(fresh, request(HISTORY * 6, "Yes.", "And then?", temperature=1.0, max_tokens=24))[
        0
    ]
    two = answer(fresh, request(HISTORY * 2, "No.", "And then?", temperature=1.0, max_tokens=24))[0]
    assert one != two


def test_edit_of_the_last_message_reuses_up_to_it(text_pair):
    reuse, _ = text_pair
    answer(reuse, request(HISTORY * 2, "Fine.", "Tell me about the fox."))
    text, final, fresh = both(
        text_pair, request(HISTORY * 2, "Fine.", "Tell me about the dog instead.")
    )
    assert text == fresh
    assert final.cached_tokens > 0.6 * final.prompt_tokens


def test_stored_checkpoint_survives_later_generations(text_pair):
    """MLX writes caches in place: a checkpoint must not change when a request that started
    from it goes on generating."""
    reuse, _ = text_pair
    base = request(HISTORY * 2 + "Checkpoint test.", temperature=1.0)
    first = answer(reuse, base)[0]
    store = reuse._cache
    key = max(store.keys(), key=len)
    before = [np.array(a) for c in store._entries[key].payload for a in _arrays(c)]
    for follow_up in ("One.", "Two, a longer one this time."):
        answer(reuse, request(HISTORY * 2 + "Checkpoint test.", first, follow_up, max_tokens=40))
    after = [np.array(a) for c in store._entries[key].payload for a in _arrays(c)]
    assert len(before) == len(after) > 0
    assert all(np.array_equal(x, y) for x, y in zip(before, after, strict=True))
    again, final = answer(reuse, base)
    assert final.cached_tokens == final.prompt_tokens - 1
    assert again == first


def _arrays(c):
    state = c.state
    flat = []
    for s in state if isinstance(state, (tuple, list)) else (state,):
        if isinstance(s, list):
            flat.extend(x for x in s if x is not None)
        elif hasattr(s, "shape"):
            flat.append(s)
    return flat


def test_budget_evicts_least_recently_used(tiny_text_ckpt):
    engine = MLXEngine.load(inspect_model(tiny_text_ckpt), device="cpu", state_budget=600_000)
    try:
        a = request(HISTORY * 2 + "A.")
        answer(engine, a)
        for i in range(4):
            answer(engine, request(HISTORY * 2 + f"Other {i}.", "Sure.", "More " * 20))
        stats = engine.state_stats()
        assert stats.evicted > 0
        assert stats.bytes_held <= stats.budget_bytes
        _, final = answer(engine, a)
        assert final.cached_tokens < final.prompt_tokens - 1, "the oldest checkpoints went first"
    finally:
        engine.close()


def test_clear_and_close_free_checkpoints(tiny_text_ckpt):
    engine = MLXEngine.load(inspect_model(tiny_text_ckpt), device="cpu")
    answer(engine, request(HISTORY))
    assert engine.state_stats().checkpoints > 0 and engine.state_stats().bytes_held > 0
    engine.clear_checkpoints()
    assert answer(engine, request(HISTORY))[1].cached_tokens == 0
    assert engine.state_stats().checkpoints > 0
    engine.close()
    assert engine.state_stats().checkpoints == 0 and engine.state_stats().bytes_held == 0


class TowerSpy:
    """Counts the real vision tower's calls (it still does the work)."""

    def __init__(self, model):
        self.model, self.tower, self.calls = model, model.vision_tower, 0

    def __call__(self, *args, **kw):
        self.calls += 1
        return self.tower(*args, **kw)

    def __getattr__(self, name):  # patch_embed, dtype...: the tower's own
        return getattr(self.tower, name)

    def __enter__(self):
        self.model.vision_tower = self
        return self

    def __exit__(self, *exc):
        self.model.vision_tower = self.tower


@pytest.mark.parametrize("temperature", [0.0, 1.0])
def test_image_follow_up_reuses_the_image(vlm_pair, tmp_path, temperature):
    reuse, _ = vlm_pair
    pic = image(tmp_path, "a.png", (200, 40, 40), size=(160, 128))
    first = request(
        "What is in this picture? " + HISTORY * 3, images=(pic,), temperature=temperature
    )
    a1, f1, fresh1 = both(vlm_pair, first)
    assert a1 == fresh1
    follow = request(
        "What is in this picture? " + HISTORY * 3,
        a1,
        "And its colour?",
        images=(pic,),
        temperature=temperature,
    )
    with TowerSpy(reuse._vlm[0]) as spy:
        a2, f2 = answer(reuse, follow)
    assert spy.calls == 0, "the image came from the checkpoint"
    assert f2.prompt_tokens - f2.cached_tokens == new_part(reuse, "And its colour?")
    assert f2.cached_tokens >= 0.8 * f2.prompt_tokens
    assert a2 == answer(vlm_pair[1], follow)[0]


def test_a_different_image_does_not_reuse(vlm_pair, tmp_path):
    reuse, _ = vlm_pair
    red, blue = image(tmp_path, "r.png", (220, 30, 30)), image(tmp_path, "b.png", (30, 30, 220))
    answer(reuse, request("Describe it.", images=(red,)))
    with TowerSpy(reuse._vlm[0]) as spy:
        text, final, fresh = both(vlm_pair, request("Describe it.", images=(blue,)))
    assert spy.calls >= 1
    assert final.cached_tokens == 0
    assert text == fresh


def test_image_answers_depend_on_the_image(vlm_pair, tmp_path):
    _, fresh = vlm_pair
    red, blue = image(tmp_path, "r2.png", (220, 30, 30)), image(tmp_path, "b2.png", (30, 30, 220))
    one = answer(fresh, request("Describe it.", images=(red,), temperature=1.0, max_tokens=24))[0]
    two = answer(fresh, request("Describe it.", images=(blue,), temperature=1.0, max_tokens=24))[0]
    assert one != two


def rope_delta(engine):
    """The M-RoPE offset the decoder continues with (positions = cache offset + delta)."""
    return np.array(engine._vlm[0].language_model._rope_deltas).tolist()


@pytest.mark.parametrize("new_image", [False, True])
def test_text_after_image_keeps_rope_positions(vlm_pair, tmp_path, new_image):
    """An image of h x w merged patches holds h*w tokens but moves the positions of the text
    after it by max(h, w) only (M-RoPE): a prompt read from a checkpoint must go on at those
    positions, as a fresh read does, with or without a new image in the part read now."""
    reuse, fresh = vlm_pair
    pic = image(tmp_path, "big.png", (40, 200, 40), size=(160, 128))
    other = image(tmp_path, "other.png", (200, 200, 40), size=(96, 128))
    a1 = answer(reuse, request("Look.", images=(pic,), temperature=1.0, max_tokens=8))[0]
    follow = GenerationRequest(
        messages=(
            Message("user", "Look.", images=(pic,)),
            Message("assistant", a1),
            Message("user", "Longer question " * 6, images=(other,) if new_image else ()),
        ),
        params=GenParams(max_tokens=24, temperature=1.0, seed=11),
        thinking=False,
    )
    text, final = answer(reuse, follow)
    delta = rope_delta(reuse)
    assert final.cached_tokens > 0
    assert answer(fresh, follow)[0] == text
    assert delta == rope_delta(fresh)
    assert delta[0][0] < -10, "the images moved the positions (the test can fail)"


def _frames(n, shade=37):
    return tuple(
        VideoFrame(t=i * 0.5, index=i * 15, image=np.full((48, 64, 3), (i * shade) % 255, np.uint8))
        for i in range(n)
    )


def test_video_follow_up_reuses_the_video(vlm_pair):
    reuse, _ = vlm_pair
    frames = _frames(4)
    first = request("What happens?", frames=frames, temperature=1.0)
    a1, f1, fresh1 = both(vlm_pair, first)
    assert a1 == fresh1
    follow = request("What happens?", a1, "And at the end?", frames=frames, temperature=1.0)
    with TowerSpy(reuse._vlm[0]) as spy:
        a2, f2 = answer(reuse, follow)
    assert spy.calls == 0, "the frames came from the checkpoint"
    assert f2.prompt_tokens - f2.cached_tokens == new_part(reuse, "And at the end?")
    assert a2 == answer(vlm_pair[1], follow)[0]


def test_new_image_in_a_later_turn_reads_only_the_new_one(vlm_pair, tmp_path):
    reuse, _ = vlm_pair
    red, blue = image(tmp_path, "r3.png", (220, 30, 30)), image(tmp_path, "b3.png", (30, 30, 220))
    first = request("First picture.", images=(red,), temperature=1.0)
    a1 = answer(reuse, first)[0]
    later = GenerationRequest(
        messages=(
            Message("user", "First picture.", images=(red,)),
            Message("assistant", a1),
            Message("user", "Now this one?", images=(blue,)),
        ),
        params=GenParams(max_tokens=16, temperature=1.0, seed=11),
        thinking=False,
    )
    with TowerSpy(reuse._vlm[0]) as spy:
        text, final = answer(reuse, later)
    assert spy.calls == 1, "only the new picture goes through the vision tower"
    assert final.cached_tokens > 0
    assert text == answer(vlm_pair[1], later)[0]


def test_prefix_key_names_each_picture_by_its_pixels():
    from inference.engines.mlx_state import prefix_key

    img, vid = 90, 91
    ids = [1, img, img, 2, img, 3, vid, vid, 4, vid, 5]
    key = prefix_key(ids, {img: ["a", "b"], vid: ["v"]})
    assert key == (
        1,
        (img, "a"),
        (img, "a"),
        2,
        (img, "b"),
        3,
        (vid, "v"),
        (vid, "v"),
        4,
        (vid, "v"),
        5,
    )
    assert prefix_key(ids, {img: ["a", "c"], vid: ["v"]})[:4] == key[:4]
    assert prefix_key(ids, {img: ["a", "c"], vid: ["v"]})[4] != key[4]
    assert prefix_key(ids, {img: ["a", "b", "c"], vid: ["v"]}) is None, "a picture without tokens"
    assert prefix_key(ids, {img: ["a"]}) is not None  # one image: every run is that image
    assert prefix_key([1, 2, 3]) == (1, 2, 3)


def test_checkpoint_marks_are_message_starts_and_the_last_but_one_token():
    from inference.engines.mlx_state import checkpoint_marks

    start = 7
    ids = [start, 1, 1, start, 2, 2, 2, start, 3, 3]
    assert checkpoint_marks(ids, start, 0) == [3, 7, 9]
    assert checkpoint_marks(ids, start, 3) == [7, 9]
    assert checkpoint_marks(ids, start, 9) == []


def test_snapshot_is_independent_of_the_cache_it_copies(text_pair):
    """A copy taken mid-prompt keeps its values while the original cache reads on."""
    import mlx.core as mx
    from mlx_lm.models.cache import make_prompt_cache

    from inference.engines.mlx_state import restore, snapshot

    model, _ = text_pair[0]._lm
    cache = make_prompt_cache(model)
    model(mx.array([[5, 6, 7, 8]]), cache=cache)
    copy = snapshot(cache)
    before = [np.array(a) for c in copy for a in _arrays(c)]
    model(mx.array([[9, 10, 11]]), cache=cache)
    working = restore(copy)
    model(mx.array([[12]]), cache=working)
    mx.eval([c.state for c in cache + working])
    after = [np.array(a) for c in copy for a in _arrays(c)]
    assert all(np.array_equal(x, y) for x, y in zip(before, after, strict=True))
    assert {c.offset for c in copy if hasattr(c, "offset")} == {4}
    assert {c.offset for c in working if hasattr(c, "offset")} == {5}


def test_reused_prefix_gives_bit_identical_logprobs(text_pair):
    """Stronger than equal answers: every step's log-probabilities are the same bits with a
    checkpointed prefix as with the whole prompt read at once (MLX's CPU backend)."""
    from inference.engines.mlx_state import PromptCheckpoints, PromptRun
    from inference.engines.mlx_text import lm_prompt, lm_stream
    from inference.engines.state_cache import StateCache

    engine = text_pair[1]
    model, tokenizer = engine._lm

    def run(checkpoints, *turns):
        req = request(*turns, max_tokens=6)
        render = engine._render(CancelToken())
        ids = lm_prompt(render, tokenizer, req, False, generation=True)[1]
        sampler, processors = engine._sampling(req.params)
        run = PromptRun()
        steps = lm_stream(
            model,
            tokenizer,
            ids,
            sampler=sampler,
            processors=processors,
            max_tokens=6,
            checkpoints=checkpoints,
            run=run,
            cancel=CancelToken(),
            stream_kwargs={},
        )
        return [np.array(s.logprobs) for s in steps], run

    warm = PromptCheckpoints(StateCache())
    run(warm, HISTORY * 4)
    reused, r = run(warm, HISTORY * 4, "Fine, thanks.", "And then?")
    fresh, f = run(PromptCheckpoints(StateCache(0)), HISTORY * 4, "Fine, thanks.", "And then?")
    assert r.cached > 0.7 * r.total and f.cached == 0
    assert len(reused) == len(fresh) == 6
    assert all(np.array_equal(a, b) for a, b in zip(reused, fresh, strict=True))
