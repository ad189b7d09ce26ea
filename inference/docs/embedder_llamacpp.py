"""Transitional re-exports for callers not yet moved (app/main_window.py, app/docs_panel.py,
inference/cli/models_cmd.py, bench/docs.py). Delete once they import from the new homes:

- recognising an embedding model: inference.checkpoint (inspect_embedding_model, ModelRole)
- running one: inference.engines.embedding (open_embedder, Embedder, EmbedderCache)
- finding one in the models folder and "is this offered for chat": inference.models.store
  (ModelStore.embedding_model, role_of, is_chat_model)
- keeping one loaded: an EmbedderCache owned by the caller (inference.docs.library.Documents)

It sits at the top of docs/ (beside the facade), so nothing below imports it.
"""

from __future__ import annotations

from pathlib import Path

from ..checkpoint import EmbeddingModel, ModelRole, inspect_embedding_model
from ..engines.embedding import Embedder, EmbedderCache
from ..engines.embedding_llamacpp import LlamaCppEmbedder, query_text
from ..models.store import ModelEntry, ModelStore, role_of
from ..records import ModelSpec

__all__ = [
    "EmbeddingModel",
    "LlamaCppEmbedder",
    "find_embedder",
    "find_embedding_model",
    "inspect_embedding_model",
    "is_chat_entry",
    "model_role",
    "query_text",
]


def model_role(entry: ModelEntry) -> str:
    """ "chat" or "embedding" (use inference.models.store.role_of)."""
    return role_of(entry).value


def is_chat_entry(entry: ModelEntry) -> bool:
    """Use inference.models.store.is_chat_model (which also asks for a ready model)."""
    return role_of(entry) is ModelRole.CHAT


def find_embedding_model(
    models_dir: Path, catalog: tuple[ModelSpec, ...] | None = None
) -> EmbeddingModel | None:
    return ModelStore(Path(models_dir), catalog=catalog).embedding_model()


_SHIM_CACHE = EmbedderCache()  # transitional: the callers above should own their cache


def find_embedder(
    models_dir: Path, catalog: tuple[ModelSpec, ...] | None = None
) -> Embedder | None:
    found = find_embedding_model(models_dir, catalog)
    return None if found is None else _SHIM_CACHE.get(found)
