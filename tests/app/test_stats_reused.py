"""The statistics line under an answer says how many prompt tokens the engine reused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from .conftest import FakeEngine


@pytest.fixture
def us_locale():
    """%Ln groups digits by the default locale (the system's; the test machine's is C)."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def _send(w, qtbot, text: str) -> None:
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    qtbot.keyClicks(w.input, text)
    qtbot.keyClick(w.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=10000)


def test_reused_tokens_are_shown_stored_and_shown_again(make_window, qtbot, us_locale):
    w = make_window(FakeEngine(cached_tokens=3412))
    _send(w, qtbot, "A follow-up question")
    line = w.chat_view.last().stats_label.text()
    assert "first token after" in line and line.endswith(" · 3,412 tokens reused")
    cid = w.session.conversation_id
    assert w.history.messages(cid)[-1].stats["cached_tokens"] == 3412
    w.close()

    again = make_window()
    qtbot.waitUntil(lambda: again.models.loaded is not None, timeout=5000)
    again.conversations.list.setCurrentRow(0)
    assert again.chat_view.last().stats_label.text().endswith("3,412 tokens reused")


def test_nothing_reused_says_nothing(make_window, qtbot):
    w = make_window(FakeEngine(cached_tokens=0))
    _send(w, qtbot, "A first question")
    assert "reused" not in w.chat_view.last().stats_label.text()
