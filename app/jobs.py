"""Which engine job answers a message: plain chat, a video pipeline, or the user's documents.

Jobs run on the engine thread (app/engine_thread.py). The intent comes from the window: "summary"
(the Summarize button on a video), "docs" (documents are in use), or "" (decided from the
message itself: a video attached means the video pipeline).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inference.records import GenerationRequest, Progress

from .engine_thread import Job, chat_job

SUMMARY = "summary"
DOCS = "docs"
DEFAULT_DETAIL = "quick"  # inference.video.budget.DEFAULT_DETAIL (kept import-free here)


def summary_intent(detail: str) -> str:
    """The intent of the Summarize button with the chosen detail ("summary:quick")."""
    return f"{SUMMARY}:{detail}"


def _detail(intent: str) -> str:
    kind, _, detail = intent.partition(":")
    return detail if kind == SUMMARY and detail else DEFAULT_DETAIL


@dataclass(frozen=True)
class SourceRef:
    """A numbered source of a document answer, as the GUI keeps it (no text)."""

    n: int
    path: Path
    page: int | None


@dataclass(frozen=True)
class DocSources:
    """Yielded by the document job before the answer's text: what "[n]" will refer to."""

    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class DocReply:
    """The document job's answer when no model call was needed (a reply code, e.g. nothing
    relevant in the documents); the GUI words it."""

    code: str
    detail: str = ""


def job_for(
    request: GenerationRequest,
    intent: str = "",
    *,
    docs: tuple[Callable[[], object], str] | None = None,
) -> Job:
    """The job for the last user message. `docs` is (store getter, collection) for "docs"."""
    last = request.messages[-1] if request.messages else None
    if last is not None and last.role == "user" and last.video is not None:
        summary = intent.partition(":")[0] == SUMMARY
        return video_job(request, summary=summary, detail=_detail(intent))
    if intent == DOCS and docs is not None and last is not None:
        return doc_job(request, *docs)
    return chat_job(request)


def video_job(
    request: GenerationRequest, *, summary: bool = False, detail: str = DEFAULT_DETAIL
) -> Job:
    """Summarize the attached video (chapters streamed as each part is watched), or answer the
    message about it; `detail` is "quick" or "detailed"."""
    last = request.messages[-1]

    def run(session, cancel):
        from inference.docs.prompt import wants_summary
        from inference.video import summarize  # cv2 loads here, on the engine thread

        whole = summary or wants_summary(last.content)
        yield from summarize(
            session.require_engine(),
            last.video,
            detail=detail,
            question=None if whole else last.content,
            params=request.params,
            thinking=request.thinking,
            progress=session.report,
            cancel=cancel,
        )

    return Job("video_summary", run)


def doc_job(request: GenerationRequest, store: Callable[[], object], collection: str) -> Job:
    """Answer from the documents: retrieval first; no model call when nothing is relevant."""
    question = request.messages[-1].content

    def run(session, cancel):
        from inference.docs import QAOptions, answer, plan_answer

        yield Progress("search_documents")
        docs = store()
        dense = getattr(store, "embedder", None)  # DocLibrary: loads on this (engine) thread
        options = QAOptions(thinking=request.thinking, embedder=dense() if dense else None)
        plan = plan_answer(docs, question, collection, options)
        if plan.reply is not None:
            yield DocReply(plan.reply.value, plan.reply_detail)
            return
        result = answer(
            session.require_engine(),
            docs,
            question,
            collection,
            request.params,
            cancel,
            options=options,
            plan=plan,
            progress=session.report,
        )
        yield DocSources(tuple(SourceRef(s.n, s.path, s.page) for s in result.sources))
        yield from result

    return Job("doc_qa", run)
