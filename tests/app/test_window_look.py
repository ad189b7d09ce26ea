"""The window as a person meets it (issue 16): statistics after Stop, the edit hint, copy
feedback, a failed answer's reason after a restart, remembered choices, message buttons that
are never cut off, folding panes, the empty state, themes, the shortcuts sheet, versions of a
regenerated answer, attachments as chips. Real buttons and keys, a fake engine."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication

from inference.records import Chunk, FinishReason, Modality

from .conftest import FakeEngine

pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


def _ready(w, qtbot):
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)


def _answered(w, qtbot):
    qtbot.waitUntil(lambda: not w.session.busy, timeout=10000)


def _active(w, qtbot):
    """Window shortcuts reach only the active window."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)


def _hover_click(qtbot, message, button):
    """Hover buttons: the pointer on the message shows them, then a real click."""
    qtbot.mouseMove(message, QPoint(10, 10))
    message.set_hovered(True)  # offscreen has no real pointer: the enter event may not come
    assert message.actions_shown()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class OneTokenThenWait:
    """Streams one token, then waits for Stop; reports the absurd rate a ~0 s interval gives."""

    name = "fake"
    device = "cpu"
    model_name = "one-token"
    capabilities = frozenset({Modality.TEXT})

    def __init__(self) -> None:
        self.requests = []

    def generate(self, request, *, cancel):
        self.requests.append(request)
        yield Chunk(text="Hel")
        while not cancel.cancelled:
            threading.Event().wait(0.005)
        yield Chunk(
            finish_reason=FinishReason.CANCELLED,
            prompt_tokens=5,
            generation_tokens=1,
            ttft_s=0.01,
            generation_tps=67190.8,
        )

    def close(self) -> None:
        pass


class FailingEngine(FakeEngine):
    def generate(self, request, *, cancel):
        from inference.errors import CairnError, ErrorCode

        raise CairnError(ErrorCode.CONTEXT_TOO_LONG, "9000 > 4096 tokens")
        yield  # a generator


def test_stop_after_one_token_shows_no_absurd_rate(make_window, qtbot):
    w = make_window(OneTokenThenWait())
    _ready(w, qtbot)
    qtbot.keyClicks(w.input, "hi")
    qtbot.mouseClick(w.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.chat_view.last().text == "Hel", timeout=5000)
    assert w.stop_button.isVisible() and not w.send_button.isVisible()
    qtbot.mouseClick(w.stop_button, Qt.MouseButton.LeftButton)
    _answered(w, qtbot)
    stats = w.chat_view.last().stats_label.text()
    assert stats.startswith("1 token") and "tokens/s" not in stats
    assert w.send_button.isVisible()


