"""The starlette application: /health, /v1/models, /v1/chat/completions, /v1/embeddings.

`create_app` takes everything as parameters (the runner that owns the engine, the model's id and
capabilities, the defence policy, an optional embedder), so `cairn serve` and the GUI build the
same app. Blocking work (decoding media, sampling a video, embedding) runs in worker threads;
generation runs on the engine thread (jobs.py). A client that goes away cancels its job: the
streamed response stops being iterated (starlette cancels it on disconnect) and, for a
non-streamed answer, a watcher task waits for the disconnect message.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ..errors import CairnError, ErrorCode
from ..records import Chunk
from . import responses as R
from .defences import Defences, Policy
from .jobs import EngineRunner, JobGate, QueueFull, run_on_engine
from .requests import ChatCall, parse_chat, parse_embeddings

log = logging.getLogger(__name__)


@dataclass
class ServedModel:
    """What /v1/models lists; `describe` is asked at each request (the GUI may switch models)."""

    describe: Callable[[], tuple[str, frozenset] | None]  # (id, capabilities) or None: no model


@dataclass
class ServerConfig:
    policy: Policy
    max_jobs: int = 8  # one running plus seven waiting
    default_max_tokens: int = 1024
    embedder: object | None = None  # dense.Embedder (name, dim, embed(texts))
    started: int = field(default_factory=lambda: int(time.time()))


async def _read_json(request: Request, limit: int):
    """The body as JSON, counting bytes as they arrive (chunked bodies have no Content-Length)."""
    size = 0
    parts: list[bytes] = []
    try:
        async for part in request.stream():
            size += len(part)
            if size > limit:
                raise _Refusal(
                    R.error_response(413, f"the body is over {limit} bytes", code="body_too_large")
                )
            parts.append(part)
    except ClientDisconnect:
        raise _Refusal(Response(status_code=400)) from None
    try:
        return json.loads(b"".join(parts))
    except (ValueError, RecursionError) as e:  # JSONDecodeError, bad UTF-8, a 5,000-digit int
        raise _Refusal(R.error_response(400, f"malformed JSON: {e}", code="invalid_json")) from None


class _Refusal(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def create_app(runner: EngineRunner, served: ServedModel, config: ServerConfig) -> Starlette:
    gate = JobGate(config.max_jobs)
    limit = config.policy.max_body_bytes

    def current_model():
        info = served.describe()
        if info is None:
            raise CairnError(ErrorCode.MODEL_NOT_FOUND, "no model is loaded")
        return info

    async def health(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "requests": gate.live,
                "generating": gate.generating,
                "last": gate.last,
            }
        )

    async def models(request: Request) -> Response:
        data = []
        info = served.describe()
        if info is not None:
            data.append(R.model_entry(info[0], config.started))
        if config.embedder is not None:
            data.append(
                R.model_entry(getattr(config.embedder, "name", "embedding"), config.started)
            )
        return JSONResponse({"object": "list", "data": data})

    async def chat(request: Request) -> Response:
        try:
            body = await _read_json(request, limit)
            model_id, caps = current_model()
            call: ChatCall = await anyio.to_thread.run_sync(
                lambda: parse_chat(
                    body, default_max_tokens=config.default_max_tokens, capabilities=caps
                )
            )
        except _Refusal as r:
            return r.response
        except CairnError as e:
            return R.error_for(e)
        try:
            token = gate.enter()
        except QueueFull:
            call.cleanup()
            return R.error_response(
                429,
                "the server is busy: too many requests waiting",
                code="queue_full",
                headers={"Retry-After": "1"},
            )
        request_gen = call.request

        def job(engine, cancel):
            gate.begin()
            final = None
            try:
                for chunk in engine.generate(request_gen, cancel=cancel):
                    if chunk.finish_reason is not None:
                        final = chunk
                    yield chunk
            finally:
                gate.end(final)

        chunks = run_on_engine(runner, job, token, on_end=call.cleanup)
        if call.stream:
            return StreamingResponse(
                _stream(chunks, call, model_id, gate, token, request),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        return await _whole(chunks, call, model_id, gate, token, request)

    async def embeddings(request: Request) -> Response:
        if config.embedder is None:
            return R.error_response(404, "no embedding model is installed", code="model_not_found")
        try:
            body = await _read_json(request, limit)
            texts, fmt = parse_embeddings(body)
            vectors = await anyio.to_thread.run_sync(lambda: embed_texts(config.embedder, texts))
        except _Refusal as r:
            return r.response
        except CairnError as e:
            return R.error_for(e)
        data = []
        for i, vec in enumerate(vectors):
            if fmt == "base64":
                import numpy as np

                value: object = base64.b64encode(np.asarray(vec, dtype="<f4").tobytes()).decode()
            else:
                value = [float(x) for x in vec]
            data.append({"object": "embedding", "index": i, "embedding": value})
        return JSONResponse(
            {
                "object": "list",
                "data": data,
                "model": getattr(config.embedder, "name", "embedding"),
                "usage": {"prompt_tokens": 0, "total_tokens": 0},
            }
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        if status == 405:
            return R.error_response(405, "method not allowed", code="method_not_allowed")
        return R.error_response(
            status if status in (400, 404) else 404, "no such endpoint", code="not_found"
        )

    async def internal(request: Request, exc: Exception) -> Response:
        log.error("internal error: %s: %s", type(exc).__name__, exc)
        return R.error_response(500, "internal error", code="internal_error")

    app = Starlette(
        routes=[
            Route("/health", health, methods=["GET"]),
            Route("/v1/models", models, methods=["GET"]),
            Route("/v1/chat/completions", chat, methods=["POST"]),
            Route("/v1/embeddings", embeddings, methods=["POST"]),
        ],
        middleware=[Middleware(Defences, policy=config.policy)],
        exception_handlers={HTTPException: not_found, Exception: internal},
    )
    app.state.gate = gate
    return app


def embed_texts(embedder, texts: list[str]):
    """The one call into the embedding model (its module may move: re-point this import only)."""
    return embedder.embed(texts, query=False)


async def _watch_disconnect(request: Request, token) -> None:
    """Waits for the client to go away (the body has been read, so the next message is that)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            token.cancel()
            return


