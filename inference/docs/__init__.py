"""Private document Q&A: index local files, search them, answer with citations to file and page.

The API the command line and the GUI use (no Qt here; call from worker threads):

    from inference.docs import DocStore, answer, plan_answer

    store = DocStore(dirs.docs_db)                        # SQLite (WAL), one connection per thread
    report = store.add([folder, file], "default",         # -> IngestReport (indexed, unchanged,
                       progress=on_progress,              #    removed, failed with codes)
                       cancel=token, on_file=on_file)     # Progress("scan"|"index"|"done", ...)
    store.files("default")                                # -> [FileInfo(path, status, error, ...)]
    store.remove([path], "default")                       # -> paths dropped
    store.search("query", "default", k=8)                 # -> [Hit(path, page, text, score, ...)]
    store.resume()                                        # finish work an interrupted run left

    plan = plan_answer(store, question, "default")        # retrieval only, no model needed
    if plan.reply:                                        # ErrorCode.DOC_NOT_IN_DOCUMENTS / ..._AMBIGUOUS
        ...                                               # word the code; no model call was made
    result = answer(engine, store, question, "default", params, cancel, plan=plan)
    for chunk in result: ...                              # streamed Chunk records
    result.citations                                      # [(n, Citation(path, page, snippet))]

Files are parsed in a child process with time and memory limits (sandbox.py): a damaged,
encrypted, oversized or mislabelled file fails alone with a DOC_* code and the batch goes on.
Retrieval is BM25 (FTS5, Porter stemming, stop words, proximity bonus), fused by reciprocal rank
with dense vectors when an Embedder is given (dense.py): embedder_llamacpp.find_embedder(models
folder) gives one when a Qwen3-Embedding GGUF is installed (catalog role "embedding").
"""

from __future__ import annotations

from .answer import AnswerPlan, DocAnswer, QAOptions, answer, plan_answer
from .dense import Embedder, rrf_fuse
from .prompt import Source, parse_citations, wants_summary
from .records import (
    DEFAULT_COLLECTION,
    FileInfo,
    FileStatus,
    Hit,
    IngestFailure,
    IngestReport,
)
from .store import DocStore

__all__ = [
    "DEFAULT_COLLECTION",
    "AnswerPlan",
    "DocAnswer",
    "DocStore",
    "Embedder",
    "FileInfo",
    "FileStatus",
    "Hit",
    "IngestFailure",
    "IngestReport",
    "QAOptions",
    "Source",
    "answer",
    "parse_citations",
    "plan_answer",
    "rrf_fuse",
    "wants_summary",
]
