"""The documents facade: the one object the command line and the app use for documents.

    docs = Documents(dirs.docs_db, models_dir=dirs.models)   # opens the SQLite store
    docs.add([folder, file], "default", progress=..., cancel=..., on_file=...)  # IngestReport
    docs.files("default"); docs.remove([path], "default"); docs.resume()
    docs.search("query", "default", k=8, embedder=docs.embedder())
    plan = docs.plan(question, "default", options)             # retrieval only, no model
    result = docs.ask(engine, question, "default", params, cancel, options=options, plan=plan)

It sits above store.py (all SQL), ingest/search/dense (the work) and answer.py (prompts and
citations), and wires them; nothing in docs/ imports it. The embedding model, when one is
installed, is found through the models folder and kept in this object's own EmbedderCache, so
it loads once per Documents, not once per process behind the caller's back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..cancel import CancelToken
from ..engine import Engine
from ..engines.embedding import Embedder, EmbedderCache
from ..models.store import ModelStore
from ..records import GenParams, ModelSpec, Progress
from . import dense, ingest, search
from .answer import AnswerPlan, DocAnswer, QAOptions, answer, plan_answer
from .records import DEFAULT_COLLECTION, FileInfo, Hit, IngestReport, TextChunk
from .store import DocStore

ProgressFn = Callable[[Progress], None]


class Documents:
    """Documents of every collection in one store file. Safe to share between threads (the
    store keeps one SQLite connection per thread)."""

    def __init__(
        self,
        db_path: Path,
        *,
        models_dir: Path | None = None,
        catalog: tuple[ModelSpec, ...] | None = None,
    ) -> None:
        self.store = DocStore(db_path)
        self.models_dir = Path(models_dir) if models_dir is not None else None
        self._catalog = catalog
        self._embedders = EmbedderCache()

    # -- lifetime ------------------------------------------------------------------------------
    def close(self) -> None:
        self.store.close()
        self._embedders.close()

    def __enter__(self) -> Documents:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the embedding model -------------------------------------------------------------------
    def embedder(self) -> Embedder | None:
        """The installed embedding model (opened, loading on its first use), or None: no models
        folder, none installed. The same model gives the same object for this Documents."""
        if self.models_dir is None:
            return None
        found = ModelStore(self.models_dir, catalog=self._catalog).embedding_model()
        return None if found is None else self._embedders.get(found)

    def has_vectors(self, embedder: Embedder) -> bool:
        """Whether any chunk has a vector of `embedder` (searching with it is worth loading it)."""
        return self.store.has_vectors(embedder.name)

    def embed_missing(
        self,
        embedder: Embedder,
        collection: str = DEFAULT_COLLECTION,
        *,
        cancel: CancelToken | None = None,
        progress: ProgressFn | None = None,
    ) -> int:
        """Vectors for the chunks of `collection` that have none from `embedder` yet."""
        return dense.embed_missing(
            self.store, embedder, collection, cancel=cancel, progress=progress
        )

    # -- indexing ------------------------------------------------------------------------------
    def add(
        self,
        paths: Iterable[Path],
        collection: str = DEFAULT_COLLECTION,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        **options: Any,
    ) -> IngestReport:
        """Index files and folders (recursively); see ingest.add_paths for the options."""
        return ingest.add_paths(
            self.store, paths, collection, progress=progress, cancel=cancel, **options
        )

    def resume(
        self,
        collection: str | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        **options: Any,
    ) -> list[IngestReport]:
        """Finish files left queued or half-indexed by an interrupted run (call at start-up)."""
        collections = [collection] if collection else self.store.collections()
        return [
            ingest.add_paths(self.store, [], c, progress=progress, cancel=cancel, **options)
            for c in collections
        ]

    def remove(self, paths: Iterable[Path], collection: str = DEFAULT_COLLECTION) -> list[Path]:
        """Drop files (a folder drops everything under it). Returns the paths dropped."""
        return self.store.remove(paths, collection)

    # -- reading -------------------------------------------------------------------------------
    def files(self, collection: str | None = DEFAULT_COLLECTION) -> list[FileInfo]:
        return self.store.files(collection)

    def file(self, path: Path, collection: str = DEFAULT_COLLECTION) -> FileInfo | None:
        return self.store.file(path, collection)

    def collections(self) -> list[str]:
        return self.store.collections()

    def counts(self, collection: str = DEFAULT_COLLECTION) -> dict[str, int]:
        return self.store.counts(collection)

    def chunks_of(self, path: Path, collection: str = DEFAULT_COLLECTION) -> list[TextChunk]:
        return self.store.chunks_of(path, collection)

    def search(
        self, query: str, collection: str = DEFAULT_COLLECTION, k: int = 8, **options: Any
    ) -> list[Hit]:
        """Best chunks for `query`, best first (higher score is better). See search.search."""
        return search.search(self.store, query, collection, k, **options)

    # -- answering -----------------------------------------------------------------------------
    def plan(
        self,
        question: str,
        collection: str = DEFAULT_COLLECTION,
        options: QAOptions = QAOptions(),
    ) -> AnswerPlan:
        """Retrieval for `question`, no model call (CairnError(DOC_COLLECTION_EMPTY) if empty)."""
        return plan_answer(self, question, collection, options)

    def ask(
        self,
        engine: Engine,
        question: str,
        collection: str = DEFAULT_COLLECTION,
        params: GenParams = GenParams(),
        cancel: CancelToken | None = None,
        *,
        options: QAOptions = QAOptions(),
        plan: AnswerPlan | None = None,
        progress: ProgressFn | None = None,
    ) -> DocAnswer:
        """Answer `question` with `engine`, streamed (see answer.answer)."""
        return answer(
            engine,
            self,
            question,
            collection,
            params,
            cancel,
            options=options,
            plan=plan,
            progress=progress,
        )
