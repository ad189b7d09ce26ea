"""Embedding engines: the Embedder protocol, open_embedder, and an explicit per-owner cache.

Chat engines and embedding engines sit side by side in engines/: open_engine loads a LocalModel
for chat, open_embedder an EmbeddingModel (checkpoint.inspect_embedding_model) for document
search. Loading an embedding model takes seconds and hundreds of megabytes, so whoever keeps
one for a while (the documents facade, the GUI's library) holds an EmbedderCache: the same file
gives the same object there, and nothing is cached process-wide behind anyone's back.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..checkpoint import EmbeddingModel


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors of one fixed size. Qwen3-Embedding wants an instruction in front
    of queries but not of documents, hence the `query` flag."""

    name: str  # stored with each vector: vectors of another model are never compared
    dim: int

    def embed(self, texts: Sequence[str], *, query: bool = False) -> Sequence[Sequence[float]]: ...

    def close(self) -> None: ...


def open_embedder(model: EmbeddingModel, *, threads: int | None = None) -> Embedder:
    """The engine for an embedding model (llama.cpp, the only one so far). Loads lazily."""
    from .embedding_llamacpp import LlamaCppEmbedder

    return LlamaCppEmbedder(model, threads=threads)


class EmbedderCache:
    """One opened embedder per model file, for the lifetime of its owner. Thread-safe."""

    def __init__(self) -> None:
        self._open: dict[Path, tuple[EmbeddingModel, Embedder]] = {}
        self._lock = threading.Lock()

    def get(self, model: EmbeddingModel) -> Embedder:
        with self._lock:
            cached = self._open.get(model.gguf)
            if cached is None or cached[0] != model:  # the file was replaced: a new engine
                cached = self._open[model.gguf] = (model, open_embedder(model))
            return cached[1]

    def close(self) -> None:
        """Free every loaded model (their close(), when they have one)."""
        with self._lock:
            opened = [e for _, e in self._open.values()]
            self._open.clear()
        for embedder in opened:
            close = getattr(embedder, "close", None)
            if close is not None:
                close()
