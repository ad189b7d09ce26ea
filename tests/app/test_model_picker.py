"""The model pickers: grouped by engine with the machine's engine first, labelled, the
recommended one marked; "No model loaded" with actions; download failures in plain words with
Retry; a removed model leaves the lists; the warning before a Hugging Face import without Metal.
Every action goes through the real buttons (QTest)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.first_run import FirstRunPage
from app.model_choices import model_rows
from inference.errors import CairnError, ErrorCode

from .conftest import FakeStore
from .test_first_run import DownloadingStore


def _machine(monkeypatch, apple: bool) -> None:
    import inference.models.recommend as recommend

    monkeypatch.setattr(recommend, "is_apple_silicon", lambda: apple)


def _headers(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) is None]


@pytest.mark.parametrize("apple", [False, True])
def test_download_list_groups_by_engine_this_machines_first(qtbot, dirs, monkeypatch, apple):
    _machine(monkeypatch, apple)
    page = FirstRunPage(DownloadingStore(dirs.models))
    qtbot.addWidget(page)
    page.show()
    if not apple:  # the slow MLX builds are listed when asked ("Show all builds")
        QTest.mouseClick(page.show_all, Qt.MouseButton.LeftButton)
    combo = page.choice
    rows = model_rows(combo)
    engines = [next(s.engine for s in page.store.catalog if s.id == r) for r in rows]
    first = "mlx" if apple else "llamacpp"
    # one block per engine, this machine's engine first
    assert engines[0] == first and engines == sorted(engines, key=lambda e: e != first)
    headers = _headers(combo)
    assert len(headers) == 2 and "suits this computer" in headers[0]
    if not apple:
        assert "llama.cpp (GGUF)" in headers[0] and "slow on this computer" in headers[1]
    for i in range(combo.count()):  # headers cannot be chosen
        item = combo.model().item(i)
        assert item.isEnabled() == (combo.itemData(i) is not None)
    # every row names engine, size and quantization; the recommended one is marked and chosen
    for r in rows:
        spec = next(s for s in page.store.catalog if s.id == r)
        text = combo.itemText(combo.findData(r))
        assert spec.size in text and spec.quantization in text
        assert ("llama.cpp" if spec.engine == "llamacpp" else "MLX") in text
    assert "recommended" in combo.currentText()
    current = next(s for s in page.store.catalog if s.id == combo.currentData())
    assert current.engine == first
    assert sum("recommended" in combo.itemText(i) for i in range(combo.count())) == 1


def test_download_failure_in_plain_words_then_retry(qtbot, dirs):
    class FlakyStore(DownloadingStore):
        failures = 1

        def download(self, model_id, *, progress=None, cancel=None):
            if self.failures:
                self.failures -= 1
                self.calls.append(model_id)
                raise CairnError(
                    ErrorCode.NO_NETWORK, "[Errno -3] Temporary failure in name resolution"
                )
            self.gate.set()
            return super().download(model_id, progress=progress, cancel=cancel)

    store = FlakyStore(dirs.models)
    page = FirstRunPage(store)
    qtbot.addWidget(page)
    page.show()
    model_id = page.selected_id()
    QTest.mouseClick(page.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.retry_button.isVisible(), timeout=5000)
    assert "Errno" not in page.error_label.text() and "mirror" not in page.error_label.text()
    assert "Retry" in page.error_label.text()
    with qtbot.waitSignal(page.modelReady, timeout=5000) as blocker:
        QTest.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [model_id] and store.calls == [model_id, model_id]
    assert not page.error_label.isVisible() and not page.retry_button.isVisible()


def test_hugging_face_folder_without_metal_warns_before_importing(
    qtbot, dirs, monkeypatch, tiny_text_ckpt
):
    from app import file_dialogs
    from inference.models.store import ModelStore

    _machine(monkeypatch, False)
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a: str(tiny_text_ckpt))
    page = FirstRunPage(ModelStore(dirs.models))
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.import_folder_button, Qt.MouseButton.LeftButton)
    assert page.slow_box.isVisible() and page.task is None  # nothing imported yet
    assert "MLX" in page.slow_label.text() and "slower" in page.slow_label.text()
    QTest.mouseClick(page.slow_cancel_button, Qt.MouseButton.LeftButton)
    assert not page.slow_box.isVisible() and page.task is None
    QTest.mouseClick(page.import_folder_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.modelReady, timeout=20000):
        QTest.mouseClick(page.slow_import_button, Qt.MouseButton.LeftButton)
    # on Apple Silicon the same folder imports at once
    _machine(monkeypatch, True)
    other = FirstRunPage(ModelStore(dirs.models / "other"))
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.modelReady, timeout=20000):
        QTest.mouseClick(other.import_folder_button, Qt.MouseButton.LeftButton)
    assert not other.slow_box.isVisible()


class RemovableStore(FakeStore):
    """Two ready models; the test removes one, as `cairn models rm` would."""

    def __init__(self, models_dir) -> None:
        super().__init__(models_dir, ready=("model-a", "model-b"))


def test_no_model_loaded_offers_models_import_and_download(qtbot, dirs, monkeypatch):
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    from .conftest import FakeEngine

    engine = FakeEngine()
    broken = {"model-a"}

    def opener(ref, eng):
        if ref in broken:
            raise CairnError(ErrorCode.MODEL_LOAD_FAILED, "bad tensor")
        return engine

    settings = Settings(dirs.config)
    settings.set("model", "model-a")
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs, opener=opener),
        model_store=RemovableStore(dirs.models),
    )
    qtbot.addWidget(w)
    w.show()
    m = w.models
    qtbot.waitUntil(lambda: m.no_model.isVisible(), timeout=5000)
    assert m.model_status.text() == "No model loaded"
    for button in (m.choose_button, m.import_button, m.download_button):
        assert button.isVisible() and button.text()
    # Download… opens the download page
    QTest.mouseClick(m.download_button, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.first_run
    QTest.mouseClick(w.first_run.back_button, Qt.MouseButton.LeftButton)
    # Import → "Import a model folder…" opens the folder dialog of the import page
    from app import file_dialogs

    asked = []
    monkeypatch.setattr(file_dialogs, "existing_directory", lambda *a: asked.append(a) or "")
    m.import_button.menu().aboutToShow.emit()
    m.import_folder_action.trigger()
    assert asked and w.stack.currentWidget() is w.first_run
    QTest.mouseClick(w.first_run.back_button, Qt.MouseButton.LeftButton)
    # the installed models, from the menu: model-b loads
    m.choose_menu.aboutToShow.emit()
    labels = {a.text(): a for a in m.choose_menu.actions()}
    assert len(labels) == 2
    next(a for t, a in labels.items() if "model-b" in t).trigger()
    qtbot.waitUntil(lambda: m.loaded is not None, timeout=5000)
    assert not m.no_model.isVisible() and m.model_box.currentData() == "model-b"
    assert settings.get("model") == "model-b"


def test_a_removed_model_leaves_the_list(make_window, qtbot, dirs):
    store = RemovableStore(dirs.models)
    w = make_window(store=store)
    box = w.models.model_box
    assert model_rows(box) == ["model-a", "model-b"]
    store.ready.remove("model-b")  # removed on disk while the window runs
    QTest.mouseClick(box, Qt.MouseButton.LeftButton)  # opening the picker lists again
    box.hidePopup()
    assert model_rows(box) == ["model-a"]
    # the first-run page lists again when shown
    w.models_action.trigger()
    assert w.stack.currentWidget() is w.first_run


@pytest.mark.parametrize("apple", [False, True])
def test_toolbar_picker_groups_installed_models(make_window, dirs, monkeypatch, apple):
    """Both builds of 0.8B installed: the machine's engine's row comes first and is chosen."""
    from types import SimpleNamespace

    from inference.catalog import find
    from inference.models.store import ModelState

    _machine(monkeypatch, apple)
    ids = ("qwen3.5-0.8b-mlx-4bit", "qwen3.5-0.8b-gguf-q8_0")
    store = FakeStore(dirs.models, ready=ids)
    store.entries = lambda: [
        SimpleNamespace(id=r, spec=find(r), state=ModelState.READY, path=None) for r in ids
    ]
    w = make_window(store=store)
    box = w.models.model_box
    first = "qwen3.5-0.8b-mlx-4bit" if apple else "qwen3.5-0.8b-gguf-q8_0"
    assert model_rows(box)[0] == first and box.currentData() == first
    assert "suits this computer" in _headers(box)[0]
    gguf = box.itemText(box.findData("qwen3.5-0.8b-gguf-q8_0"))
    assert "0.8B" in gguf and "llama.cpp" in gguf and "Q8_0" in gguf
    assert "MLX" in box.itemText(box.findData("qwen3.5-0.8b-mlx-4bit"))
