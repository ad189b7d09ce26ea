"""Models on disk: the catalog's local state, downloads, imports, and resolving --model."""

from .resolve import resolve_model

__all__ = ["resolve_model"]
