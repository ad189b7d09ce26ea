"""GUI tests run offscreen with a private data root; a fake engine streams with a delay."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import time  # noqa: E402

import pytest  # noqa: E402

from app.qt_compat import guard_refcount_leaks  # noqa: E402
from inference.records import Chunk, FinishReason, Modality  # noqa: E402

guard_refcount_leaks()  # PySide6 6.12.0 drops references to None and True (see app/qt_compat.py)


class FakeEngine:
    """Streams `tokens` one by one with `delay` seconds between them; honours the cancel token."""

    name = "fake"
    device = "cpu"
    model_name = "fake-model"
    capabilities = frozenset({Modality.TEXT, Modality.IMAGE})

    def __init__(
        self,
        tokens=None,
        delay: float = 0.002,
        thinking: tuple[str, ...] = (),
        first_delay: float = 0.0,
        cached_tokens: int = 0,
    ) -> None:
        self.tokens = list(tokens or ["Hello", ", ", "**world**", "!", "\n\n", "Done."])
        self.delay = delay
        self.thinking = thinking
        self.first_delay = first_delay  # the prompt's prefill before the first token
        self.cached_tokens = cached_tokens  # prompt tokens it says it restored from a checkpoint
        self.requests = []
        self.closed = False

    def generate(self, request, *, cancel):
        self.requests.append(request)
        start = time.perf_counter()
        ttft = None
        n = 0
        if self.first_delay:
            time.sleep(self.first_delay)
        for t in self.thinking:
            yield Chunk(thinking=t)
        for tok in self.tokens:
            if cancel.cancelled:
                break
            if self.delay:
                time.sleep(self.delay)
            if ttft is None:
                ttft = time.perf_counter() - start
            n += 1
            yield Chunk(text=tok)
        reason = FinishReason.CANCELLED if cancel.cancelled else FinishReason.STOP
        elapsed = max(1e-6, time.perf_counter() - start)
        yield Chunk(
            finish_reason=reason,
            prompt_tokens=7,
            generation_tokens=n,
            ttft_s=ttft,
            generation_tps=n / elapsed,
            cached_tokens=self.cached_tokens,
        )

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def fake_engine():
    return FakeEngine()


@pytest.fixture
def dirs(tmp_path):
    from inference.paths import data_dirs

    return data_dirs({"CAIRN_HOME": str(tmp_path / "home")}).ensure()


class FakeStore:
    """A model store with one ready model (so the window opens on the chat page)."""

    catalog = ()  # nothing to download: the first-run page offers no catalog model

    def __init__(self, models_dir, ready=("fake-model",)) -> None:
        self.models_dir = models_dir
        self.ready = list(ready)

    def entries(self):
        from types import SimpleNamespace

        from inference.models.store import ModelState

        return [
            SimpleNamespace(id=r, spec=None, state=ModelState.READY, path=None) for r in self.ready
        ]


@pytest.fixture
def make_window(qtbot, dirs):
    """Build a MainWindow whose engine thread opens `engine` (a FakeEngine by default)."""
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    windows = []

    def make(engine=None, ready=("fake-model",), store=None):
        engine = engine or FakeEngine()
        w = MainWindow(
            dirs,
            Settings(dirs.config),
            backend=make_backend(dirs, opener=lambda ref, eng: engine),
            model_store=store or FakeStore(dirs.models, ready),
        )
        w.engine = engine
        qtbot.addWidget(w)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
