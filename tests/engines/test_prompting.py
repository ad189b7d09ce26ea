"""Where the sampled video goes in the chat-template messages (engines/prompting.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from inference.engines.prompting import chat_messages, video_message_index
from inference.records import GenerationRequest, Message, VideoFrame

FRAMES = (VideoFrame(t=0.0, index=0, image=np.zeros((8, 8, 3), np.uint8)),)


def _kinds(message: dict) -> list[str]:
    content = message["content"]
    return ["text"] if isinstance(content, str) else [p["type"] for p in content]


def test_a_follow_up_keeps_the_video_in_the_message_that_named_it():
    request = GenerationRequest(
        (
            Message("user", "What happens?", video=Path("clip.mp4")),
            Message("assistant", "A dog runs."),
            Message("user", "And then?"),
        ),
        video_frames=FRAMES,
    )
    assert video_message_index(request) == 0
    out = chat_messages(request, media=True)
    assert _kinds(out[0]) == ["video", "text"] and _kinds(out[2]) == ["text"]


def test_without_a_named_video_the_frames_go_with_the_last_user_message():
    request = GenerationRequest(
        (Message("user", "Hi"), Message("assistant", "Hello"), Message("user", "Look")),
        video_frames=FRAMES,
    )
    assert video_message_index(request) == 2
    assert _kinds(chat_messages(request, media=True)[2]) == ["video", "text"]
    assert video_message_index(GenerationRequest((Message("system", "s"),))) == -1
