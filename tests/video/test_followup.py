"""Questions about a summarized video: one request each, the frames encoded once.

Runs the real llama.cpp engine on the tiny random GGUF with its vision projector. That the vision
encoder does not run again is seen by counting libmtmd's chunk evaluations (as in
tests/engines/test_llamacpp_state.py); the reused answer is compared with a fresh engine's.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inference.cancel import CancelToken
from inference.checkpoint import inspect_model
from inference.engines.llamacpp_engine import LlamaCppEngine
from inference.records import GenerationRequest, GenParams, Message
from inference.video.followup import ask_about_video, followup_frames
from tests.engines import test_llamacpp_state as state_tests
from tests.fixtures.tiny_gguf import build_tiny_gguf

from .conftest import SCENES, write_video

pytestmark = pytest.mark.slow
encodes = state_tests.encodes  # the counter of vision-encoder runs (libmtmd chunk evaluations)

GREEDY = GenParams(max_tokens=8, temperature=0.0)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    model = inspect_model(build_tiny_gguf(tmp_path_factory.mktemp("gguf-followup"), vision=True))
    engine = LlamaCppEngine.load(model, n_threads=2)
    yield engine
    engine.close()


@pytest.fixture
def clip(tmp_path):
    path = tmp_path / "clip.avi"
    write_video(path, SCENES, fps=10, size=(96, 72))
    return path


def ask(engine, messages):
    text, final = [], None
    for chunk in ask_about_video(
        engine,
        GenerationRequest(tuple(messages), params=GREEDY, thinking=False),
        cancel=CancelToken(),
    ):
        text.append(chunk.text)
        if chunk.finish_reason is not None:
            final = chunk
    assert final is not None
    return "".join(text), final


def test_follow_up_questions_do_not_encode_the_frames_again(engine, clip, encodes):
    engine.clear_checkpoints()
    messages = [
        Message("user", "Summarize this video.", video=clip),
        Message("assistant", "A red screen, then blue, then magenta."),
        Message("user", "What colour comes first?"),
    ]
    answer, first = ask(engine, messages)
    assert len(encodes) > 0  # the first question encodes the frames once
    assert first.cached_tokens == 0

    encodes.clear()
    # the same file attached again with the question: the frames stay where they were
    messages += [Message("assistant", answer), Message("user", "And the last one?", video=clip)]
    second_text, second = ask(engine, messages)
    assert encodes == []  # the frames' tokens came from the checkpoint
    assert second.cached_tokens >= first.prompt_tokens

    messages += [Message("assistant", second_text), Message("user", "How many colours?")]
    third_text, third = ask(engine, messages)
    assert encodes == []
    assert third.cached_tokens >= second.prompt_tokens

    engine.clear_checkpoints()  # a fresh engine: same frames, same answer, encoded again
    fresh_text, fresh = ask(engine, messages)
    assert len(encodes) > 0 and fresh.cached_tokens == 0
    assert fresh_text == third_text


def test_frames_are_sampled_once_per_file_version(engine, clip):
    frames = followup_frames(engine, clip)
    assert frames and followup_frames(engine, clip) is frames
    st = os.stat(clip)
    os.utime(clip, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # the file changed
    again = followup_frames(engine, Path(str(clip)))
    assert again is not frames and len(again) == len(frames)


def test_a_model_without_vision(tmp_path_factory, clip):
    from inference.errors import CairnError, ErrorCode

    model = inspect_model(build_tiny_gguf(tmp_path_factory.mktemp("gguf-text")))
    text_only = LlamaCppEngine.load(model, n_threads=2)
    try:
        history = [
            Message("user", "Summarize this video.", video=clip),
            Message("assistant", "Red."),
        ]
        # the video earlier in the conversation: the question is answered from the text
        _answer, final = ask(text_only, [*history, Message("user", "Then?")])
        assert final.prompt_tokens > 0
        with pytest.raises(CairnError) as caught:  # the video attached now: said plainly
            ask(text_only, [*history, Message("user", "Then?", video=clip)])
        assert caught.value.code is ErrorCode.UNSUPPORTED_INPUT
    finally:
        text_only.close()
