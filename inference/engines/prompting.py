"""Turn a GenerationRequest into chat-template messages, the same way for every engine.

Images are placed before the text of the message they belong to and the sampled video goes in
as one video part of the last user message that names a video (else of the last user message), as Qwen3.5's chat template expects. A text-only
engine gets plain string contents.
"""

from __future__ import annotations

from pathlib import Path

from ..records import GenerationRequest


def request_images(request: GenerationRequest) -> list[Path]:
    """Every image of the conversation, in the order their placeholders appear."""
    return [p for m in request.messages for p in m.images]


def video_message_index(request: GenerationRequest) -> int:
    """The message the sampled video frames belong to: the last user message that names a video
    (so a follow-up question keeps the video where it was and the engines can reuse its state),
    else the last user message; -1 when there is none."""
    users = [i for i, m in enumerate(request.messages) if m.role == "user"]
    with_video = [i for i in users if request.messages[i].video is not None]
    return (with_video or users or [-1])[-1]


def chat_messages(request: GenerationRequest, *, media: bool) -> list[dict]:
    video_at = video_message_index(request)
    out: list[dict] = []
    for i, message in enumerate(request.messages):
        has_video = i == video_at and bool(request.video_frames)
        if not media or not (message.images or has_video):
            out.append({"role": message.role, "content": message.content})
            continue
        parts: list[dict] = [{"type": "image"} for _ in message.images]
        if has_video:
            parts.append({"type": "video"})
        parts.append({"type": "text", "text": message.content})
        out.append({"role": message.role, "content": parts})
    return out
