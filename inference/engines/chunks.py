"""Streamed model text -> Chunk records, the same way for every engine.

Qwen3.5's thinking splitter (qwen.py) cuts the text into reasoning and answer parts, tags split
across tokens included; this turns its output into `Chunk(thinking=...)` / `Chunk(text=...)`
records and drops nothing but empty pieces.
"""

from __future__ import annotations

from ..qwen import ThinkingSplitter, prompt_opens_thinking
from ..records import Chunk


class ChunkSplitter:
    """Feed decoded text, get chunks; `flush()` at the end releases a held-back partial tag."""

    def __init__(self, prompt: str) -> None:
        self._splitter = ThinkingSplitter(in_thinking=prompt_opens_thinking(prompt))

    def feed(self, text: str) -> list[Chunk]:
        return _chunks(*self._splitter.feed(text)) if text else []

    def flush(self) -> list[Chunk]:
        return _chunks(*self._splitter.flush())


def _chunks(thinking: str, answer: str) -> list[Chunk]:
    out = []
    if thinking:
        out.append(Chunk(thinking=thinking))
    if answer:  # the splitter already drops the blank lines Qwen writes after </think>
        out.append(Chunk(text=answer))
    return out
