"""An OpenAI chat-completions body -> a GenerationRequest, checked before it reaches the engine.

Every problem is a CairnError(INVALID_ARGUMENT or an IMAGE_* / VIDEO_* code), which the app turns
into a 400: bad input never becomes a 500. Media come only inline as data: URLs; http(s) and
file: URLs are refused and nothing is ever fetched or read from the server's disk (the lesson of
Jan's CVE-2024-36857). Decoded media are written to a private temporary folder, checked with the
command line's own code (media/images.py load_image; video/ sample_frames), and the folder is
removed when the job ends.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import math
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CairnError, ErrorCode
from ..records import GenerationRequest, GenParams, Message

VIDEO_MAX_FRAMES = 32  # as `cairn chat --video`
MAX_STOPS = 4  # as OpenAI
_ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}
_DATA_URL = re.compile(r"^data:([a-z0-9.+-]+/[a-z0-9.+-]+)?((?:;[^;,]*)*?);base64,", re.I)
_IMAGE_SUFFIX = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/bmp": ".bmp",
}
_VIDEO_SUFFIX = {
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/quicktime": ".mov",
    "video/x-matroska": ".mkv",
    "video/avi": ".avi",
    "video/x-msvideo": ".avi",
}


def bad(message: str) -> CairnError:
    return CairnError(ErrorCode.INVALID_ARGUMENT, message)


@dataclass
class ChatCall:
    """A checked chat request, and the temporary files it owns until its job ends."""

    request: GenerationRequest
    stream: bool
    include_usage: bool
    stops: tuple[str, ...]
    workdir: Path | None = None
    notes: list[str] = field(default_factory=list)

    def cleanup(self) -> None:
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None


def _number(body: dict, key: str, lo: float, hi: float, *, integer: bool = False):
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad(f"'{key}' must be a number")
    if integer and not (isinstance(value, int) or float(value).is_integer()):
        raise bad(f"'{key}' must be an integer")
    if (isinstance(value, float) and not math.isfinite(value)) or not lo <= value <= hi:
        raise bad(f"'{key}' must be between {lo} and {hi}")
    return int(value) if integer else float(value)


def gen_params(body: dict, default_max_tokens: int) -> GenParams:
    max_tokens = _number(body, "max_completion_tokens", 1, 1 << 20, integer=True)
    if max_tokens is None:
        max_tokens = _number(body, "max_tokens", 1, 1 << 20, integer=True)
    values = {
        "max_tokens": max_tokens or default_max_tokens,
        "temperature": _number(body, "temperature", 0.0, 2.0),
        "top_p": _number(body, "top_p", 0.0, 1.0),
        "top_k": _number(body, "top_k", -1, 1 << 20, integer=True),
        "presence_penalty": _number(body, "presence_penalty", -2.0, 2.0),
        "seed": _seed(body),
    }
    min_p = _number(body, "min_p", 0.0, 1.0)
    # min_p is checked always and passed on where GenParams has it (the engines' next change)
    if min_p is not None and "min_p" in {f.name for f in dataclasses.fields(GenParams)}:
        values["min_p"] = min_p
    if values["top_k"] is not None and values["top_k"] < 0:
        values["top_k"] = 0  # -1 (vLLM's "off") is llama.cpp's 0
    return GenParams(**values)


def _seed(body: dict) -> int | None:
    seed = _number(body, "seed", -(1 << 63), (1 << 64) - 1, integer=True)
    return None if seed is None else seed & 0xFFFFFFFF  # the engines' samplers take 32 bits


def _stops(body: dict) -> tuple[str, ...]:
    stop = body.get("stop")
    if stop is None:
        return ()
    if isinstance(stop, str):
        stop = [stop]
    if not isinstance(stop, list) or not all(isinstance(s, str) for s in stop):
        raise bad("'stop' must be a string or a list of strings")
    if len(stop) > MAX_STOPS:
        raise bad(f"'stop' takes at most {MAX_STOPS} strings")
    return tuple(s for s in stop if s)


def _thinking(body: dict) -> bool | None:
    kwargs = body.get("chat_template_kwargs")
    if kwargs is None:
        return None
    if not isinstance(kwargs, dict):
        raise bad("'chat_template_kwargs' must be an object")
    value = kwargs.get("enable_thinking")
    if value is not None and not isinstance(value, bool):
        raise bad("'chat_template_kwargs.enable_thinking' must be true or false")
    return value


def _data_url(url: object, what: str) -> tuple[str, bytes]:
    """(mime type, bytes) of a base64 data: URL; any other URL is refused."""
    if isinstance(url, dict):
        url = url.get("url")
    if not isinstance(url, str) or not url:
        raise bad(f"{what}: 'url' must be a string")
    head = url[:16].lower()
    if head.startswith(("http:", "https:", "file:", "ftp:")) or "://" in url[:16]:
        raise bad(f"{what}: only data: URLs are accepted; this server fetches nothing")
    match = _DATA_URL.match(url)
    if not match:
        raise bad(f"{what}: expected a base64 data: URL")
    try:
        data = base64.b64decode(url[match.end() :], validate=True)
    except (binascii.Error, ValueError):
        raise bad(f"{what}: the base64 data is malformed") from None
    if not data:
        raise bad(f"{what}: the data is empty")
    return (match.group(1) or "").lower(), data


class _Media:
    """Writes decoded media into one private temporary folder per request."""

    def __init__(self) -> None:
        self.workdir: Path | None = None
        self.count = 0

    def write(self, data: bytes, suffix: str) -> Path:
        if self.workdir is None:
            self.workdir = Path(tempfile.mkdtemp(prefix="cairn-serve-"))
        self.count += 1
        path = self.workdir / f"media-{self.count}{suffix}"
        path.write_bytes(data)
        return path


def _content(content: object, role: str, media: _Media, index: int):
    """(text, images, video path) of one message's content."""
    if content is None and role == "assistant":
        return "", (), None
    if isinstance(content, str):
        return content, (), None
    if not isinstance(content, list):
        raise bad(f"messages[{index}].content must be a string or a list of parts")
    texts: list[str] = []
    images: list[Path] = []
    video: Path | None = None
    for j, part in enumerate(content):
        where = f"messages[{index}].content[{j}]"
        if not isinstance(part, dict):
            raise bad(f"{where} must be an object")
        kind = part.get("type")
        if kind == "text":
            if not isinstance(part.get("text"), str):
                raise bad(f"{where}.text must be a string")
            texts.append(part["text"])
        elif kind in ("image_url", "video_url") and role != "user":
            raise bad(f"{where}: media are accepted in user messages only")
        elif kind == "image_url":
            mime, data = _data_url(part.get("image_url"), where)
            if mime and not mime.startswith("image/"):
                raise bad(f"{where}: {mime} is not an image")
            path = media.write(data, _IMAGE_SUFFIX.get(mime, ".img"))
            from ..media.images import load_image

            load_image(path)  # the command line's checks: size, pixels, truncation
            images.append(path)
        elif kind == "video_url":
            if video is not None:
                raise bad(f"{where}: one video per message")
            mime, data = _data_url(part.get("video_url"), where)
            if mime and not mime.startswith("video/"):
                raise bad(f"{where}: {mime} is not a video")
            video = media.write(data, _VIDEO_SUFFIX.get(mime, ".mp4"))
        else:
            raise bad(f"{where}: unsupported content part type {kind!r}")
    return "\n".join(texts), tuple(images), video


