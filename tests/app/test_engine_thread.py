"""The engine thread: jobs run off the GUI thread, signals carry job ids, stale ones dropped."""

from __future__ import annotations

import threading

import pytest

from app.engine_thread import EngineController, Job, LoadedModel, chat_job, load_job
from inference.errors import CairnError, ErrorCode
from inference.records import Chunk, FinishReason, GenerationRequest, Message, Progress

from .conftest import FakeEngine

REQUEST = GenerationRequest((Message("user", "hi"),))


@pytest.fixture
def controller(qtbot):
    c = EngineController()
    yield c
    assert c.shutdown(5000)


def _record(controller):
    events = []
    controller.chunk.connect(lambda j, t, th: events.append(("chunk", j, t, th)))
    controller.progress.connect(lambda j, p: events.append(("progress", j, p)))
    controller.finished.connect(lambda j, r: events.append(("finished", j, r)))
    controller.failed.connect(lambda j, c, d: events.append(("failed", j, c, d)))
    controller.cancelled.connect(lambda j, r: events.append(("cancelled", j, r)))
    return events


def _load(controller, qtbot, engine):
    with qtbot.waitSignal(controller.finished, timeout=5000) as blocker:
        controller.submit(load_job(lambda: engine, "fake"))
    assert isinstance(blocker.args[1], LoadedModel)
    return blocker.args[1]


def test_load_runs_on_the_engine_thread_and_chat_streams(controller, qtbot):
    threads = []

    def opener():
        threads.append(threading.current_thread())
        return FakeEngine(tokens=[f"t{i} " for i in range(200)], delay=0.001)

    with qtbot.waitSignal(controller.finished, timeout=5000) as blocker:
        controller.submit(load_job(opener, "fake"))
    assert blocker.args[1].name == "fake-model"
    assert threads and threads[0] is not threading.main_thread()
    events = _record(controller)
    with qtbot.waitSignal(controller.finished, timeout=10000):
        job = controller.submit(chat_job(REQUEST))
    chunks = [e for e in events if e[0] == "chunk"]
    assert "".join(e[2] for e in chunks) == "".join(f"t{i} " for i in range(200))
    assert all(e[1] == job for e in events)
    # ~0.2 s of tokens at 30 updates a second: coalesced into far fewer signals than tokens
    assert len(chunks) < 40
    final = events[-1][2]
    assert isinstance(final, Chunk) and final.finish_reason == FinishReason.STOP


def test_stop_keeps_the_partial_answer(controller, qtbot):
    _load(controller, qtbot, FakeEngine(tokens=["x"] * 5000, delay=0.001))
    events = _record(controller)
    job = controller.submit(chat_job(REQUEST))
    qtbot.waitUntil(lambda: any(e[0] == "chunk" for e in events), timeout=5000)
    with qtbot.waitSignal(controller.cancelled, timeout=5000) as blocker:
        controller.cancel(job)
    assert blocker.args[0] == job
    assert blocker.args[1].finish_reason == FinishReason.CANCELLED
    streamed = "".join(e[2] for e in events if e[0] == "chunk")
    assert 0 < len(streamed) < 5000
    assert blocker.args[1].generation_tokens == len(streamed)


def test_forgotten_job_signals_are_dropped(controller, qtbot):
    _load(controller, qtbot, FakeEngine(tokens=["y"] * 300, delay=0.001))
    events = _record(controller)
    old = controller.submit(chat_job(REQUEST))
    qtbot.waitUntil(lambda: any(e[0] == "chunk" for e in events), timeout=5000)
    controller.forget(old)
    events.clear()
    with qtbot.waitSignal(controller.finished, timeout=5000):
        new = controller.submit(chat_job(REQUEST))
    assert events and {e[1] for e in events} == {new}


def test_errors_arrive_as_codes(controller, qtbot):
    def broken(session, cancel):
        yield Progress("prefill", 0, 1)
        raise CairnError(ErrorCode.CONTEXT_TOO_LONG, "9000 tokens")

    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        job = controller.submit(Job("custom", broken))
    assert blocker.args == [job, "context_too_long", "9000 tokens"]
    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.submit(chat_job(REQUEST))  # no model loaded
    assert blocker.args[1] == "model_not_found"

    def bug(session, cancel):
        raise ZeroDivisionError("boom")
        yield

    with qtbot.waitSignal(controller.failed, timeout=5000) as blocker:
        controller.submit(Job("custom", bug))
    assert blocker.args[1] == "internal" and "boom" in blocker.args[2]


def test_other_job_kinds_plug_in(controller, qtbot):
    """A job is any callable yielding Progress / Chunk / a result, like video summaries."""

    def summary(session, cancel):
        for i in range(3):
            yield Progress("sample_frames", i + 1, 3)
        yield Chunk(text="00:00 Intro")
        yield Chunk(finish_reason=FinishReason.STOP, generation_tokens=3)

    events = _record(controller)
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.submit(Job("video_summary", summary))
    kinds = [e[0] for e in events]
    assert "progress" in kinds and kinds[-1] == "finished"
    assert events[-1][2].generation_tokens == 3
    assert [e[2] for e in events if e[0] == "chunk"] == ["00:00 Intro"]


def test_shutdown_cancels_a_running_answer_and_closes_the_engine(qtbot):
    controller = EngineController()
    engine = FakeEngine(tokens=["z"] * 100000, delay=0.001)
    _load(controller, qtbot, engine)
    events = _record(controller)
    controller.submit(chat_job(REQUEST))
    qtbot.waitUntil(lambda: any(e[0] == "chunk" for e in events), timeout=5000)
    assert controller.shutdown(5000)
    assert engine.closed
    assert not controller.engine_thread.isRunning()


class WorksAfterTheAnswer(FakeEngine):
    """After its final chunk it keeps the thread busy until `release` is set, as llama.cpp does
    while it reads the answer for the next turn."""

    def __init__(self) -> None:
        super().__init__(tokens=["a", "b"], delay=0.0)
        self.release = threading.Event()
        self.after_done = threading.Event()

    def generate(self, request, *, cancel):
        yield from super().generate(request, cancel=cancel)
        self.release.wait(10)
        self.after_done.set()


def test_a_chat_answer_is_finished_at_its_final_chunk(controller, qtbot):
    engine = WorksAfterTheAnswer()
    _load(controller, qtbot, engine)
    events = _record(controller)
    try:
        with qtbot.waitSignal(controller.finished, timeout=5000) as blocker:
            job = controller.submit(chat_job(REQUEST))
        assert blocker.args[0] == job and blocker.args[1].finish_reason is FinishReason.STOP
        assert "".join(e[2] for e in events if e[0] == "chunk") == "ab"  # the text came first
        assert events[-1][0] == "finished"
        assert not engine.after_done.is_set()  # the engine is still at its next-turn work
    finally:
        engine.release.set()  # (the thread must be free for the fixture's shutdown)
    qtbot.waitUntil(engine.after_done.is_set, timeout=5000)
    # the next question runs once that work is done; the first job said finished only once
    with qtbot.waitSignal(controller.finished, timeout=5000):
        controller.submit(chat_job(REQUEST))
    assert [e[1] for e in events if e[0] == "finished"].count(job) == 1
