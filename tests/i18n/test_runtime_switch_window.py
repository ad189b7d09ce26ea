"""The real main window follows a language switch at run time, and the choice is remembered.

Uses the GUI tests' fake engine and model store (tests/app/conftest.py) so no model is needed.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app import i18n
from tests.app.conftest import FakeEngine, FakeStore


@pytest.fixture
def english(qapp, qm_dir, monkeypatch):
    """Translations from freshly compiled .qm files; English again afterwards."""
    monkeypatch.setattr(i18n, "translations_dir", lambda: qm_dir)
    yield qapp
    i18n.apply_language(qapp, "en", directory=qm_dir)


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    from inference.paths import data_dirs

    monkeypatch.setenv("CAIRN_HOME", str(tmp_path / "home"))  # what i18n.saved_language reads
    return data_dirs({"CAIRN_HOME": str(tmp_path / "home")}).ensure()


@pytest.fixture
def window(english, qtbot, dirs):
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    engine = FakeEngine()
    w = MainWindow(
        dirs,
        Settings(dirs.config),
        backend=make_backend(dirs, opener=lambda ref, eng: engine),
        model_store=FakeStore(dirs.models),
    )
    qtbot.addWidget(w)
    w.show()
    w.show_first_run()  # build the download page too, then back to the chat
    w.stack.setCurrentWidget(w.chat_page)
    yield w
    w.close()


def _texts(w) -> dict[str, str]:
    return {
        "send": w.send_button.text(),
        "stop": w.stop_button.text(),
        "new": w.conversations.new_button.text(),
        "settings": w.settings_action.text(),
        "engine": w.models.engine_box.itemText(0),
        "title": w.first_run.title.text(),
        "attachments": w.media.title.text(),
        "documents": w.docs.title.text(),
        "placeholder": w.input.placeholderText(),
    }


ENGLISH = {
    "send": "Send",
    "stop": "Stop",
    "new": "New",
    "settings": "Settings…",
    "engine": "Automatic",
    "title": "Welcome to Cairn",
    "attachments": "Attachments",
    "documents": "Documents",
    "placeholder": "Ask anything. Enter sends, Shift+Enter starts a new line.",
}


def _expected(tslib, code: str) -> dict[str, str]:
    """What the committed catalogue says each of those texts is in `code`."""
    entries = tslib.live(tslib.read_ts(tslib.ts_path(code)))
    contexts = {
        "send": "MainWindow",
        "stop": "MainWindow",
        "new": "ConversationList",
        "settings": "MainWindow",
        "engine": "ModelController",
        "title": "FirstRunPage",
        "attachments": "MediaPane",
        "documents": "DocsPanel",
        "placeholder": "ChatInput",
    }
    out = {}
    for key, context in contexts.items():
        matches = [e for e in entries.values() if e.context == context and e.source == ENGLISH[key]]
        assert len(matches) == 1, (context, ENGLISH[key])
        out[key] = matches[0].translations[0]
    return out


def test_window_switches_to_chinese_and_back(window, english, qtbot, tslib):
    assert _texts(window) == ENGLISH
    assert i18n.apply_language(english, "zh_CN") == "zh_CN"
    qtbot.waitUntil(lambda: window.send_button.text() != "Send", timeout=2000)
    chinese = _texts(window)
    assert chinese == _expected(tslib, "zh_CN")
    assert chinese["send"] == "发送"  # spot check against the catalogue itself
    assert all(chinese[k] != ENGLISH[k] for k in ENGLISH)

    assert i18n.apply_language(english, "en") == "en"
    qtbot.waitUntil(lambda: window.send_button.text() == "Send", timeout=2000)
    assert _texts(window) == ENGLISH


def test_message_headers_and_buttons_switch(window, english, qtbot):
    from app.chat_view import MessageWidget

    user = MessageWidget("user")
    answer = MessageWidget("assistant")
    qtbot.addWidget(user)
    qtbot.addWidget(answer)
    assert (user.role_label.text(), user.edit_button.text()) == ("You", "Edit")
    i18n.apply_language(english, "de")
    qtbot.waitUntil(lambda: user.role_label.text() != "You", timeout=2000)
    assert user.edit_button.text() != "Edit"
    assert answer.role_label.text() != "Assistant"
    assert answer.regenerate_button.text() != "Regenerate"
    assert answer.copy_button.text() != "Copy"


def test_settings_dialog_saves_language_and_switches(window, english, qtbot, dirs):
    from app.settings import Settings
    from app.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, None, window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "system"  # the default
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.accept()
    qtbot.waitUntil(lambda: window.send_button.text() != "Send", timeout=2000)
    assert window.send_button.text() == QApplication.translate("MainWindow", "Send")
    assert i18n.installed_translators(english)  # Japanese is in effect
    assert Settings(dirs.config).get("language") == "ja"  # the same file start-up reads

    i18n.apply_language(english, "en")
    assert i18n.saved_language() == "ja"
    assert i18n.install(english) == "ja"  # start-up honours the saved choice


def test_stats_line_is_plural(english):
    """stats_text goes through a numerus tr(): the Spanish singular and plural differ."""
    from app.messages import stats_text

    i18n.apply_language(english, "es")
    one = stats_text(1, 2.0, None)
    many = stats_text(5, 2.0, None)
    assert one.startswith("1 token ") and many.startswith("5 tokens ")
    i18n.apply_language(english, "en")
    assert stats_text(3, 2.5, 0.25) == "3 tokens · 2.5 tokens/s · first token after 0.25 s"


def test_desktop_file_name_and_icon(qapp):
    """app/main.py ties windows to cairn.desktop and sets the Cairn icon."""
    from PySide6.QtGui import QGuiApplication

    from app import main

    assert main.icon_path().is_file()
    main._set_identity(qapp)
    assert QGuiApplication.desktopFileName() == "cairn"
    assert not qapp.windowIcon().isNull()