def parse_chat(
    body: object, *, default_max_tokens: int = 1024, capabilities=frozenset()
) -> ChatCall:
    """Check a chat-completions body and build the engine's request (blocking: run in a thread)."""
    if not isinstance(body, dict):
        raise bad("the request body must be a JSON object")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise bad("'messages' must be a non-empty list")
    if body.get("n") not in (None, 1):
        raise bad("'n' must be 1")
    if body.get("tools") or body.get("functions"):
        raise bad("tools are not supported by this server")
    model = body.get("model")
    if model is not None and not isinstance(model, str):
        raise bad("'model' must be a string")
    stream = body.get("stream", False)
    if not isinstance(stream, bool | None):
        raise bad("'stream' must be true or false")
    options = body.get("stream_options") or {}
    if not isinstance(options, dict):
        raise bad("'stream_options' must be an object")
    include_usage = bool(options.get("include_usage", False))
    params = gen_params(body, default_max_tokens)
    stops = _stops(body)
    thinking = _thinking(body)

    media = _Media()
    try:
        out: list[Message] = []
        video: Path | None = None
        video_at = -1
        for i, m in enumerate(messages):
            if not isinstance(m, dict):
                raise bad(f"messages[{i}] must be an object")
            role = _ROLES.get(m.get("role"))  # type: ignore[arg-type]
            if role is None:
                raise bad(f"messages[{i}].role {m.get('role')!r} is not supported")
            text, images, vid = _content(m.get("content"), role, media, i)
            if vid is not None:
                video, video_at = vid, len(out)
            out.append(Message(role, text, images=images, video=vid))
        if video is not None:
            last_user = max(i for i, m in enumerate(out) if m.role == "user")
            if video_at != last_user:
                raise bad("a video is accepted in the last user message only")
        _check_capabilities(out, capabilities)
        frames: tuple = ()
        if video is not None:
            from ..video import sample_frames

            frames = tuple(sample_frames(video, max_frames=VIDEO_MAX_FRAMES).frames)
            video.unlink(missing_ok=True)  # the frames are in memory now
        request = GenerationRequest(
            tuple(out), params=params, thinking=thinking, video_frames=frames
        )
    except BaseException:
        if media.workdir is not None:
            shutil.rmtree(media.workdir, ignore_errors=True)
        raise
    return ChatCall(request, bool(stream), include_usage, stops, media.workdir)


def _check_capabilities(messages: list[Message], capabilities) -> None:
    if not capabilities:
        return
    names = {getattr(c, "value", c) for c in capabilities}
    if any(m.images for m in messages) and "image" not in names:
        raise CairnError(ErrorCode.UNSUPPORTED_INPUT, "this model does not read images")
    if any(m.video for m in messages) and "video" not in names:
        raise CairnError(ErrorCode.UNSUPPORTED_INPUT, "this model does not read videos")


def parse_embeddings(body: object) -> tuple[list[str], str]:
    """(texts, encoding format) of an embeddings body."""
    if not isinstance(body, dict):
        raise bad("the request body must be a JSON object")
    texts = body.get("input")
    if isinstance(texts, str):
        texts = [texts]
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
        raise bad(
            "'input' must be a string or a non-empty list of strings (token arrays are not accepted)"
        )
    if len(texts) > 2048:
        raise bad("'input' takes at most 2048 strings")
    fmt = body.get("encoding_format") or "float"
    if fmt not in ("float", "base64"):
        raise bad("'encoding_format' must be 'float' or 'base64'")
    return texts, fmt
