"""The app's document library: inference.docs' Documents facade, opened on first use by whichever
thread needs it first, with the indexing steps the documents panel runs on its worker.

Not a widget: it reaches the embedding engine (through Documents), so the documents panel sees
it only as a `Library` (app/seams.py) and app/backend.py builds it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from inference.cancel import CancelToken
from inference.errors import CairnError

if TYPE_CHECKING:
    from inference.docs import Documents, Embedder, FileInfo

log = logging.getLogger(__name__)

ProgressFn = Callable[[object], None]  # Progress records and FileInfo, as they come


class DocLibrary:
    """The Documents of `db_path`, opened lazily (sqlite schema work off start-up), thread-safe."""

    def __init__(self, db_path: Path, models_dir: Path | None = None) -> None:
        self.db_path = Path(db_path)
        self.models_dir = Path(models_dir) if models_dir is not None else None
        self._docs: Documents | None = None
        self._lock = threading.Lock()

    def documents(self) -> Documents:
        with self._lock:
            if self._docs is None:
                from inference.docs.library import Documents

                self._docs = Documents(self.db_path, models_dir=self.models_dir)
            return self._docs

    def embedder(self) -> Embedder | None:
        """The installed embedding model, or None (dense search off). It loads on its first
        use, so an app with nothing to embed never holds it in memory. Call from a worker or
        the engine thread only."""
        if self.models_dir is None:
            return None
        try:
            return self.documents().embedder()
        except (CairnError, OSError, ImportError, RuntimeError, ValueError):
            # no dense search is better than no documents
            log.exception("embedding model unavailable")
            return None

    # the panel's work, on its worker thread

    def resume(self, collection: str, progress: ProgressFn, cancel: CancelToken) -> list[FileInfo]:
        """Finish an interrupted run; the collection's files."""
        docs = self.documents()
        dense = self.embedder()
        docs.resume(collection, progress=progress, cancel=cancel, on_file=progress)
        self._embed_rest(dense, collection, cancel)
        return docs.files(collection)

    def add(
        self, paths: Iterable[Path], collection: str, progress: ProgressFn, cancel: CancelToken
    ) -> list[FileInfo]:
        """Index files and folders; the collection's files."""
        docs = self.documents()
        dense = self.embedder()
        docs.add(paths, collection, progress=progress, cancel=cancel, on_file=progress)
        self._embed_rest(dense, collection, cancel)
        return docs.files(collection)

    def remove(self, paths: Iterable[Path], collection: str) -> list[FileInfo]:
        """Drop files; the collection's files."""
        docs = self.documents()
        docs.remove(paths, collection)
        return docs.files(collection)

    def _embed_rest(self, embedder: Embedder | None, collection: str, cancel: CancelToken) -> None:
        """Vectors for chunks that have none from the installed embedding model. A model that
        fails to load costs dense search only, never the keyword index."""
        if embedder is None:
            return
        try:
            self.documents().embed_missing(embedder, collection, cancel=cancel)
        except (CairnError, OSError, RuntimeError, ValueError, MemoryError):
            # llama.cpp reports a failed load or decode as RuntimeError / ValueError
            log.exception("embedding failed; keyword search only")

    def close(self) -> None:
        with self._lock:
            if self._docs is not None:
                self._docs.close()
                self._docs = None
