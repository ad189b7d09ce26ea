"""Settings -> Servers and the remote engine in the window, pressing the real controls.

A scripted OpenAI-compatible server on 127.0.0.1 stands in for vLLM (the remote engine's own
tests run against llama-cpp-python's server and `cairn serve`); the probe and the opener are the
app's real ones (app/engine_open.py), so adding a server, listing its models, choosing one in
the picker, answering through it, and "offline only" are the code a person runs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.backend import make_backend
from app.engine_open import opener_for
from app.main_window import MainWindow
from app.servers_settings import ServersDialog, parse_remote_ref
from app.settings import Settings
from inference.errors import CairnError, ErrorCode
from inference.models.secrets import endpoint_key_store
from tests.remote.servers import ScriptedServer, delta, models_reply, stream_reply

from .conftest import FakeEngine, FakeStore


@pytest.fixture
def scripted():
    server = ScriptedServer()
    server.models = models_reply("qwen3.5-27b", "qwen3.5-9b")
    server.chat = [stream_reply([delta("Answered "), delta("remotely.", finish="stop")])]
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def window(qtbot, dirs):
    settings = Settings(dirs.config)
    local = FakeEngine()
    offline = lambda: bool(settings.get("offline_only"))  # noqa: E731
    real = opener_for(dirs.models, offline_only=offline)

    def opener(ref, engine):  # local models: the fake engine; a server's: the real remote engine
        return real(ref, engine) if parse_remote_ref(ref) else local

    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs, opener=opener, offline_only=offline),
        model_store=FakeStore(dirs.models),
    )
    w.real_opener = real
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    yield w
    w.close()


def add_server(qtbot, w, url: str, key: str) -> ServersDialog:
    dialog = ServersDialog(w.settings, w.backend.probe, w)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.url, url)
    QTest.keyClicks(dialog.key, key)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.model_list.count() > 0 or "cannot" in dialog.status.text(), timeout=10000
    )
    return dialog


def test_add_a_server_choose_its_model_and_answer_through_it(qtbot, window, scripted):
    w = window
    dialog = add_server(qtbot, w, f"http://127.0.0.1:{scripted.port}", "team-key")
    assert [dialog.model_list.item(i).text() for i in range(2)] == ["qwen3.5-27b", "qwen3.5-9b"]
    assert "2 model" in dialog.status.text()
    assert endpoint_key_store(scripted.url).get() == "team-key"
    assert scripted.requests[0]["headers"]["Authorization"] == "Bearer team-key"
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)  # test the connection again
    qtbot.waitUntil(lambda: len(scripted.requests) == 2, timeout=10000)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=5000)
    dialog.close()
    assert w.models.refill()

    box = w.models.model_box
    labels = [box.itemText(i) for i in range(box.count()) if box.itemData(i) is not None]
    headers = [box.itemText(i) for i in range(box.count()) if box.itemData(i) is None]
    assert headers[-1] == "Servers: answered on another computer"  # servers last, apart
    host = f"127.0.0.1:{scripted.port}"
    assert labels[1:] == [f"qwen3.5-27b on {host}", f"qwen3.5-9b on {host}"]
    assert not w.remote_note.isVisible()
    engines = w.models.engine_box
    assert "remote" not in [
        engines.itemData(i) for i in range(engines.count())
    ]  # the model picks it
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)  # the keyboard's way to choose in a closed combo box
    assert parse_remote_ref(box.currentData()) == (scripted.url, "qwen3.5-27b")
    assert w.remote_note.isVisible() and host in w.remote_note.text()
    assert "leave this computer" in w.remote_note.text()
    qtbot.waitUntil(
        lambda: w.models.loaded is not None and w.models.loaded.engine == "remote", timeout=10000
    )
    assert w.models.loaded.device == "127.0.0.1"

    QTest.keyClicks(w.input, "hello server")
    QTest.keyClick(w.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.session.busy and len(w.chat_view.messages()) == 2, timeout=10000)
    assert w.chat_view.messages()[1].text == "Answered remotely."
    sent = scripted.posts()[-1]
    assert sent["body"]["model"] == "qwen3.5-27b"
    assert sent["body"]["messages"][-1]["content"] == "hello server"


def test_offline_only_hides_and_refuses_servers(qtbot, window, scripted):
    w = window
    add_server(qtbot, w, scripted.url, "k").close()
    w.models.refill()
    box = w.models.model_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    qtbot.waitUntil(
        lambda: w.models.loaded is not None and w.models.loaded.engine == "remote", timeout=10000
    )
    ref = box.currentData()

    dialog = ServersDialog(w.settings, w.backend.probe, w)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.offline.setFocus()
    QTest.keyClick(dialog.offline, Qt.Key.Key_Space)
    assert dialog.offline.isChecked()
    dialog.close()
    assert w.settings.get("offline_only") == 1
    assert not w.models.refill()  # the chosen server model is no longer offered
    w.start()
    qtbot.waitUntil(
        lambda: w.models.loaded is not None and w.models.loaded.engine == "fake", timeout=10000
    )
    assert [box.itemData(i) for i in range(box.count())] == ["fake-model"]
    assert not w.remote_note.isVisible()
    before = len(scripted.requests)
    with pytest.raises(CairnError) as e:
        w.real_opener(ref, "auto")
    assert e.value.code is ErrorCode.OFFLINE_ONLY
    assert len(scripted.requests) == before  # refused before anything was sent


def test_a_dead_server_is_one_line_in_the_dialog(qtbot, window):
    from tests.remote.servers import free_port

    dialog = add_server(qtbot, window, f"http://127.0.0.1:{free_port()}/v1", "")
    assert "cannot be reached" in dialog.status.text()
    assert dialog.server_list.count() == 0
    dialog.close()


def test_plain_http_to_another_computer_is_warned(qtbot, dirs):
    """The probe reports cleartext for http:// to another host (a fake probe: no such host here)."""
    settings = Settings(dirs.config)
    seen = []

    def probe(url, key, cancel):
        seen.append((url, key))
        return "http://gpu-box.lan:8000/v1", ["qwen3.5-27b"], True

    dialog = ServersDialog(settings, probe)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.url, "http://gpu-box.lan:8000")
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model_list.count() == 1, timeout=5000)
    assert seen == [("http://gpu-box.lan:8000", None)]
    assert "unencrypted" in dialog.status.text() and "gpu-box.lan:8000" in dialog.status.text()
    dialog.close()
