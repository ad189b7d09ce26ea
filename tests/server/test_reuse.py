"""Issue 12's acceptance through `cairn serve` and the official openai client, on real engines.

A `cairn serve` subprocess per engine keeps its checkpoints across requests (llama.cpp on a tiny
GGUF with its projector, MLX on the tiny text and vision checkpoints). Each answer given with
reuse is compared with the answer of a FRESH server (a second `cairn serve` started for that one
request: serve has no switch to turn reuse off, and a new process has no checkpoint at all).

Token accounting is checked exactly: the part of a next turn read from scratch is the new user
message and the generation prompt, counted with the model's own tokenizer, so the earlier prompt
AND the answer (read back as the client sends it) came from checkpoints.

Random tiny models are nearly insensitive to their context under greedy decoding (the answer
often does not change with the history), so every comparison also runs with seeded sampling at
temperature 1.5 over the whole vocabulary, which follows small changes of the logits; a separate
test shows such answers do change with the history, so the comparisons can fail. Every server a
test starts is stopped by its PID, also when the test fails.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.server.serving import Served, start_server, stop_server

openai = pytest.importorskip("openai", reason="the openai client is a dev dependency")

pytestmark = pytest.mark.slow

HISTORY = (
    "Hello there! How are you today? I am a small test model. The quick brown fox jumps over "
    "the lazy dog. Cairn runs Qwen models on your own laptop, privately and fast. "
)
SAMPLING = {
    # a presence penalty keeps the greedy tiny model from repeating one token that decodes to
    # nothing (an empty answer is not read ahead for the next turn: nothing to reuse there)
    "greedy": {"temperature": 0.0, "penalty": 1.5, "seed": 7, "extra": {"top_k": 1}},
    "sampled": {"temperature": 1.5, "penalty": 0.0, "seed": 7, "extra": {"top_k": -1, "min_p": 0}},
}


# -- servers -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def models(tmp_path_factory, request) -> dict[str, Path]:
    """Model folders by kind, built on first use (the MLX ones are the session's fixtures)."""

    class Lazy(dict):
        def __missing__(self, kind: str) -> Path:
            if kind == "llamacpp":
                from tests.fixtures.tiny_gguf import build_tiny_gguf

                path = build_tiny_gguf(
                    tmp_path_factory.mktemp("reuse") / "tiny-vision", vision=True
                )
            elif kind == "mlx":
                path = request.getfixturevalue("tiny_text_ckpt")
            else:
                path = request.getfixturevalue("tiny_vlm_ckpt")
            self[kind] = path
            return path

    return Lazy()


@pytest.fixture(scope="module")
def servers(models, tmp_path_factory) -> Iterator[dict[str, Served]]:
    """One reusing server per kind for the whole module, started on first use."""
    started: list[Served] = []

    class Lazy(dict):
        def __missing__(self, kind: str) -> Served:
            served = start_server(models[kind], tmp_path_factory.mktemp(f"home-{kind}"))
            started.append(served)
            self[kind] = served
            return served

    try:
        yield Lazy()
    finally:
        for served in started:
            stop_server(served.proc)


@contextmanager
def client_of(served: Served):
    c = openai.OpenAI(base_url=served.url, api_key=served.token, max_retries=0, timeout=120)
    try:
        yield c
    finally:
        c.close()


@contextmanager
def fresh_server(model: Path, home: Path):
    """A new `cairn serve` (no checkpoint at all), stopped by its PID afterwards."""
    served = start_server(model, home)
    try:
        with client_of(served) as c:
            yield c
    finally:
        stop_server(served.proc)


@pytest.fixture
def fresh(models, tmp_path):
    def answer(kind: str, messages: list[dict], sampling: str) -> str:
        with fresh_server(models[kind], tmp_path / "fresh-home") as c:
            text, usage = ask(c, messages, sampling)
        assert usage.prompt_tokens_details.cached_tokens == 0  # a fresh server reuses nothing
        return text

    return answer


# -- requests ------------------------------------------------------------------------------


def ask(client, messages: list[dict], sampling: str, *, stream: bool = False, max_tokens=24):
    """(answer, usage) of one chat completion, thinking off, with the given sampling."""
    s = SAMPLING[sampling]
    kw = dict(
        model="x",
        messages=messages,
        max_tokens=max_tokens,
        temperature=s["temperature"],
        top_p=1.0,
        seed=s["seed"],
        presence_penalty=s["penalty"],
        extra_body={**s["extra"], "chat_template_kwargs": {"enable_thinking": False}},
    )
    if not stream:
        r = client.chat.completions.create(**kw)
        return r.choices[0].message.content or "", r.usage
    pieces, usage = [], None
    for event in client.chat.completions.create(
        **kw, stream=True, stream_options={"include_usage": True}
    ):
        if event.usage is not None:
            usage = event.usage
        for choice in event.choices:
            pieces.append(choice.delta.content or "")
    assert usage is not None, "include_usage gives a last event with the usage"
    return "".join(pieces), usage


def cached(usage) -> int:
    return usage.prompt_tokens_details.cached_tokens


@pytest.fixture(scope="module")
def new_part(models) -> Iterator:
    """new_part(kind, question): tokens a next turn must read when everything before it came
    from checkpoints: its user message and the generation prompt (thinking off), counted with
    the model's own tokenizer."""
    tokenizers: dict[str, object] = {}

    def count(kind: str, question: str) -> int:
        text = f"<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n"
        model = models[kind]
        if kind == "llamacpp":
            if kind not in tokenizers:
                import llama_cpp

                gguf = next(p for p in model.glob("*.gguf") if not p.name.startswith("mmproj"))
                tokenizers[kind] = llama_cpp.Llama(str(gguf), vocab_only=True, verbose=False)
            return len(tokenizers[kind].tokenize(text.encode(), add_bos=False, special=True))
        if kind not in tokenizers:
            from transformers import AutoTokenizer

            tokenizers[kind] = AutoTokenizer.from_pretrained(str(model))
        return len(tokenizers[kind].encode(text, add_special_tokens=False))

    yield count
    for tok in tokenizers.values():
        close = getattr(tok, "close", None)
        if close is not None:
            close()


def png_data_url(seed: int, size=(160, 128)) -> str:
    rng = np.random.default_rng(seed)
    buf = io.BytesIO()
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


# -- the next turn and a regenerate --------------------------------------------------------


@pytest.mark.parametrize("sampling", ["greedy", "sampled"])
@pytest.mark.parametrize("kind", ["llamacpp", "mlx"])
def test_next_turns_and_regenerate_reuse_and_match_a_fresh_server(
    servers, new_part, fresh, kind, sampling
):
    # a system text of its own, so nothing from the other tests' conversations is reused
    messages = [
        {"role": "system", "content": f"You are test {kind} {sampling}. Be brief."},
        {"role": "user", "content": HISTORY * 6},
    ]
    with client_of(servers[kind]) as c:
        text, usage = ask(c, messages, sampling)
        assert cached(usage) == 0
        assert text, "an empty answer has nothing to reuse (see SAMPLING)"
        for turn in range(2):
            question = f"And then? Tell me more, part {turn + 2}."
            earlier = usage.prompt_tokens + usage.completion_tokens
            messages += [
                {"role": "assistant", "content": text},
                {"role": "user", "content": question},
            ]
            text, usage = ask(c, messages, sampling)
            # the next turn: the earlier prompt and the answer came from checkpoints
            assert cached(usage) >= 0.8 * earlier, (cached(usage), earlier)
            assert usage.prompt_tokens - cached(usage) == new_part(kind, question)
            assert text == fresh(kind, messages, sampling)

            again, usage_again = ask(c, messages, sampling)  # regenerate
            assert usage_again.prompt_tokens == usage.prompt_tokens
            assert cached(usage_again) == usage_again.prompt_tokens - 1  # all but the last token
            assert again == text


def test_streamed_next_turn_and_regenerate_report_usage(servers, new_part, fresh):
    """The same accounting with stream=True and stream_options.include_usage (a completed
    stream must not cancel the engine's read-ahead of the answer: then the answer is read again
    with the next turn and the exact count below fails)."""
    kind, sampling = "llamacpp", "sampled"
    messages = [
        {"role": "system", "content": "You are the streaming test."},
        {"role": "user", "content": HISTORY * 5},
    ]
    with client_of(servers[kind]) as c:
        text, first = ask(c, messages, sampling, stream=True)
        assert cached(first) == 0 and first.completion_tokens > 0
        question = "Go on, please."
        messages += [{"role": "assistant", "content": text}, {"role": "user", "content": question}]
        text, usage = ask(c, messages, sampling, stream=True)
        assert cached(usage) >= 0.8 * (first.prompt_tokens + first.completion_tokens)
        assert usage.prompt_tokens - cached(usage) == new_part(kind, question)
        again, usage_again = ask(c, messages, sampling, stream=True)
        assert cached(usage_again) == usage_again.prompt_tokens - 1
        assert again == text
    assert text == fresh(kind, messages, sampling)


@pytest.mark.parametrize("kind", ["llamacpp", "mlx"])
def test_sampled_answers_depend_on_the_history(models, tmp_path, kind):
    """The comparisons above can fail: another history gives another answer (fresh server)."""
    answers = []
    with fresh_server(models[kind], tmp_path / "home") as c:
        for history in (HISTORY * 6, HISTORY * 2):
            messages = [
                {"role": "user", "content": history},
                {"role": "assistant", "content": "Yes."},
                {"role": "user", "content": "And then?"},
            ]
            answers.append(ask(c, messages, "sampled")[0])
    assert answers[0] != answers[1]


# -- an image follow-up --------------------------------------------------------------------


@pytest.mark.parametrize("sampling", ["greedy", "sampled"])
@pytest.mark.parametrize("kind", ["llamacpp", "mlx-vision"])
def test_image_follow_up_reuses_the_image(servers, new_part, fresh, kind, sampling):
    seed = 3 if sampling == "greedy" else 4  # a picture of its own: no reuse from another test
    words = f"What is in this picture? Describe it well ({kind}, {sampling})."
    image_message = {
        "role": "user",
        "content": [
            {"type": "text", "text": words},
            {"type": "image_url", "image_url": {"url": png_data_url(seed)}},
        ],
    }
    with client_of(servers[kind]) as c:
        text, first = ask(c, [image_message], sampling)
        assert cached(first) == 0
        assert text, "an empty answer has nothing to reuse (see SAMPLING)"
        question = "And what colour is it mostly?"
        messages = [
            image_message,  # the client sends the picture again with the history
            {"role": "assistant", "content": text},
            {"role": "user", "content": question},
        ]
        answer, usage = ask(c, messages, sampling)
        # the same words without the picture: how many tokens the picture takes
        _, without = ask(c, [{"role": "user", "content": words}], sampling, max_tokens=1)
    image_tokens = first.prompt_tokens - without.prompt_tokens
    assert image_tokens >= 16, "the picture went through the projector"
    # everything before the new question came from a checkpoint: the picture's tokens too
    assert usage.prompt_tokens - cached(usage) == new_part(kind, question)
    assert cached(usage) >= first.prompt_tokens
    assert cached(usage) >= 0.8 * (first.prompt_tokens + first.completion_tokens)
    assert answer == fresh(kind, messages, sampling)
