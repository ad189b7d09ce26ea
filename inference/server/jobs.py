"""One engine, one thread, a bounded FIFO queue in front of it, and the bridge to asyncio.

Engines are not thread-safe and MLX streams are thread-local, so every load and generate runs on
one thread. `EngineRunner` is the seam: `EngineThread` (for `cairn serve`) owns a thread of its
own; the GUI passes an adapter that submits to its existing engine thread as jobs, so the window's
chat and the server's requests take turns on the one model (app/server_controller.py).

`JobGate` bounds the queue: at most `max_jobs` requests running or waiting, else 429. The work a
request submits runs on the engine thread and hands each Chunk to the event loop with
call_soon_threadsafe; the request's CancelToken is set when its client goes away, and the engine
stops at its next token.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Protocol

from ..cancel import CancelToken
from ..errors import CairnError, ErrorCode

log = logging.getLogger(__name__)

# A piece of work for the engine thread: called there with a function returning the engine
# (which raises CairnError when there is none) and the request's token.
Work = Callable[[Callable[[], object], CancelToken], None]


class EngineRunner(Protocol):
    def submit(self, work: Work, cancel: CancelToken) -> None:
        """Queue `work` (FIFO, non-blocking); it runs on the engine thread."""
        ...


class EngineThread:
    """A dedicated engine thread: loads with `opener()`, then runs submitted work in order."""

    def __init__(self, opener: Callable[[], object], name: str = "cairn-serve-engine") -> None:
        self._opener = opener
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._loaded = threading.Event()
        self._error: BaseException | None = None
        self.engine: Any = None  # an inference.engine.Engine once loaded
        self._thread = threading.Thread(target=self._main, name=name, daemon=True)

    def start(self) -> object:
        """Start the thread and wait for the model; returns the engine, raises what loading raised."""
        self._thread.start()
        self._loaded.wait()
        if self._error is not None:
            raise self._error
        return self.engine

    def _main(self) -> None:
        try:
            self.engine = self._opener()
        except BaseException as e:  # handed to start() on the caller's thread
            self._error = e
            self._loaded.set()
            return
        self._loaded.set()
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    break
                work, cancel = item
                try:
                    work(self._require, cancel)
                except Exception:  # work reports its own errors; this is a last resort
                    log.exception("server job failed")
        finally:
            engine, self.engine = self.engine, None
            if engine is not None:
                engine.close()

    def _require(self):
        if self.engine is None:
            raise CairnError(ErrorCode.MODEL_NOT_FOUND, "no model loaded")
        return self.engine

    def submit(self, work: Work, cancel: CancelToken) -> None:
        self._queue.put((work, cancel))

    def stop(self, timeout: float = 5.0) -> bool:
        """Let queued work see its (already set) tokens, close the engine, end the thread."""
        self._queue.put(None)
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()


class QueueFull(Exception):
    pass


class JobGate:
    """Admission: at most `max_jobs` requests running or waiting. Knows every live token."""

    def __init__(self, max_jobs: int) -> None:
        self.max_jobs = max_jobs
        self._live: set[CancelToken] = set()
        self._lock = threading.Lock()
        self.closed = False
        self.generating = 0  # jobs inside engine.generate right now (0 or 1): /health shows it
        self.last: dict = {}  # how the last generation ended: /health shows it

    def enter(self) -> CancelToken:
        with self._lock:
            if self.closed or len(self._live) >= self.max_jobs:
                raise QueueFull()
            token = CancelToken()
            self._live.add(token)
            return token

    def leave(self, token: CancelToken) -> None:
        with self._lock:
            self._live.discard(token)

    def begin(self) -> None:
        with self._lock:
            self.generating += 1

    def end(self, final=None) -> None:
        with self._lock:
            self.generating -= 1
            if final is not None:
                self.last = {
                    "finish_reason": getattr(final.finish_reason, "value", None),
                    "generation_tokens": final.generation_tokens,
                }

    @property
    def live(self) -> int:
        with self._lock:
            return len(self._live)

    def cancel_all(self) -> None:
        """Shutting down: refuse new work and stop what runs and waits."""
        with self._lock:
            self.closed = True
            tokens = list(self._live)
        for token in tokens:
            token.cancel()


_DONE = object()


async def run_on_engine(
    runner: EngineRunner,
    job: Callable[[object, CancelToken], Iterator[object]],
    cancel: CancelToken,
    *,
    on_end: Callable[[], None] = lambda: None,
) -> AsyncIterator[object]:
    """Run `job(engine, cancel)` on the engine thread; yield what it yields, here, in order.

    Errors raised on the engine thread are raised here. `on_end` runs on the engine thread when
    the job is over (its temporary files are removed there: the engine may read them until then).
    Leaving the loop early (the client went away) sets `cancel`.
    """
    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue = asyncio.Queue()

    def post(item: object) -> None:
        try:
            loop.call_soon_threadsafe(inbox.put_nowait, item)
        except RuntimeError:  # the loop has closed: nobody is listening any more
            cancel.cancel()

    def work(require: Callable[[], object], token: CancelToken) -> None:
        try:
            if token.cancelled:
                return
            for item in job(require(), token):
                post(item)
        except BaseException as e:  # noqa: BLE001 - handed to the request's task
            post(e)
        finally:
            try:
                on_end()
            finally:
                post(_DONE)

    runner.submit(work, cancel)
    try:
        while True:
            item = await inbox.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        cancel.cancel()  # a no-op when the job has ended; else the engine stops at its next token
