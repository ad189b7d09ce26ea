"""The engine thread: one long-lived QThread owns all model work (load, generate, close).

MLX streams are thread-local, so the model is loaded and used on the same thread. The GUI talks
to it only through EngineController: jobs go over a queued signal, results come back as signals
tagged with the job id (chunk, progress, finished, failed, cancelled). Stop sets the job's
CancelToken directly from the GUI thread; the job ends at its next token.

A job is any callable run on the engine thread that yields Chunk and Progress records (and,
optionally, one other object: the job's result). Chat is `chat_job`; others plug in the same
way, e.g. ``Job("video_summary", lambda s, c: summarize(s.require_engine(), path, cancel=c))``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from inference.cancel import Cancelled, CancelToken
from inference.engine import Engine
from inference.errors import CairnError, ErrorCode
from inference.records import Chunk, FinishReason, GenerationRequest, Progress

log = logging.getLogger(__name__)

UPDATES_PER_SECOND = 30


class EngineSession:
    """What a job sees on the engine thread: the loaded engine, if any."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.model_ref: str | None = None
        # For pipelines that report progress through a callback (progress=session.report):
        # set by the host for the running job, sends a Progress to the GUI.
        self.report: Callable[[Progress], None] = lambda _p: None

    def require_engine(self) -> Engine:
        if self.engine is None:
            raise CairnError(ErrorCode.MODEL_NOT_FOUND, "no model loaded")
        return self.engine

    def replace(self, engine: Engine, ref: str | None) -> None:
        self.close()
        self.engine, self.model_ref = engine, ref

    def close(self) -> None:
        engine, self.engine, self.model_ref = self.engine, None, None
        if engine is not None:
            try:
                engine.close()
            except Exception:  # closing must never take the app down on quit
                log.exception("closing the engine failed")


JobFn = Callable[[EngineSession, CancelToken], Iterable[object]]


@dataclass(frozen=True)
class Job:
    kind: str  # "chat", "load", later "video_summary", "doc_qa", ...
    run: JobFn


@dataclass(frozen=True)
class LoadedModel:
    """The result of a load job."""

    ref: str | None
    name: str
    engine: str
    device: str
    capabilities: frozenset


def chat_job(request: GenerationRequest) -> Job:
    return Job(
        "chat", lambda session, cancel: session.require_engine().generate(request, cancel=cancel)
    )


def load_job(opener: Callable[[], Engine], ref: str | None) -> Job:
    """Load a model on the engine thread with `opener()` (which returns an Engine)."""

    def run(session: EngineSession, cancel: CancelToken):
        yield Progress("load_model", 0, 1, detail=ref or "")
        session.close()  # free the old model's memory before loading the next
        engine = opener()
        if cancel.cancelled:
            engine.close()
            raise Cancelled()
        session.replace(engine, ref)
        yield Progress("load_model", 1, 1, detail=ref or "")
        yield LoadedModel(
            ref,
            getattr(engine, "model_name", ref or ""),
            getattr(engine, "name", ""),
            getattr(engine, "device", ""),
            frozenset(getattr(engine, "capabilities", ())),
        )

    return Job("load", run)


class EngineHost(QObject):
    """Lives on the engine thread; runs one job at a time, coalescing tokens at the source."""

    chunk = Signal(int, str, str)  # job id, answer text, thinking text
    progress = Signal(int, object)  # job id, Progress
    finished = Signal(int, object)  # job id, final Chunk or the job's result
    failed = Signal(int, str, str)  # job id, ErrorCode value, detail
    cancelled = Signal(int, object)  # job id, final Chunk (partial answer) or None
    item = Signal(int, object)  # job id, any other object the job yields, as it is yielded

    def __init__(self, interval: float = 1.0 / UPDATES_PER_SECOND) -> None:
        super().__init__()
        self.session = EngineSession()
        self.interval = interval

    @Slot(int, object, object)
    def run_job(self, job_id: int, job: Job, token: CancelToken) -> None:
        if token.cancelled:
            self.cancelled.emit(job_id, None)
            return
        text: list[str] = []
        thinking: list[str] = []
        final: Chunk | None = None
        result: object = None
        early = job.kind in ("chat", "video_question")  # finished may go out at the final chunk
        announced = False  # it did
        last_chunk = last_progress = 0.0

        def flush() -> None:
            if text or thinking:
                self.chunk.emit(job_id, "".join(text), "".join(thinking))
                text.clear()
                thinking.clear()

        last_stage = ""

        def report(p: Progress) -> None:
            nonlocal last_progress, last_stage
            now = time.monotonic()
            ended = p.total is not None and p.done >= p.total
            # a new stage always shows (only updates within a stage are thinned out)
            if ended or p.stage != last_stage or now - last_progress >= self.interval:
                self.progress.emit(job_id, p)
                last_progress, last_stage = now, p.stage

        self.session.report = report
        try:
            for item in job.run(self.session, token):
                now = time.monotonic()
                if isinstance(item, Chunk):
                    if item.text:
                        text.append(item.text)
                    if item.thinking:
                        thinking.append(item.thinking)
                    if item.finish_reason is not None:
                        final = item
                        if early and final.finish_reason != FinishReason.CANCELLED:
                            # a chat answer is complete (nothing follows its final chunk): say
                            # so now; the engine may go on with work for the next turn (llama.cpp
                            # reads the answer as the next prompt will render it) while the
                            # window is already free
                            flush()
                            self.finished.emit(job_id, final)
                            announced = True
                            early = False
                    if now - last_chunk >= self.interval:
                        flush()
                        last_chunk = now
                elif isinstance(item, Progress):
                    report(item)
                elif item is not None:
                    result = item
                    flush()  # what came before it arrives before it
                    self.item.emit(job_id, item)
            flush()
        except Cancelled:
            flush()
            self.cancelled.emit(job_id, None)
            return
        except CairnError as e:
            flush()
            self.failed.emit(job_id, e.code.value, e.detail)
            return
        except Exception as e:  # an engine bug must not kill the thread; the user gets a line
            log.exception("job %d (%s) failed", job_id, job.kind)
            flush()
            self.failed.emit(job_id, ErrorCode.INTERNAL.value, f"{type(e).__name__}: {e}")
            return
        if announced:
            return
        if (final is not None and final.finish_reason == FinishReason.CANCELLED) or (
            final is None and token.cancelled
        ):
            self.cancelled.emit(job_id, final)
        else:
            self.finished.emit(job_id, final if final is not None else result)

    @Slot()
    def shutdown(self) -> None:
        self.session.close()
        QThread.currentThread().quit()


