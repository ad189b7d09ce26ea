"""A prepared request as an OpenAI chat-completions body.

Images go as `image_url` parts with data: URLs (PNG of the checked, resized image the local
engines would see); a video goes as our own sampled frames, each an image part preceded by its
time as Qwen's processor writes it ("<12.5 seconds>"), so any server that takes images takes
videos, and the frames are the ones the rest of Cairn chose (no `video_url`: not every server
decodes video, and none would sample it the same way). Thinking is asked for through
`chat_template_kwargs.enable_thinking` (vLLM, SGLang, llama.cpp's server and `cairn serve` read
it) only when the user chose; otherwise the server's default applies.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from ..llamacpp.media import timestamp_text
from ..prepare import PreparedRequest
from ..prompting import chat_messages

JPEG_QUALITY = 90


def data_url(image: Any, fmt: str = "PNG") -> str:
    """A PIL image or an RGB uint8 array as a data: URL."""
    from PIL import Image

    if not isinstance(image, Image.Image):
        image = Image.fromarray(image)
    buf = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buf, format="JPEG", quality=JPEG_QUALITY)
        mime = "image/jpeg"
    else:
        image.save(buf, format="PNG")
        mime = "image/png"
    return f"data:{mime};base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _image_part(url: str) -> dict[str, Any]:
    return {"type": "image_url", "image_url": {"url": url}}


def openai_messages(ready: PreparedRequest) -> list[dict[str, Any]]:
    """The conversation with its pictures in place (the order prompting.chat_messages gives)."""
    messages = chat_messages(ready.request, media=ready.has_media)
    images = list(ready.images)
    frames = sorted(ready.frames, key=lambda f: f.t)
    out: list[dict[str, Any]] = []
    for message in messages:
        content = message["content"]
        if isinstance(content, str):
            out.append(message)
            continue
        parts: list[dict[str, Any]] = []
        for part in content:
            kind = part.get("type")
            if kind == "image":
                parts.append(_image_part(data_url(images.pop(0))))
            elif kind == "video":
                for frame in frames:
                    parts.append({"type": "text", "text": timestamp_text(frame.t)})
                    parts.append(_image_part(data_url(frame.image, "JPEG")))
            else:
                parts.append(part)
        out.append({"role": message["role"], "content": parts})
    return out


def chat_body(
    ready: PreparedRequest, model: str, *, explicit_thinking: bool | None
) -> dict[str, Any]:
    """The POST body of /v1/chat/completions, streamed with usage."""
    p = ready.params
    body: dict[str, Any] = {
        "model": model,
        "messages": openai_messages(ready),
        "stream": True,
        "stream_options": {"include_usage": True},
        "max_tokens": p.max_tokens,
    }
    for key, value in (
        ("temperature", p.temperature),
        ("top_p", p.top_p),
        ("top_k", p.top_k),
        ("min_p", p.min_p),
        ("presence_penalty", p.presence_penalty),
        ("seed", p.seed),
    ):
        if value is not None:
            body[key] = value
    if explicit_thinking is not None:
        body["chat_template_kwargs"] = {"enable_thinking": bool(explicit_thinking)}
    return body
