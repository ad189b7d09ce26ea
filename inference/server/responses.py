"""OpenAI's response shapes: errors, chat completions (whole and as SSE chunks), models, usage.

Kept standard so that any OpenAI client (and Cairn's own remote engine) reads them. Thinking goes
out as `reasoning_content`, the field vLLM and llama.cpp's server use.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass

from starlette.responses import JSONResponse

from ..errors import CairnError, ErrorCode
from ..records import Chunk, FinishReason

# Our error codes -> (HTTP status, OpenAI error type). Everything a request can cause is a 4xx.
_STATUS = {
    ErrorCode.INVALID_ARGUMENT: (400, "invalid_request_error"),
    ErrorCode.UNSUPPORTED_INPUT: (400, "invalid_request_error"),
    ErrorCode.CONTEXT_TOO_LONG: (400, "invalid_request_error"),
    ErrorCode.IMAGE_NOT_FOUND: (400, "invalid_request_error"),
    ErrorCode.IMAGE_UNREADABLE: (400, "invalid_request_error"),
    ErrorCode.IMAGE_TRUNCATED: (400, "invalid_request_error"),
    ErrorCode.IMAGE_TOO_LARGE: (400, "invalid_request_error"),
    ErrorCode.VIDEO_NOT_FOUND: (400, "invalid_request_error"),
    ErrorCode.VIDEO_EMPTY: (400, "invalid_request_error"),
    ErrorCode.VIDEO_UNREADABLE: (400, "invalid_request_error"),
    ErrorCode.VIDEO_TOO_LARGE: (400, "invalid_request_error"),
    ErrorCode.MODEL_NOT_FOUND: (503, "server_error"),  # the GUI has no model loaded
}


def error_response(
    status: int,
    message: str,
    *,
    code: str,
    kind: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """`{"error": {"message", "type", "code"}}` with the given status."""
    if kind is None:
        kind = {
            400: "invalid_request_error",
            401: "authentication_error",
            403: "permission_error",
            404: "not_found_error",
            405: "invalid_request_error",
            413: "invalid_request_error",
            429: "rate_limit_error",
        }.get(status, "server_error")
    body = {"error": {"message": message, "type": kind, "code": code, "param": None}}
    return JSONResponse(body, status_code=status, headers=headers)


def error_for(e: CairnError) -> JSONResponse:
    status, kind = _STATUS.get(e.code, (500, "server_error"))
    message = f"{e.code.value.replace('_', ' ')}: {e.detail}" if e.detail else e.code.value
    return error_response(status, message, code=e.code.value, kind=kind)


def new_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}"


def finish_reason(final: Chunk | None, stopped_by_string: bool) -> str:
    if stopped_by_string or final is None or final.finish_reason is None:
        return "stop"
    if final.finish_reason is FinishReason.LENGTH:
        return "length"
    return "stop"


def usage(final: Chunk | None) -> dict:
    """prompt/completion/total tokens; cached_tokens from the engine when it reports them."""
    prompt = final.prompt_tokens if final else 0
    completion = final.generation_tokens if final else 0
    cached = int(getattr(final, "cached_tokens", 0) or 0) if final else 0
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": cached},
    }


def timings(final: Chunk | None) -> dict:
    """Cairn's own statistics, next to usage (clients ignore unknown keys)."""
    if final is None:
        return {}
    return {
        "ttft_s": final.ttft_s,
        "prompt_tps": final.prompt_tps,
        "generation_tps": final.generation_tps,
    }


@dataclass(frozen=True)
class Completion:
    """What a finished (non-streamed) answer became."""

    id: str
    model: str
    text: str
    thinking: str
    final: Chunk | None
    stopped_by_string: bool

    def body(self) -> dict:
        message: dict = {"role": "assistant", "content": self.text}
        if self.thinking:
            message["reasoning_content"] = self.thinking
        return {
            "id": self.id,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": finish_reason(self.final, self.stopped_by_string),
                }
            ],
            "usage": usage(self.final),
            "timings": timings(self.final),
        }


def sse(obj: dict | str) -> bytes:
    data = obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)
    return f"data: {data}\n\n".encode()


def stream_chunk(
    cid: str, model: str, created: int, delta: dict, finish: str | None = None
) -> dict:
    return {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }


def usage_chunk(cid: str, model: str, created: int, final: Chunk | None) -> dict:
    """The last event when stream_options.include_usage is set: no choices, the usage."""
    return {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [],
        "usage": usage(final),
    }


def model_entry(model_id: str, created: int = 0) -> dict:
    return {"id": model_id, "object": "model", "created": created, "owned_by": "cairn"}


class StopFilter:
    """Applies OpenAI's `stop` strings to streamed answer text.

    Text that could be the start of a stop string is held back until it is known not to be;
    once a stop string appears, the text before it is released and the rest is dropped.
    """

    def __init__(self, stops: tuple[str, ...]) -> None:
        self.stops = tuple(s for s in stops if s)
        self.pending = ""
        self.stopped = False

    def feed(self, text: str) -> str:
        if self.stopped:
            return ""
        if not self.stops:
            return text
        self.pending += text
        cut = min((i for i in (self.pending.find(s) for s in self.stops) if i >= 0), default=-1)
        if cut >= 0:
            out, self.pending, self.stopped = self.pending[:cut], "", True
            return out
        hold = 0
        for s in self.stops:  # the longest tail of pending that begins some stop string
            for n in range(min(len(s) - 1, len(self.pending)), hold, -1):
                if self.pending.endswith(s[:n]):
                    hold = n
                    break
        out = self.pending[: len(self.pending) - hold]
        self.pending = self.pending[len(self.pending) - hold :]
        return out

    def flush(self) -> str:
        out, self.pending = ("" if self.stopped else self.pending), ""
        return out
