"""Transitional: `model_role` for inference/cli/models_cmd.py until it calls
inference.models.store.role_of itself; then delete this file. Its former jobs now live in:

- recognising an embedding model: inference.checkpoint (inspect_embedding_model, ModelRole)
- running one: inference.engines.embedding (open_embedder, Embedder, EmbedderCache) and
  inference.engines.embedding_llamacpp
- finding one in the models folder, and what is offered for chat: inference.models.store
  (ModelStore.embedding_model, role_of, is_chat_model, ModelStore.chat_models)
- keeping one loaded: the EmbedderCache of the documents facade (inference.docs.library)
"""

from __future__ import annotations

from ..models.store import ModelEntry, role_of


def model_role(entry: ModelEntry) -> str:
    """ "chat" or "embedding" (inference.models.store.role_of, as a string)."""
    return role_of(entry).value