def test_edit_hint_leaves_once_sent_or_cancelled(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.send("What is 2+2?")
    _answered(w, qtbot)
    user = w.chat_view.messages()[0]
    _hover_click(qtbot, user, user.edit_button)
    assert w.notice.isVisible() and "Editing a message" in w.notice.label.text()
    qtbot.keyClick(w.input, Qt.Key.Key_Escape)
    assert not w.notice.isVisible() and w.input.toPlainText() == ""
    _hover_click(qtbot, user, user.edit_button)
    w.input.setPlainText("What is 3+3?")
    qtbot.keyClick(w.input, Qt.Key.Key_Return)
    _answered(w, qtbot)
    assert not w.notice.isVisible()
    assert "Editing" not in w.statusBar().currentMessage()
    assert w.chat_view.messages()[0].text == "What is 3+3?"


def test_copy_says_copied(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.send("hello")
    _answered(w, qtbot)
    answer = w.chat_view.last()
    _hover_click(qtbot, answer, answer.copy_button)
    assert QGuiApplication.clipboard().text() == answer.text
    assert answer.copy_button.text() == "Copied"
    assert answer.copy_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    qtbot.waitUntil(lambda: answer.copy_button.text() == "Copy", timeout=4000)


def test_a_failed_answer_keeps_its_reason_after_a_restart(make_window, qtbot):
    w = make_window(FailingEngine())
    _ready(w, qtbot)
    w.send("a very long question")
    _answered(w, qtbot)
    reason = w.chat_view.last().status_label.text()
    assert "too long for this model" in reason and "9000" in reason
    w.close()
    w2 = make_window()
    w2.conversations.list.setCurrentRow(0)
    assert w2.chat_view.last().status_label.text() == reason
    assert w2.chat_view.last().status_label.property("error") is True  # shown as an error


def test_answer_from_documents_is_remembered(make_window, qtbot):
    w = make_window()
    box = w.docs.use_box
    assert box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    assert not box.isChecked()
    w.close()
    w2 = make_window()
    assert not w2.docs.use_box.isChecked()


@pytest.mark.parametrize("size", [(900, 600), (1440, 900)])
def test_message_buttons_are_never_cut_off(make_window, qtbot, size):
    long_words = ["A fairly long sentence that wraps over several lines of the column. "] * 30
    w = make_window(FakeEngine(tokens=long_words, delay=0))
    w.resize(*size)
    _ready(w, qtbot)
    w.send("Tell me more " * 20)
    _answered(w, qtbot)
    w.send("short")
    _answered(w, qtbot)
    qtbot.wait(50)
    viewport = w.chat_view.viewport()
    width = viewport.width()
    assert w.chat_view.horizontalScrollBar().maximum() == 0
    for message in w.chat_view.messages():
        message.set_hovered(True)
        buttons = [message.copy_button]
        buttons.append(message.edit_button if message.role == "user" else message.regenerate_button)
        for button in buttons:
            assert button.isVisible()
            left = button.mapTo(viewport, QPoint(0, 0)).x()
            assert 0 <= left and left + button.width() <= width, (message.role, left, width)
        for browser in message.browsers:
            right = browser.mapTo(viewport, QPoint(browser.width(), 0)).x()
            assert right <= width
    # the reading column stays narrow on a wide window
    if size[0] >= 1440:
        assert w.chat_view.column.width() <= 760


def test_side_panes_fold_below_1100_and_on_request(make_window, qtbot):
    w = make_window()
    w.resize(1300, 800)
    qtbot.waitUntil(lambda: w.conversations.isVisible() and w.docs.isVisible(), timeout=2000)
    w.resize(900, 600)
    qtbot.waitUntil(lambda: not w.conversations.isVisible(), timeout=2000)
    assert not w.docs.isVisible()
    # Ctrl+B and the toolbar button bring them back
    _active(w, qtbot)
    w.input.setFocus()
    qtbot.keyClick(w.input, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert w.conversations.isVisible()
    qtbot.mouseClick(w.toolbar.widgetForAction(w.documents_action), Qt.MouseButton.LeftButton)
    assert w.docs.isVisible()
    # wide again: as the user last chose them while wide (both shown)
    w.resize(1300, 800)
    qtbot.keyClick(w.input, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not w.docs.isVisible()
    w.close()
    w2 = make_window()
    w2.resize(1300, 800)
    qtbot.waitUntil(lambda: w2.conversations.isVisible(), timeout=2000)
    assert not w2.docs.isVisible()  # remembered


def test_empty_state_offers_what_the_model_can_do(make_window, qtbot):
    w = make_window()  # the fake engine sees text and images
    _ready(w, qtbot)
    assert w.empty.isVisible()
    assert "Describe an image" in [w.empty.buttons[k].text() for k in w.empty.offered]
    assert "video" not in w.empty.offered
    qtbot.mouseClick(w.empty.buttons["explain"], Qt.MouseButton.LeftButton)
    assert w.input.toPlainText().startswith("Explain") and w.input.hasFocus()
    qtbot.keyClick(w.input, Qt.Key.Key_Return)
    _answered(w, qtbot)
    assert not w.empty.isVisible()
    _active(w, qtbot)
    qtbot.keyClick(w.input, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert w.empty.isVisible()


def test_theme_from_settings_and_shortcuts_sheet(make_window, qtbot, monkeypatch):
    from app import theme
    from app.settings_dialog import SettingsDialog

    w = make_window()
    _ready(w, qtbot)

    def choose_dark(dialog):
        dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", choose_dark)
    _active(w, qtbot)
    w.input.setFocus()
    qtbot.keyClick(w.input, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert w.settings.get("theme") == "dark"
    window_color = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window_color.lightness() < 100 and w.chat_view.dark
    qtbot.keyClick(w.input, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = w.shortcuts_sheet
    assert sheet.isVisible()
    rows = {sheet.table.item(i, 1).text() for i in range(sheet.table.rowCount())}
    assert {"New conversation", "Keyboard shortcuts", "Show or hide the documents"} <= rows
    sheet.close()
    theme.apply(QApplication.instance(), "light")


def test_regenerate_keeps_earlier_versions(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.send("Hi")
    _answered(w, qtbot)
    first_text = w.chat_view.last().text
    w.engine.tokens = ["Second ", "answer."]
    answer = w.chat_view.last()
    _hover_click(qtbot, answer, answer.regenerate_button)
    _answered(w, qtbot)
    answer = w.chat_view.last()
    assert answer.text == "Second answer." and answer.version_label.text() == "2/2"
    _hover_click(qtbot, answer, answer.prev_button)
    assert answer.text == first_text and answer.version_label.text() == "1/2"
    # the shown version is the one the conversation goes on from, also after reopening
    stored = w.history.messages(w.session.conversation_id)[-1]
    assert stored.content == first_text
    cid = w.session.conversation_id
    w.new_conversation()
    w.open_conversation(cid)
    assert w.chat_view.last().version_label.text() == "1/2"
    w.send("next")
    _answered(w, qtbot)
    assert [m.content for m in w.engine.requests[-1].messages][1] == first_text


def _png(path):
    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    assert image.save(str(path))
    return path


def test_attachments_are_chips_in_the_message_box(make_window, qtbot, tmp_path):
    w = make_window()
    _ready(w, qtbot)
    img = _png(tmp_path / "photo.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(img))])
    pos = QPointF(10, 10)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    target = w.chat_view.viewport()  # dropped on the conversation, not on a pane
    QApplication.sendEvent(
        target, QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    )
    assert w.composer.property("dropping") is True  # the message box says where it goes
    assert w.input.placeholderText() == "Drop to attach to your message"
    QApplication.sendEvent(target, QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods))
    assert w.composer.property("dropping") is False
    chips = w.composer.chips
    assert [c.path for c in chips.chips] == [img] and chips.isVisible()
    qtbot.waitUntil(lambda: chips.chips[0].caption.text() == "32×24", timeout=5000)
    qtbot.mouseClick(chips.chips[0].remove_button, Qt.MouseButton.LeftButton)
    assert w.media.attachments() == [] and not chips.isVisible()
    # dropped on the message box: attached, not pasted as a path
    w.input.insertFromMimeData(mime)
    assert w.input.toPlainText() == "" and [a.path for a in w.media.attachments()] == [img]
    w.send("What is this?")
    _answered(w, qtbot)
    sent = w.chat_view.messages()[0]
    assert [c.path for c in sent.attachments.chips] == [img]
    assert sent.attachments.chips[0].thumb.pixmap() is not None


def test_tab_goes_from_the_message_box_to_send(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.input.setFocus()
    qtbot.keyClicks(w.input, "x")
    qtbot.keyClick(w.input, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.composer.attach_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.send_button


def test_tab_reaches_each_message_s_buttons_and_shows_them(make_window, qtbot, monkeypatch):
    w = make_window()
    _ready(w, qtbot)
    w.send("Hi")
    _answered(w, qtbot)
    user, answer = w.chat_view.messages()
    assert not user.actions_shown()
    w.chat_view.setFocus()
    qtbot.keyClick(w.chat_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is user.copy_button and user.actions_shown()
    order = [QApplication.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        user.copy_button,
        user.edit_button,
        answer.copy_button,
        answer.regenerate_button,
        w.input,
    ]
    assert not user.actions_shown()  # focus left it (the pointer may rest on the answer)
    # F2 renames, from the list
    from PySide6.QtWidgets import QInputDialog

    lst = w.conversations
    lst.list.setCurrentRow(0)
    lst.list.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed", True))
    qtbot.keyClick(lst.list, Qt.Key.Key_F2)
    assert lst.list.currentItem().text() == "Renamed"
