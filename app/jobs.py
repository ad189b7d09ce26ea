"""Which engine job answers a message: plain chat, a video pipeline, or the user's documents.

Jobs run on the engine thread (app/engine_thread.py). The intent comes from the window: "summary"
(the Summarize button on a video), "docs" (documents are in use), or "" (decided from the
message itself: a video attached and a summary asked for means the video pipeline; any other
message in a conversation with a video is a question about it, answered in one request whose
frames the engine keeps from one question to the next).

Not imported by any widget: the jobs reach inference.docs and inference.video, and through them
the engines; app/backend.py hands `job_for` to the window as a JobFactory (app/seams.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inference.records import Chunk, GenerationRequest, Progress

from .engine_thread import EngineSession, Job, chat_job
from .job_records import DOCS, SUMMARY, DocReply, DocSources, SourceRef
from .messages import loose_sources_note

DEFAULT_DETAIL = "quick"  # inference.video.budget.DEFAULT_DETAIL (kept import-free here)


def _detail(intent: str) -> str:
    kind, _, detail = intent.partition(":")
    return detail if kind == SUMMARY and detail else DEFAULT_DETAIL


if TYPE_CHECKING:
    from .doc_library import DocLibrary


def job_for(
    request: GenerationRequest,
    intent: str = "",
    *,
    docs: tuple[DocLibrary, str] | None = None,
) -> Job:
    """The job for the last user message. `docs` is (library, collection) for "docs"."""
    last = request.messages[-1] if request.messages else None
    if last is not None and last.role == "user" and last.video is not None:
        summary = intent.partition(":")[0] == SUMMARY
        if summary or _wants_summary(last.content):
            return video_job(request, summary=True, detail=_detail(intent))
    if intent == DOCS and docs is not None and last is not None:
        return doc_job(request, *docs)
    if last is not None and last.role == "user" and any(m.video for m in request.messages):
        return video_question_job(request)
    return chat_job(request)


def _wants_summary(text: str) -> bool:
    from inference.docs.prompt import wants_summary

    return wants_summary(text)


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


def video_question_job(request: GenerationRequest) -> Job:
    """A question about the conversation's video: one request with its frames (sampled once per
    file), so the next question reuses the engine's checkpoint instead of encoding them again."""

    def run(session: EngineSession, cancel):
        from inference.video.followup import ask_about_video  # cv2 loads here

        yield from ask_about_video(
            session.require_engine(), request, progress=session.report, cancel=cancel
        )

    return Job("video_question", run)


def doc_job(request: GenerationRequest, library: DocLibrary, collection: str) -> Job:
    """Answer from the documents: retrieval first; no model call when nothing is relevant."""
    question = request.messages[-1].content

    def run(session: EngineSession, cancel):
        from inference.docs import QAOptions

        yield Progress("search_documents")
        docs = library.documents()
        # the embedding model loads here, on the engine thread, on the first document question
        options = QAOptions(thinking=request.thinking, embedder=library.embedder())
        plan = docs.plan(question, collection, options)
        if plan.reply is not None:
            yield DocReply(plan.reply.value, plan.reply_detail)
            return
        result = docs.ask(
            session.require_engine(),
            question,
            collection,
            request.params,
            cancel,
            options=options,
            plan=plan,
            progress=session.report,
        )
        yield DocSources(
            tuple(
                SourceRef(s.n, s.path, s.page, s.heading, s.citation().snippet)
                for s in result.sources
            )
        )
        if plan.loose:  # a question in another language: say the sources may not match it
            yield Chunk(text=f"*{loose_sources_note()}*\n\n")
        yield from result

    return Job("doc_qa", run)
