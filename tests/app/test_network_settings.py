"""Settings -> Network: the mirror and proxy typed into the real fields reach the download."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.first_run import FirstRunPage
from app.network_settings import NetworkDialog
from app.settings import Settings
from app.settings_dialog import SettingsDialog
from inference.catalog import find
from inference.models.hub import use_proxy
from inference.models.store import ModelState, ModelStore
from tests.models.conftest import FAST_RETRY, spec_for, tiny_gguf_bytes
from tests.models.fakehub import FakeHub, FakeRepo


@pytest.fixture
def hub(monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)  # downloads are online by nature
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    h = FakeHub().start()
    try:
        yield h
    finally:
        h.stop()
        use_proxy(None)


def fill_network_dialog(qtbot, endpoint: str, proxy: str, outcome: list) -> None:
    """When the Network dialog opens (modal), type into its fields and press OK."""

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NetworkDialog):
            QTimer.singleShot(20, act)
            return
        fields = dialog.fields
        for box, text in ((fields.endpoint, endpoint), (fields.proxy, proxy)):
            box.setFocus()
            box.selectAll()
            QTest.keyClick(box, Qt.Key.Key_Delete)
            QTest.keyClicks(box, text)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        outcome.append((dialog.isVisible(), fields.error.text()))
        if dialog.isVisible():  # refused: leave with Cancel
            cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_mirror_and_proxy_typed_in_reach_the_download(qtbot, hub, dirs):
    repo = hub.add(FakeRepo("fake-org/Qwen3.5-Tiny-GGUF", {"tiny-Q4_K_M.gguf": tiny_gguf_bytes()}))
    spec = dataclasses.replace(
        spec_for("qwen3.5-tiny", repo.repo_id, files=("tiny-Q4_K_M.gguf",), engine="llamacpp"),
        quantization="Q4_K_M",
    )
    store = ModelStore(dirs.models, catalog=(spec,), retry_delays=FAST_RETRY)
    settings = Settings(dirs.config)
    page = FirstRunPage(store, settings=settings)
    qtbot.addWidget(page)
    page.show()
    assert page.network_button.isVisible()

    # a host that does not resolve as the mirror: only the proxy (the fake hub) can reach it
    outcome: list = []
    fill_network_dialog(qtbot, "http://hub.invalid", hub.url, outcome)
    QTest.mouseClick(page.network_button, Qt.MouseButton.LeftButton)
    assert outcome == [(False, "")]
    assert settings.get("hf_endpoint") == "http://hub.invalid"
    assert settings.get("proxy") == hub.url

    assert page.selected_id() == "qwen3.5-tiny"
    shown = []  # the progress line after each report, to see the chosen files named
    on_progress = page._on_progress
    page._on_progress = lambda p: (on_progress(p), shown.append(page.progress_label.text()))
    with qtbot.waitSignal(page.modelReady, timeout=20000):
        QTest.mouseClick(page.download_button, Qt.MouseButton.LeftButton)
    assert any(t.startswith("Fetching tiny-Q4_K_M.gguf @ ") for t in shown), shown
    assert store.entry("qwen3.5-tiny").state is ModelState.READY
    assert hub.log and all(e.proxied for e in hub.log)  # through the proxy ...
    infos = [e.path for e in hub.log if e.path.startswith("/api/models/")]
    assert infos  # ... to the mirror's address (the proxy sees absolute URLs to hub.invalid)


def test_a_bad_address_is_refused_and_not_saved(qtbot, dirs):
    settings = Settings(dirs.config)
    outcome: list = []
    dialog_parent = SettingsDialog(settings, find("qwen3.5-0.8b-gguf-q8_0"))
    qtbot.addWidget(dialog_parent)
    fill_network_dialog(qtbot, "ftp://mirror.example", "", outcome)
    QTest.mouseClick(dialog_parent.network, Qt.MouseButton.LeftButton)
    [(still_open, error)] = outcome
    assert still_open and "http://" in error
    assert settings.get("hf_endpoint") == ""


def test_show_all_switch_lists_the_slow_builds(qtbot, dirs):
    from inference.models.recommend import is_apple_silicon

    page = FirstRunPage(ModelStore(dirs.models), settings=Settings(dirs.config))
    qtbot.addWidget(page)
    page.show()

    def engines() -> list[str]:
        return [page.store.spec(page.choice.itemData(i)).engine for i in range(page.choice.count())]

    if is_apple_silicon():  # MLX is the fast engine there: everything is listed, MLX first
        assert not page.show_all.isVisible() and engines()[0] == "mlx"
        return
    assert page.show_all.isVisible() and not page.show_all.isChecked()
    assert set(engines()) == {"llamacpp"}
    rec = page.selected_id()
    assert page.store.spec(rec).engine == "llamacpp"
    QTest.mouseClick(page.show_all, Qt.MouseButton.LeftButton)
    listed = engines()
    assert listed.count("mlx") == 8 and listed[0] == "llamacpp"
    assert listed.index("mlx") > max(i for i, e in enumerate(listed) if e == "llamacpp")
    assert page.selected_id() == rec  # the recommendation stays selected
