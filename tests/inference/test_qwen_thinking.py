"""The thinking splitter: reasoning kept apart from the answer, tags cut anywhere."""

import pytest

from inference.qwen import ThinkingSplitter, prompt_opens_thinking


def run(splitter, pieces):
    thinking, answer = [], []
    for piece in pieces:
        t, a = splitter.feed(piece)
        thinking.append(t)
        answer.append(a)
    t, a = splitter.flush()
    return "".join(thinking + [t]), "".join(answer + [a])


TEXT = "let me see</think>\n\nThe answer is 4."


@pytest.mark.parametrize("cut", range(1, len(TEXT)))
def test_tag_split_at_every_position(cut):
    thinking, answer = run(ThinkingSplitter(in_thinking=True), [TEXT[:cut], TEXT[cut:]])
    assert thinking == "let me see"
    assert answer == "The answer is 4."


def test_one_character_at_a_time_with_explicit_open_tag():
    text = "<think>hmm</think>\n\nYes."
    thinking, answer = run(ThinkingSplitter(in_thinking=False), list(text))
    assert (thinking, answer) == ("hmm", "Yes.")


def test_no_thinking_passes_text_through_including_lookalikes():
    thinking, answer = run(ThinkingSplitter(in_thinking=False), ["a < b and <thin", "g> is fine"])
    assert thinking == ""
    assert answer == "a < b and <thing> is fine"


def test_unfinished_thinking_stays_thinking():
    thinking, answer = run(ThinkingSplitter(in_thinking=True), ["still going </thi"])
    assert thinking == "still going </thi"
    assert answer == ""


def test_prompt_opens_thinking():
    assert prompt_opens_thinking("<|im_start|>assistant\n<think>\n")
    assert not prompt_opens_thinking("<|im_start|>assistant\n<think>\n\n</think>\n\n")
    assert not prompt_opens_thinking("<|im_start|>assistant\n")
