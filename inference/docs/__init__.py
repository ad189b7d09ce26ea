"""Private document Q&A: index local files, search them, answer with citations to file and page.

The API the command line and the GUI use is the facade (no Qt here; call from worker threads):

    from inference.docs.library import Documents

    docs = Documents(dirs.docs_db, models_dir=dirs.models) # SQLite (WAL), one connection per thread
    report = docs.add([folder, file], "default",          # -> IngestReport (indexed, unchanged,
                      progress=on_progress,               #    removed, failed with codes)
                      cancel=token, on_file=on_file)      # Progress("scan"|"index"|"done", ...)
    docs.files("default")                                 # -> [FileInfo(path, status, error, ...)]
    docs.remove([path], "default")                        # -> paths dropped
    docs.search("query", "default", k=8)                  # -> [Hit(path, page, text, score, ...)]
    docs.resume()                                         # finish work an interrupted run left

    plan = docs.plan(question, "default")                 # retrieval only, no model needed
    if plan.reply:                                        # ErrorCode.DOC_NOT_IN_DOCUMENTS / ..._AMBIGUOUS
        ...                                               # word the code; no model call was made
    result = docs.ask(engine, question, "default", params, cancel, plan=plan)
    for chunk in result: ...                              # streamed Chunk records
    result.citations                                      # [(n, Citation(path, page, snippet))]

Layers, bottom to top: records, extract*, chunking, sandbox, prompt -> store (every SQL
statement) -> dense (vectors, fusion) -> search, ingest -> answer -> library (the facade).
Files are parsed in a child process with time and memory limits (sandbox.py): a damaged,
encrypted, oversized or mislabelled file fails alone with a DOC_* code and the batch goes on.
Retrieval is BM25 (FTS5, Porter stemming, stop words, proximity bonus), fused by reciprocal rank
with dense vectors when an Embedder (engines/embedding.py) is given: Documents.embedder() gives
one when a Qwen3-Embedding GGUF is installed (catalog role "embedding").
"""

from __future__ import annotations

from ..engines.embedding import Embedder
from .answer import AnswerPlan, DocAnswer, QAOptions, answer, plan_answer
from .dense import rrf_fuse
from .library import Documents
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
    "Documents",
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
