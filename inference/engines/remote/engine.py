"""The remote engine: an OpenAI-compatible server (vLLM, llama.cpp's server, Ollama, another
Cairn) behind the same Engine protocol as the local engines.

`name` is "remote", `device` the endpoint's host and `model_name` the server's model id, so
`cairn chat --json` and the window report where the answer came from. Requests are checked and
resolved by engines/prepare.py as for the local engines (bad images fail here, before anything
is sent). Thinking comes back as `reasoning_content` (or `reasoning`) when the server separates
it; when it does not, <think> ... </think> in the text is split the way the local engines split
it. Statistics come from the stream: time to first token, tokens/s between the first and last
token, and the server's usage (prompt, completion and cached prompt tokens) when it sends one;
without usage the streamed pieces are counted (servers send about one token per piece).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

from ...cancel import CancelToken
from ...errors import CairnError, ErrorCode
from ...qwen import THINK_CLOSE, THINK_OPEN, ThinkingSplitter
from ...records import (
    DEFAULT_PRESETS,
    Chunk,
    EngineName,
    FinishReason,
    GenerationRequest,
    Modality,
)
from ..chunks import _chunks
from ..prepare import prepare
from .client import Cancelled, RemoteClient
from .payload import chat_body

FINISH = {"stop": FinishReason.STOP, "length": FinishReason.LENGTH}


class RemoteEngine:
    """A model on a server, reached through a RemoteClient."""

    name: str = EngineName.REMOTE

    def __init__(self, client: RemoteClient, model: str) -> None:
        self.client = client
        self.model_name = model
        self.device = client.endpoint.host
        self.endpoint = client.endpoint
        # the server's model list says nothing of images; a server that cannot take them says so
        # when asked (its refusal comes back as one line)
        self.capabilities = frozenset({Modality.TEXT, Modality.IMAGE, Modality.VIDEO})
        self.thinking_default = False  # only used to resolve presets: the server keeps its own
        self.presets = dict(DEFAULT_PRESETS)

    def generate(self, request: GenerationRequest, *, cancel: CancelToken) -> Iterator[Chunk]:
        ready = prepare(
            request,
            thinking_default=self.thinking_default,
            presets=self.presets,
            vision=True,
            text_only="",
        )
        body = chat_body(ready, self.model_name, explicit_thinking=request.thinking)
        return self._stream(body, request.thinking is True, cancel)

    def _stream(self, body: dict[str, Any], thinking: bool, cancel: CancelToken) -> Iterator[Chunk]:
        started = time.perf_counter()
        first: float | None = None
        last = started
        pieces = 0
        usage: Mapping[str, Any] | None = None
        finish: FinishReason | None = None
        text = _TextSplitter(thinking)
        try:
            for event in self.client.stream_chat(body, cancel):
                if isinstance(event.get("usage"), dict):
                    usage = event["usage"]
                for choice in event.get("choices") or ():
                    if not isinstance(choice, dict):
                        raise CairnError(
                            ErrorCode.REMOTE_BAD_RESPONSE, "a choice that is not an object"
                        )
                    delta = choice.get("delta") or choice.get("message") or {}
                    if not isinstance(delta, dict):
                        raise CairnError(
                            ErrorCode.REMOTE_BAD_RESPONSE, "a delta that is not an object"
                        )
                    reasoning = delta.get("reasoning_content") or delta.get("reasoning") or ""
                    content = delta.get("content") or ""
                    if not isinstance(reasoning, str) or not isinstance(content, str):
                        raise CairnError(ErrorCode.REMOTE_BAD_RESPONSE, "text that is not a string")
                    if "content" in delta or reasoning:
                        pieces += 1
                        now = time.perf_counter()
                        if first is None:
                            first = now
                        last = now
                    if reasoning:
                        yield from text.reasoning(reasoning)
                    if content:
                        yield from text.feed(content)
                    if choice.get("finish_reason"):
                        finish = FINISH.get(str(choice["finish_reason"]), FinishReason.STOP)
                if cancel.cancelled:
                    raise Cancelled()
        except Cancelled:
            finish = FinishReason.CANCELLED
        if finish is None:  # every server ends an answer with a finish reason: this one was cut
            raise CairnError(
                ErrorCode.REMOTE_BAD_RESPONSE,
                f"the answer from {self.endpoint.label} stopped without a finish reason",
            )
        yield from text.flush()
        ended = time.perf_counter() if finish is FinishReason.CANCELLED else last
        yield self._final(finish, usage, pieces, started, first, ended)

    def _final(
        self,
        finish: FinishReason,
        usage: Mapping[str, Any] | None,
        pieces: int,
        started: float,
        first: float | None,
        ended: float,
    ) -> Chunk:
        prompt = _int(usage, "prompt_tokens")
        generated = _int(usage, "completion_tokens") or pieces
        details = usage.get("prompt_tokens_details") if usage else None
        cached = _int(details if isinstance(details, dict) else None, "cached_tokens")
        ttft = (first - started) if first is not None else None
        span = ended - first if first is not None else 0.0
        return Chunk(
            finish_reason=finish,
            prompt_tokens=prompt,
            generation_tokens=generated,
            ttft_s=ttft,
            prompt_tps=prompt / ttft if prompt and ttft else 0.0,
            generation_tps=(generated - 1) / span if generated > 1 and span > 0 else 0.0,
            peak_memory_mb=0.0,  # the memory is the server's
            cached_tokens=cached,
        )

    def close(self) -> None:
        self.client.close()


def _int(mapping: Mapping[str, Any] | None, key: str) -> int:
    value = mapping.get(key) if mapping else None
    return int(value) if isinstance(value, int | float) and value >= 0 else 0


class _TextSplitter:
    """Answer text -> Chunks, splitting <think> blocks the server left in the text.

    With thinking on, a Qwen template opens <think> in the prompt, so a server without a
    reasoning parser streams "reasoning</think>answer" with no opening tag. Until it is clear
    which kind of server this is (reasoning_content seen, the text opens <think>, or </think>
    arrives), such text is held back: then it is released as thinking, or at the end as answer.
    """

    def __init__(self, thinking: bool) -> None:
        self._splitter = ThinkingSplitter(in_thinking=False)
        self._undecided = thinking
        self._held = ""

    def reasoning(self, text: str) -> list[Chunk]:
        out = self._release_as_answer()  # a server that separates reasoning: text is answer
        out.append(Chunk(thinking=text))
        return out

    def feed(self, text: str) -> list[Chunk]:
        if not self._undecided:
            return _chunks(*self._splitter.feed(text))
        self._held += text
        if self._held.lstrip().startswith(THINK_OPEN):
            return self._release_as_answer()  # explicit tags: the normal splitter handles them
        if THINK_CLOSE in self._held:
            self._undecided = False
            self._splitter = ThinkingSplitter(in_thinking=True)
            held, self._held = self._held, ""
            return _chunks(*self._splitter.feed(held))
        return []

    def _release_as_answer(self) -> list[Chunk]:
        if not self._undecided:
            return []
        self._undecided = False
        held, self._held = self._held, ""
        return _chunks(*self._splitter.feed(held)) if held else []

    def flush(self) -> list[Chunk]:
        out = self._release_as_answer()
        out.extend(_chunks(*self._splitter.flush()))
        return out
