"""The first-run screen: recommend, download with progress / cancel / resume, or import."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

from app.first_run import FirstRunPage
from inference.cancel import Cancelled
from inference.catalog import load_catalog
from inference.models.store import ModelState
from inference.records import Progress


class DownloadingStore:
    """A store whose downloads step through progress and honour cancel (a GUI unit-test fake)."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir
        self.catalog = load_catalog()
        self.state: dict[str, str] = {}
        self.gate = threading.Event()
        self.calls = []

    def entries(self):
        return [
            SimpleNamespace(
                id=s.id, spec=s, state=ModelState(self.state.get(s.id, "not_downloaded")), path=None
            )
            for s in self.catalog
        ]

    def download(self, model_id, *, progress=None, cancel=None):
        self.calls.append(model_id)
        self.state[model_id] = "downloading"
        total = 1000
        for done in range(0, total + 1, 100):
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            progress(Progress("download", done, total, rate=250.0, eta_s=(total - done) / 250))
            if done == 500:
                self.gate.wait(5)  # the test decides whether to cancel here
        self.state[model_id] = "ready"
        return SimpleNamespace(path=self.models_dir / model_id)


def test_window_without_models_opens_on_the_first_run_page(make_window, qtbot, dirs):
    w = make_window(store=DownloadingStore(dirs.models), ready=())
    assert w.stack.currentWidget() is w.first_run
    page = w.first_run
    assert "Recommended for this computer" in page.recommendation.text()
    assert "recommended" in page.choice.currentText()


def test_download_progress_cancel_resume_then_chat(make_window, qtbot, dirs):
    store = DownloadingStore(dirs.models)
    w = make_window(store=store, ready=())
    page = w.first_run
    model_id = page.selected_id()
    page.download_button.click()
    qtbot.waitUntil(lambda: page.progress_bar.value() >= 500, timeout=5000)
    assert "minute" in page.progress_label.text()
    assert page.cancel_button.isEnabled() and not page.download_button.isEnabled()
    page.cancel_button.click()
    store.gate.set()
    qtbot.waitUntil(lambda: page.task is None, timeout=5000)
    assert "paused" in page.progress_label.text()
    assert page.download_button.text() == "Resume download"
    assert w.stack.currentWidget() is page
    # resume: this time it runs through, and the window switches to the chat with that model
    with qtbot.waitSignal(page.modelReady, timeout=5000) as blocker:
        page.download_button.click()
    assert blocker.args == [model_id]
    assert store.calls == [model_id, model_id]
    assert w.stack.currentWidget() is w.chat_page
    assert w.models.model_box.currentData() == model_id
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)


def test_download_failure_is_one_clear_line(qtbot, dirs):
    from inference.errors import CairnError, ErrorCode

    class Offline(DownloadingStore):
        def download(self, model_id, *, progress=None, cancel=None):
            raise CairnError(ErrorCode.NO_NETWORK, "huggingface.co")

    page = FirstRunPage(Offline(dirs.models))
    qtbot.addWidget(page)
    page.download_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=5000)
    assert page.error_label.text().startswith("The model server cannot be reached")
    assert page.download_button.isEnabled()


def test_import_a_real_checkpoint_with_the_real_store(qtbot, dirs, tiny_text_ckpt):
    from inference.models.store import ModelStore

    page = FirstRunPage(ModelStore(dirs.models))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.modelReady, timeout=20000) as blocker:
        page.import_path(Path(tiny_text_ckpt))
    model_id = blocker.args[0]
    states = {e.id: e.state.value for e in ModelStore(dirs.models).entries()}
    assert states[model_id] == "ready"


def test_get_a_model_later_and_go_back(make_window, qtbot):
    w = make_window()
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    w.models_action.trigger()
    assert w.stack.currentWidget() is w.first_run
    assert w.first_run.back_button.isVisible()
    w.first_run.back_button.click()
    assert w.stack.currentWidget() is w.chat_page
