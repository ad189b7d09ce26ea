"""Answers from the user's documents: retrieve, prompt with numbered sources, stream, cite.

Two paths. A question goes through retrieval (search.py) and the best chunks become numbered
sources. A request about a whole document ("summarize report.pdf") feeds that document in
order: whole when it fits the context budget, else map-reduce (each part summarized, then the
summaries summarized, the last call streamed). When retrieval finds nothing relevant, no model
is called: the plan carries the reply code DOC_NOT_IN_DOCUMENTS for the caller to word.

    plan = plan_answer(store, question, collection)        # cheap: no model needed
    if plan.reply: ...                                    # word the code, done
    result = answer(engine, store, question, collection, params, cancel, plan=plan)
    for chunk in result: ...                              # streamed Chunk records
    result.citations                                      # [(n, Citation)] for [n] in the text
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..cancel import CancelToken
from ..engine import Engine, collect
from ..engines.embedding import Embedder
from ..errors import CairnError, ErrorCode
from ..records import Chunk, Citation, FinishReason, GenerationRequest, GenParams, Progress
from .prompt import (
    Source,
    estimate_tokens,
    parse_citations,
    part_messages,
    qa_messages,
    summary_messages,
    wants_summary,
)
from .records import DEFAULT_COLLECTION, FileInfo, FileStatus, Hit, TextChunk
from .search import query_terms


class Library(Protocol):
    """What answering reads: the facade (library.Documents) provides it."""

    def files(self, collection: str | None = DEFAULT_COLLECTION) -> list[FileInfo]: ...

    def search(
        self, query: str, collection: str = DEFAULT_COLLECTION, k: int = 8, **options: Any
    ) -> list[Hit]: ...

    def chunks_of(self, path: Path, collection: str = DEFAULT_COLLECTION) -> list[TextChunk]: ...


@dataclass(frozen=True)
class QAOptions:
    k: int = 6  # sources for a question
    context_tokens: int = 6000  # budget for the sources in one prompt (the model's context is
    # larger; this bounds prompt time on a laptop CPU)
    min_coverage: float = 0.4  # share of the question's IDF weight a source must hold
    # or, for a hit the embedding model found, its cosine to the question (Qwen3-Embedding puts
    # related passages above about 0.5 and unrelated ones well below)
    min_similarity: float = 0.55
    thinking: bool | None = None  # None: the model's default
    embedder: Embedder | None = None  # when an embedding model is loaded


@dataclass(frozen=True)
class AnswerPlan:
    """What will be asked: the mode, the sources, or a reply code when no model call is needed."""

    mode: str  # "qa", "summary" or "none"
    sources: tuple[Source, ...] = ()
    reply: ErrorCode | None = None
    reply_detail: str = ""
    document: Path | None = None
    hits: tuple[Hit, ...] = field(default=(), compare=False)


def plan_answer(
    store: Library,
    question: str,
    collection: str = DEFAULT_COLLECTION,
    options: QAOptions = QAOptions(),
) -> AnswerPlan:
    """Retrieve for `question`. Raises CairnError(DOC_COLLECTION_EMPTY) with nothing indexed."""
    ready = [f for f in store.files(collection) if f.status is FileStatus.READY]
    if not ready:
        raise CairnError(ErrorCode.DOC_COLLECTION_EMPTY, repr(collection))
    if wants_summary(question):
        return _plan_summary(store, question, collection, ready, options)
    hits = store.search(question, collection, k=options.k, embedder=options.embedder)
    relevant = [
        h
        for h in hits
        if h.coverage >= options.min_coverage
        or (h.similarity is not None and h.similarity >= options.min_similarity)
    ]
    if not relevant:
        return AnswerPlan("none", reply=ErrorCode.DOC_NOT_IN_DOCUMENTS, hits=tuple(hits))
    sources: list[Source] = []
    used = 0
    for hit in relevant:
        cost = estimate_tokens(hit.text) + 20
        if sources and used + cost > options.context_tokens:
            break
        used += cost
        sources.append(Source(len(sources) + 1, hit.path, hit.page, hit.text, hit.heading))
    return AnswerPlan("qa", tuple(sources), hits=tuple(hits))


def _plan_summary(
    store: Library, question: str, collection: str, ready: list[FileInfo], options: QAOptions
) -> AnswerPlan:
    lowered = question.lower()
    named = [f for f in ready if f.path.name.lower() in lowered]
    named = named or [f for f in ready if len(f.path.stem) >= 3 and f.path.stem.lower() in lowered]
    if named:
        target = max(named, key=lambda f: len(f.path.name)).path
    elif len(ready) == 1:
        target = ready[0].path
    else:
        terms = [t for t in query_terms(question) if not t.startswith("summar")]
        hits = store.search(" ".join(terms), collection, k=1) if terms else []
        if not hits:
            names = ", ".join(f.path.name for f in ready[:5])
            return AnswerPlan("none", reply=ErrorCode.DOC_AMBIGUOUS, reply_detail=names)
        target = hits[0].path
    return AnswerPlan("summary", tuple(_page_sources(store, target, collection)), document=target)


def _page_sources(
    store: Library, path: Path, collection: str, piece_tokens: int = 800
) -> list[Source]:
    """The document in order, as sources of about `piece_tokens`: a page per source when the
    format has pages (pages longer than that are split), consecutive chunks otherwise."""
    sources: list[Source] = []
    chunks = store.chunks_of(path, collection)
    buf: list[str] = []
    key = None
    heading = ""

    def flush() -> None:
        if buf:
            sources.append(Source(len(sources) + 1, path, key, "\n".join(buf), heading))
            buf.clear()

    for c in chunks:
        if c.page != key or (buf and estimate_tokens(" ".join(buf) + c.text) > piece_tokens):
            flush()
            key, heading = c.page, c.heading
        buf.append(c.text)
    flush()
    return sources


class DocAnswer:
    """An answer being streamed: iterate for Chunk records, then read `citations` and `text`."""

    def __init__(self, plan: AnswerPlan, chunks: Iterator[Chunk]) -> None:
        self.plan = plan
        self._chunks = chunks
        self._text: list[str] = []
        self.final: Chunk | None = None

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.plan.sources

    @property
    def reply(self) -> ErrorCode | None:
        return self.plan.reply

    def __iter__(self) -> Iterator[Chunk]:
        for chunk in self._chunks:
            self._text.append(chunk.text)
            if chunk.finish_reason is not None:
                self.final = chunk
            yield chunk

    @property
    def text(self) -> str:
        return "".join(self._text)

    @property
    def citations(self) -> list[tuple[int, Citation]]:
        """(n, Citation) for each source cited as [n] in the answer so far, in order."""
        return parse_citations(self.text, list(self.plan.sources))


def answer(
    engine: Engine,
    store: Library,
    question: str,
    collection: str = DEFAULT_COLLECTION,
    params: GenParams = GenParams(),
    cancel: CancelToken | None = None,
    *,
    options: QAOptions = QAOptions(),
    plan: AnswerPlan | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> DocAnswer:
    """Answer `question` from `collection` with `engine`. See the module docstring."""
    cancel = cancel or CancelToken()
    plan = plan or plan_answer(store, question, collection, options)
    if plan.reply is not None:
        return DocAnswer(plan, iter([Chunk(finish_reason=FinishReason.STOP)]))
    if plan.mode == "qa":
        request = GenerationRequest(
            qa_messages(question, list(plan.sources)), params, options.thinking
        )
        return DocAnswer(plan, engine.generate(request, cancel=cancel))
    return _summarize(engine, plan, question, params, cancel, options, progress)


def _summarize(engine, plan, question, params, cancel, options, progress) -> DocAnswer:
    """Whole document when it fits; else summarize parts, then summarize the summaries."""
    sources = list(plan.sources)
    budget = options.context_tokens
    level = 0
    while sum(estimate_tokens(s.text) + 20 for s in sources) > budget and len(sources) > 1:
        level += 1
        parts = _group(sources, budget)
        summaries: list[Source] = []
        for i, part in enumerate(parts):
            if progress is not None:
                progress(Progress(f"summarize_{level}", i, len(parts), part.label()))
            request = GenerationRequest(part_messages(part), _part_params(params), options.thinking)
            text, _, last = collect(engine.generate(request, cancel=cancel))
            if last.finish_reason is FinishReason.CANCELLED or cancel.cancelled:
                cancelled = Chunk(finish_reason=FinishReason.CANCELLED)
                return DocAnswer(plan, iter([cancelled]))
            summaries.append(
                Source(i + 1, part.path, part.page, text.strip(), part.heading, part.last_page)
            )
        shrunk = len(summaries) < len(sources)
        sources = summaries
        if not shrunk:  # a budget below one page: the part summaries are as far as it goes
            break
    plan = AnswerPlan("summary", tuple(sources), document=plan.document)
    request = GenerationRequest(summary_messages(question, sources), params, options.thinking)
    return DocAnswer(plan, engine.generate(request, cancel=cancel))


def _group(sources: list[Source], budget: int) -> list[Source]:
    """Consecutive sources merged into parts of at most about `budget` tokens each."""
    total = sum(estimate_tokens(s.text) for s in sources)
    n_parts = max(2, math.ceil(total / (budget * 0.8)))
    per_part = total / n_parts
    parts: list[Source] = []
    buf: list[Source] = []
    size = 0

    def flush() -> None:
        if buf:
            first, last = buf[0], buf[-1]
            text = "\n\n".join(s.text for s in buf)
            end = last.last_page if last.last_page is not None else last.page
            parts.append(Source(len(parts) + 1, first.path, first.page, text, first.heading, end))
            buf.clear()

    for s in sources:
        cost = estimate_tokens(s.text)
        if buf and size + cost > per_part:
            flush()
            size = 0
        buf.append(s)
        size += cost
    flush()
    return parts


def _part_params(params: GenParams) -> GenParams:
    return GenParams(
        max_tokens=min(params.max_tokens, 300),
        temperature=params.temperature,
        top_p=params.top_p,
        top_k=params.top_k,
        presence_penalty=params.presence_penalty,
        seed=params.seed,
    )
