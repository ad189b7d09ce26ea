"""Which engine job answers a message: plain chat, or a video pipeline when a video is attached.

Jobs run on the engine thread (app/engine_thread.py). Document questions will route here too
(inference.docs) once their ingestion is wired into the media pane.
"""

from __future__ import annotations

from inference.records import GenerationRequest

from .engine_thread import Job, chat_job


def job_for(request: GenerationRequest) -> Job:
    last = request.messages[-1] if request.messages else None
    if last is not None and last.role == "user" and last.video is not None:
        return video_job(request)
    return chat_job(request)


def video_job(request: GenerationRequest) -> Job:
    """Answer about (or summarize) the attached video: frames sampled with timestamps."""
    last = request.messages[-1]

    def run(session, cancel):
        from inference.video import summarize  # cv2 loads here, on the engine thread

        yield from summarize(
            session.require_engine(),
            last.video,
            question=last.content,
            params=request.params,
            thinking=request.thinking,
            progress=session.report,
            cancel=cancel,
        )

    return Job("video_summary", run)
