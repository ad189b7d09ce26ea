"""The Engine protocol every back end implements, and the blocking helper built on it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from .cancel import CancelToken
from .records import Chunk, GenerationRequest, Modality


@runtime_checkable
class Engine(Protocol):
    """A loaded model, ready to answer.

    Streaming first: `generate` yields answer and thinking chunks as they are decoded and ends
    with one chunk whose finish_reason is set and which carries the statistics. Engines are not
    thread-safe: load, generate and close on one thread (MLX streams are thread-local).
    A caller that goes on iterating after the final chunk lets the engine prepare the next turn
    of the conversation (nothing more is yielded); one that stops there loses nothing else.
    """

    name: str  # an EngineName value ("mlx", "llamacpp")
    device: str  # "gpu" or "cpu"
    model_name: str
    capabilities: frozenset[Modality]

    def generate(self, request: GenerationRequest, *, cancel: CancelToken) -> Iterator[Chunk]: ...

    def close(self) -> None: ...


def collect(chunks: Iterator[Chunk]) -> tuple[str, str, Chunk]:
    """Join a stream: (answer text, thinking text, the final chunk with the statistics).

    Stops at the final chunk: an engine asked for more after it may prepare the next turn of
    a conversation (llama.cpp reads the answer as the next prompt renders it); one-off requests
    (summaries of parts, rewrites) need none of that."""
    text: list[str] = []
    thinking: list[str] = []
    last = Chunk()
    for chunk in chunks:
        text.append(chunk.text)
        thinking.append(chunk.thinking)
        last = chunk
        if chunk.finish_reason is not None:
            break
    return "".join(text), "".join(thinking), last
