"""Qwen3.5 specifics shared by every engine: stop tokens, thinking mode, and the thinking splitter.

Qwen3.5's chat template opens a `<think>` block at the start of the answer when thinking is on
and writes an empty `<think>\\n\\n</think>\\n\\n` block when it is off. The reasoning text is kept
apart from the answer so that the GUI can fold it.
"""

from __future__ import annotations

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"
STOP_TOKENS = ("<|im_end|>", "<|endoftext|>")
SPECIAL_TOKENS = (
    "<|im_start|>",
    "<|im_end|>",
    "<|endoftext|>",
    "<|vision_start|>",
    "<|vision_end|>",
    "<|image_pad|>",
    "<|video_pad|>",
    THINK_OPEN,
    THINK_CLOSE,
)


def prompt_opens_thinking(prompt: str) -> bool:
    """True when the rendered prompt leaves a <think> block open for the model to continue."""
    tail = prompt.rstrip()
    last_open = tail.rfind(THINK_OPEN)
    return last_open != -1 and tail.find(THINK_CLOSE, last_open) == -1


class ThinkingSplitter:
    """Splits streamed text into thinking and answer parts, with tags cut across chunks.

    feed() returns (thinking, answer) for the text it could decide; a tail that might be the
    start of a tag is held back until the next feed() or flush().
    """

    def __init__(self, in_thinking: bool) -> None:
        self.in_thinking = in_thinking
        self._held = ""
        self._answer_started = False  # Qwen puts blank lines after </think>: drop them

    def _answer(self, text: str) -> str:
        if not self._answer_started:
            text = text.lstrip("\n")
            self._answer_started = bool(text)
        return text

    def feed(self, text: str) -> tuple[str, str]:
        buf = self._held + text
        self._held = ""
        thinking: list[str] = []
        answer: list[str] = []
        while buf:
            tag = THINK_CLOSE if self.in_thinking else THINK_OPEN
            pos = buf.find(tag)
            if pos != -1:
                if self.in_thinking:
                    thinking.append(buf[:pos])
                else:
                    answer.append(self._answer(buf[:pos]))
                buf = buf[pos + len(tag) :]
                self.in_thinking = not self.in_thinking
                continue
            keep = _partial_tag_suffix(buf, tag)
            if self.in_thinking:
                thinking.append(buf[: len(buf) - keep])
            else:
                answer.append(self._answer(buf[: len(buf) - keep]))
            self._held = buf[len(buf) - keep :]
            break
        return "".join(thinking), "".join(answer)

    def flush(self) -> tuple[str, str]:
        held, self._held = self._held, ""
        return (held, "") if self.in_thinking else ("", self._answer(held))


def _partial_tag_suffix(text: str, tag: str) -> int:
    """Length of the longest suffix of `text` that is a proper prefix of `tag`."""
    for n in range(min(len(tag) - 1, len(text)), 0, -1):
        if text.endswith(tag[:n]):
            return n
    return 0