class EngineController(QObject):
    """GUI-side handle: submit, cancel, and signals for live jobs only (stale ids dropped)."""

    chunk = Signal(int, str, str)
    progress = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str, str)
    cancelled = Signal(int, object)
    item = Signal(int, object)  # e.g. the sources of a document answer, before its text

    _submit = Signal(int, object, object)
    _shutdown = Signal()

    def __init__(self, parent: QObject | None = None, *, interval: float | None = None) -> None:
        super().__init__(parent)
        self._next_id = 0
        self._tokens: dict[int, CancelToken] = {}
        self._thread = QThread()
        self._thread.setObjectName("cairn-engine")
        self._host = EngineHost() if interval is None else EngineHost(interval)
        self._host.moveToThread(self._thread)
        self._submit.connect(self._host.run_job)
        self._shutdown.connect(self._host.shutdown)
        self._host.chunk.connect(self._on_chunk)
        self._host.progress.connect(self._on_progress)
        self._host.finished.connect(self._on_finished)
        self._host.failed.connect(self._on_failed)
        self._host.cancelled.connect(self._on_cancelled)
        self._host.item.connect(self._on_item)
        self._thread.start()
        self._running = True

    @property
    def engine_thread(self) -> QThread:
        """The engine's QThread (not QObject.thread(): this object lives on the GUI thread)."""
        return self._thread

    def submit(self, job: Job) -> int:
        if not self._running:
            raise RuntimeError("the engine thread has been shut down")
        self._next_id += 1
        token = CancelToken()
        self._tokens[self._next_id] = token
        self._submit.emit(self._next_id, job, token)
        return self._next_id

    def is_live(self, job_id: int) -> bool:
        return job_id in self._tokens

    def cancel(self, job_id: int) -> None:
        """Ask the job to stop; its signals still arrive (cancelled, with the partial answer)."""
        token = self._tokens.get(job_id)
        if token is not None:
            token.cancel()

    def forget(self, job_id: int) -> None:
        """Cancel and drop every later signal of the job (its view has gone)."""
        token = self._tokens.pop(job_id, None)
        if token is not None:
            token.cancel()

    def cancel_all(self) -> None:
        for token in self._tokens.values():
            token.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything, close the engine on its thread, stop the thread. True if stopped."""
        if not self._running:
            return True
        self._running = False
        self.cancel_all()
        self._tokens.clear()
        self._shutdown.emit()
        if self._thread.wait(timeout_ms):
            return True
        log.warning("the engine thread did not stop within %d ms", timeout_ms)
        self._thread.quit()
        return self._thread.wait(1000)

    # results, filtered

    @Slot(int, str, str)
    def _on_chunk(self, job_id: int, text: str, thinking: str) -> None:
        if job_id in self._tokens:
            self.chunk.emit(job_id, text, thinking)

    @Slot(int, object)
    def _on_progress(self, job_id: int, item: object) -> None:
        if job_id in self._tokens:
            self.progress.emit(job_id, item)

    @Slot(int, object)
    def _on_item(self, job_id: int, item: object) -> None:
        if job_id in self._tokens:
            self.item.emit(job_id, item)

    @Slot(int, object)
    def _on_finished(self, job_id: int, final: object) -> None:
        if self._tokens.pop(job_id, None) is not None:
            self.finished.emit(job_id, final)

    @Slot(int, str, str)
    def _on_failed(self, job_id: int, code: str, detail: str) -> None:
        if self._tokens.pop(job_id, None) is not None:
            self.failed.emit(job_id, code, detail)

    @Slot(int, object)
    def _on_cancelled(self, job_id: int, final: object) -> None:
        if self._tokens.pop(job_id, None) is not None:
            self.cancelled.emit(job_id, final)
