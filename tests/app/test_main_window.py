"""The main window with a fake engine: send, stream, stop, regenerate, edit, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inference import history as H

from .conftest import FakeEngine


def _ready(w, qtbot):
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)


def _answered(w, qtbot):
    qtbot.waitUntil(lambda: not w.session.busy, timeout=10000)


def test_enter_sends_and_shift_enter_breaks_the_line(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    qtbot.keyClicks(w.input, "first line")
    qtbot.keyClick(w.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(w.input, "second line")
    assert w.input.toPlainText() == "first line\nsecond line"
    assert w.chat_view.messages() == []
    qtbot.keyClick(w.input, Qt.Key.Key_Return)
    _answered(w, qtbot)
    user, answer = w.chat_view.messages()
    assert (user.role, user.text) == ("user", "first line\nsecond line")
    assert answer.text == "Hello, **world**!\n\nDone."
    assert "world" in answer.body.toPlainText() and "**" not in answer.body.toPlainText()
    assert w.input.toPlainText() == ""
    assert "6 tokens" in answer.stats_label.text() and "tokens/s" in answer.stats_label.text()
    request = w.engine.requests[-1]
    assert [m.content for m in request.messages] == ["first line\nsecond line"]
    # the conversation and both messages are stored, the answer complete
    conv = w.history.conversations()[0]
    assert conv.title == "first line second line"
    msgs = w.history.messages(conv.id)
    assert [(m.role, m.status) for m in msgs] == [("user", "complete"), ("assistant", "complete")]
    assert msgs[1].stats["tokens"] == 6


def test_streams_then_stop_keeps_partial_answer(make_window, qtbot):
    engine = FakeEngine(tokens=[f"word{i} " for i in range(3000)], delay=0.002)
    w = make_window(engine)
    _ready(w, qtbot)
    w.send("Tell me a long story")
    assert not w.send_button.isEnabled() and w.stop_button.isEnabled()
    answer = w.chat_view.last()
    qtbot.waitUntil(lambda: len(answer.text) > 50, timeout=5000)
    assert answer.text.startswith("word0 word1")  # visible while streaming
    qtbot.keyClick(w, Qt.Key.Key_Escape)  # Esc stops
    _answered(w, qtbot)
    assert w.send_button.isEnabled() and not w.stop_button.isEnabled()
    partial = answer.text
    assert 0 < len(partial.split()) < 3000
    assert answer.status_label.text() == "Stopped"
    stored = w.history.messages(w.session.conversation_id)[-1]
    assert (stored.status, stored.content) == (H.CANCELLED, partial)


def test_regenerate_replaces_the_last_answer(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.send("Hi")
    _answered(w, qtbot)
    w.engine.tokens = ["Another ", "answer."]
    first = w.chat_view.last()
    first.regenerate_button.click()
    _answered(w, qtbot)
    msgs = w.chat_view.messages()
    assert [m.role for m in msgs] == ["user", "assistant"]
    assert msgs[1].text == "Another answer."
    assert [m.content for m in w.engine.requests[-1].messages] == ["Hi"]
    stored = w.history.messages(w.session.conversation_id)
    assert [m.content for m in stored] == ["Hi", "Another answer."]


def test_edit_and_resend(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.send("What is 2+2?")
    _answered(w, qtbot)
    w.send("And 3+3?")
    _answered(w, qtbot)
    first_user = w.chat_view.messages()[0]
    first_user.edit_button.click()
    assert w.input.toPlainText() == "What is 2+2?"
    w.input.setPlainText("What is 5+5?")
    qtbot.keyClick(w.input, Qt.Key.Key_Return)
    _answered(w, qtbot)
    assert [(m.role, m.text) for m in w.chat_view.messages()][0] == ("user", "What is 5+5?")
    assert len(w.chat_view.messages()) == 2
    assert [m.content for m in w.engine.requests[-1].messages] == ["What is 5+5?"]
    assert [m.content for m in w.history.messages(w.session.conversation_id)][0] == "What is 5+5?"


def test_copy_buttons(make_window, qtbot):
    engine = FakeEngine(tokens=["Code:\n\n", "```python\n", "print('hi')\n", "```\n"])
    w = make_window(engine)
    _ready(w, qtbot)
    w.send("code please")
    _answered(w, qtbot)
    answer = w.chat_view.last()
    answer.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == answer.text
    from PySide6.QtCore import QUrl

    answer.body.anchorClicked.emit(QUrl("cairn-copy:0"))
    assert QGuiApplication.clipboard().text() == "print('hi')"


def test_thinking_is_folded(make_window, qtbot):
    engine = FakeEngine(tokens=["Answer."], thinking=("Let me ", "think."))
    w = make_window(engine)
    _ready(w, qtbot)
    w.send("Think first")
    _answered(w, qtbot)
    answer = w.chat_view.last()
    assert answer.thinking == "Let me think."
    assert answer.thinking_toggle.isVisible() and not answer.thinking_view.isVisible()
    answer.thinking_toggle.click()
    assert answer.thinking_view.isVisible()
    assert answer.text == "Answer."


def test_history_survives_a_restart(make_window, qtbot):
    w = make_window()
    _ready(w, qtbot)
    w.send("Remember me")
    _answered(w, qtbot)
    cid = w.session.conversation_id
    w.close()
    w2 = make_window()
    _ready(w2, qtbot)
    assert w2.conversations.list.count() == 1
    w2.conversations.list.setCurrentRow(0)
    assert w2.session.conversation_id == cid
    assert [(m.role, m.text) for m in w2.chat_view.messages()] == [
        ("user", "Remember me"),
        ("assistant", "Hello, **world**!\n\nDone."),
    ]
    assert "6 tokens" in w2.chat_view.last().stats_label.text()
    # the next question goes out with the whole conversation
    w2.send("And now?")
    _answered(w2, qtbot)
    assert [m.role for m in w2.engine.requests[-1].messages] == ["user", "assistant", "user"]


def test_interrupted_answer_is_shown_as_such(make_window, qtbot, dirs):
    store = H.HistoryStore(dirs.history_db)
    c = store.create_conversation("crashed")
    store.add_message(c.id, "user", "q")
    writer = H.AnswerWriter(store, c.id)
    writer.append("half an ans")
    writer.flush()
    store.close()
    w = make_window()
    w.conversations.list.setCurrentRow(0)
    answer = w.chat_view.last()
    assert answer.text == "half an ans"
    assert answer.status_label.text().startswith("Interrupted")


def test_conversations_new_rename_delete_search_export(make_window, qtbot, tmp_path):
    w = make_window()
    _ready(w, qtbot)
    for q in ("About cats", "About dogs"):
        w.new_conversation()
        w.send(q)
        _answered(w, qtbot)
    lst = w.conversations
    assert [lst.list.item(i).text() for i in range(lst.list.count())] == [
        "About dogs",
        "About cats",
    ]
    lst.search.setText("cats")
    assert lst.list.count() == 1
    lst.search.setText("")
    lst.list.setCurrentRow(1)
    assert w.chat_view.messages()[0].text == "About cats"
    lst.rename_current("Cats!")
    assert lst.list.currentItem().text() == "Cats!"
    out = tmp_path / "cats.md"
    w.export_conversation(str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Cats!") and "About cats" in text and "Hello, **world**!" in text
    lst.delete_current(confirm=False)
    assert [c.title for c in w.history.conversations()] == ["About dogs"]


def test_failed_load_shows_a_message(make_window, qtbot, dirs):
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings
    from inference.errors import CairnError, ErrorCode

    from .conftest import FakeStore

    def opener(ref, engine):
        raise CairnError(ErrorCode.NOT_QWEN35, "/models/llama")

    w = MainWindow(
        dirs,
        Settings(dirs.config),
        backend=make_backend(dirs, opener=opener),
        model_store=FakeStore(dirs.models),
    )
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: "not a Qwen3.5 model" in w.statusBar().currentMessage(), timeout=5000)
    assert w.models.model_status.text() == "No model loaded"
    w.send("hello?")
    _answered(w, qtbot)
    assert "No model was found" in w.chat_view.last().status_label.text()
    w.close()


def test_every_error_code_has_a_message():
    from app.messages import _templates
    from inference.errors import ErrorCode

    assert set(_templates()) == set(ErrorCode)


def test_accessible_names_on_controls(make_window):
    w = make_window()
    for widget in (
        w.input,
        w.send_button,
        w.stop_button,
        w.models.model_box,
        w.models.engine_box,
        w.conversations.search,
        w.conversations.list,
        w.media.list,
        w.chat_view,
    ):
        assert widget.accessibleName(), widget


def test_switching_away_mid_answer_keeps_the_partial_answer(make_window, qtbot):
    engine = FakeEngine(tokens=[f"w{i} " for i in range(5000)], delay=0.002)
    w = make_window(engine)
    _ready(w, qtbot)
    w.send("long one")
    cid = w.session.conversation_id
    qtbot.waitUntil(lambda: len(w.chat_view.last().text) > 20, timeout=5000)
    w.new_conversation()
    assert not w.session.busy and w.chat_view.messages() == []
    stored = w.history.messages(cid)[-1]
    assert stored.status == H.CANCELLED and stored.content.startswith("w0 w1")
    qtbot.wait(100)  # late chunks of the abandoned job are dropped, not shown here
    assert w.chat_view.messages() == []


def test_quit_mid_answer_stops_the_engine_thread(make_window, qtbot, dirs):
    engine = FakeEngine(tokens=["x "] * 100000, delay=0.001)
    w = make_window(engine)
    _ready(w, qtbot)
    w.send("go on forever")
    qtbot.waitUntil(lambda: len(w.chat_view.last().text) > 10, timeout=5000)
    w.close()
    assert not w.controller.engine_thread.isRunning()
    assert engine.closed
    store = H.HistoryStore(dirs.history_db)
    last = store.messages(store.conversations()[0].id)[-1]
    assert last.status == H.CANCELLED and last.content.startswith("x x")