async def _stream(chunks, call: ChatCall, model_id: str, gate: JobGate, token, request: Request):
    cid, created = R.new_id(), int(time.time())
    stops = R.StopFilter(call.stops)
    final: Chunk | None = None
    watcher = asyncio.create_task(_watch_disconnect(request, token))
    try:
        yield R.sse(R.stream_chunk(cid, model_id, created, {"role": "assistant", "content": ""}))
        try:
            async for chunk in chunks:
                if not isinstance(chunk, Chunk):
                    continue
                if chunk.thinking:
                    yield R.sse(
                        R.stream_chunk(
                            cid, model_id, created, {"reasoning_content": chunk.thinking}
                        )
                    )
                if chunk.text:
                    text = stops.feed(chunk.text)
                    if text:
                        yield R.sse(R.stream_chunk(cid, model_id, created, {"content": text}))
                    if stops.stopped:
                        token.cancel()  # the engine ends at its next token; its final chunk comes
                if chunk.finish_reason is not None:
                    final = chunk
        except CairnError as e:
            status, _ = R._STATUS.get(e.code, (500, "server_error"))
            yield R.sse(
                {
                    "error": {
                        "message": f"{e.code.value}: {e.detail}",
                        "type": "invalid_request_error" if status < 500 else "server_error",
                        "code": e.code.value,
                    }
                }
            )
            yield R.sse("[DONE]")
            return
        if gate.closed and not stops.stopped:  # cancelled because the server is stopping
            yield R.sse(
                {
                    "error": {
                        "message": "the server is shutting down",
                        "type": "server_error",
                        "code": "shutting_down",
                    }
                }
            )
            yield R.sse("[DONE]")
            return
        rest = stops.flush()
        if rest:
            yield R.sse(R.stream_chunk(cid, model_id, created, {"content": rest}))
        yield R.sse(
            R.stream_chunk(cid, model_id, created, {}, R.finish_reason(final, stops.stopped))
        )
        if call.include_usage:
            yield R.sse(R.usage_chunk(cid, model_id, created, final))
        yield R.sse("[DONE]")
    finally:
        watcher.cancel()
        if final is None:  # the client went away, or an error: the engine stops at its next token
            token.cancel()  # (after a complete answer it reads it for the next turn: no cancel)
        gate.leave(token)
        await chunks.aclose()


async def _whole(
    chunks, call: ChatCall, model_id: str, gate: JobGate, token, request: Request
) -> Response:
    stops = R.StopFilter(call.stops)
    text: list[str] = []
    thinking: list[str] = []
    final: Chunk | None = None
    watcher = asyncio.create_task(_watch_disconnect(request, token))
    try:
        async for chunk in chunks:
            if not isinstance(chunk, Chunk):
                continue
            thinking.append(chunk.thinking)
            if chunk.text:
                text.append(stops.feed(chunk.text))
                if stops.stopped:
                    token.cancel()
            if chunk.finish_reason is not None:
                final = chunk
        text.append(stops.flush())
    except CairnError as e:
        return R.error_for(e)
    finally:
        watcher.cancel()
        gate.leave(token)
        await chunks.aclose()
    return JSONResponse(
        R.Completion(
            R.new_id(), model_id, "".join(text), "".join(thinking), final, stops.stopped
        ).body()
    )
