"""Settings -> Local API server on the real window, with the real llama.cpp engine on a tiny GGUF.

The checkbox and buttons are pressed with QTest; the server is then used over HTTP from a
Python thread while the window chats: both go through the window's one engine thread as jobs.
"""

from __future__ import annotations

import threading

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.app.conftest import FakeStore

pytestmark = pytest.mark.slow


@pytest.fixture
def real_window(qtbot, dirs, tmp_path):
    from app.main_window import MainWindow
    from app.settings import Settings
    from inference.checkpoint import inspect_model
    from inference.engines import open_engine
    from tests.fixtures.tiny_gguf import build_tiny_gguf

    model = build_tiny_gguf(tmp_path / "tiny-gguf")
    threads: list[tuple[str, int]] = []  # (what, thread id) of every load and generate

    class Recorded:  # the real engine, noting the thread each call runs on
        def __init__(self, engine) -> None:
            self._engine = engine

        def __getattr__(self, name):
            return getattr(self._engine, name)

        def generate(self, request, *, cancel):
            threads.append(("generate", threading.get_ident()))
            return self._engine.generate(request, cancel=cancel)

    def opener(ref, engine):  # runs on the window's engine thread
        threads.append(("load", threading.get_ident()))
        return Recorded(open_engine(inspect_model(model), engine="llamacpp"))

    settings = Settings(dirs.config)
    settings.set("max_tokens", 8)
    w = MainWindow(dirs, settings, opener=opener, model_store=FakeStore(dirs.models, ("tiny",)))
    w.threads = threads
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.loaded is not None, timeout=60000)
    yield w
    w.close()


def settings_dialog(window):
    from app.settings_dialog import SettingsDialog

    return SettingsDialog(window.settings, None, window, server=window.server)


def press_ok(dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_local_api_server_from_settings_shares_the_engine_thread(real_window, qtbot):
    w = real_window
    assert not w.server.running and not w.server.status.isVisible()  # off by default

    dlg = settings_dialog(w)
    box = dlg.server_box
    assert not box.copy_token.isEnabled()
    box.port.selectAll()
    QTest.keyClicks(box.port, "0")  # any free port, for the test
    box.enabled.click()
    press_ok(dlg)
    assert w.server.running
    url = w.server.url
    assert url.startswith("http://127.0.0.1:")
    assert w.server.status.isVisible() and url in w.server.status.text()

    dlg = settings_dialog(w)  # the box shows the address and copies the token
    assert url in dlg.server_box.address.text()
    QTest.mouseClick(dlg.server_box.copy_token, Qt.MouseButton.LeftButton)
    token = QApplication.clipboard().text()
    assert token == w.server.token and len(token) >= 32
    dlg.reject()

    results: dict[str, object] = {}

    def api_client():
        with httpx.Client(timeout=120) as c:
            h = {"Authorization": f"Bearer {token}"}
            results["models"] = c.get(f"{url}/models", headers=h).json()
            results["chat"] = c.post(
                f"{url}/chat/completions",
                headers=h,
                json={"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 5},
            ).json()
            results["no_token"] = c.get(f"{url}/models").status_code

    finished: list[str] = []
    w.session.answerFinished.connect(lambda status, text: finished.append(status))
    t = threading.Thread(target=api_client)
    t.start()
    assert w.send("Hello from the window")  # the window's chat, at the same time
    qtbot.waitUntil(lambda: not t.is_alive() and bool(finished), timeout=120000)
    t.join()
    assert results["models"]["data"][0]["id"] == "tiny"
    assert results["chat"]["usage"]["completion_tokens"] == 5
    assert results["chat"]["choices"][0]["message"]["content"]
    assert results["no_token"] == 401
    assert finished == ["complete"]
    # one engine: loaded, then both answers generated, on the window's one engine thread
    assert [what for what, _ in w.threads] == ["load", "generate", "generate"]
    assert len({ident for _, ident in w.threads}) == 1
    assert w.threads[0][1] not in (threading.get_ident(), t.ident)

    dlg = settings_dialog(w)
    dlg.server_box.enabled.click()  # off again
    press_ok(dlg)
    assert not w.server.running and not w.server.status.isVisible()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{url}/models", timeout=5)
