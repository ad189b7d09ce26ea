"""The chat view: the messages in a centred reading column inside a scroll area.

The streamed answer is appended to the last message widget (app/message_widget.py); the view
follows the end while the user has not scrolled away from it. With no messages it shows the
empty state the window gives it (a greeting and suggestions).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from . import i18n
from .message_widget import PIECE_CHARS, AutoHeightBrowser, MessageWidget

__all__ = ["PIECE_CHARS", "AutoHeightBrowser", "CentredColumn", "ChatView", "MessageWidget"]

COLUMN_WIDTH = 760  # the reading column's widest: longer lines are hard to read
MARGIN = 16  # least space either side of the column


def side_margin(width: int, column: int = COLUMN_WIDTH) -> int:
    """The margin either side that centres a column of at most `column` pixels in `width`."""
    return max(MARGIN, (width - column) // 2)


class CentredColumn(QWidget):
    """A box whose content lines up with the chat's reading column (the message box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        self.box.setSpacing(6)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        margin = side_margin(self.width())
        self.box.setContentsMargins(margin, 0, margin, 12)
        super().resizeEvent(event)


class ChatView(QScrollArea):
    """The list of messages; follows the end while the user has not scrolled away from it."""

    timeClicked = Signal(object, float)  # a message widget, seconds (see MessageWidget)
    sourceClicked = Signal(object, int)  # a message widget, source number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dark = False
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Conversation"))
        i18n.on_language_change(self, lambda: self.setAccessibleName(self.tr("Conversation")))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("chatCanvas")
        self._row = QHBoxLayout(inner)
        self._row.setContentsMargins(MARGIN, 12, MARGIN, 12)
        self.column = QWidget()
        self._row.addWidget(self.column)
        self._layout = QVBoxLayout(self.column)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._layout.addStretch(1)
        self.empty: QWidget | None = None
        self.tab_after: QWidget | None = None  # what Tab reaches after the last message
        self.setWidget(inner)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)
        self._follow = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        margin = side_margin(self.viewport().width())
        self._row.setContentsMargins(margin, 12, margin, 12)
        super().resizeEvent(event)

    def messages(self) -> list[MessageWidget]:
        out = []
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, MessageWidget):
                out.append(w)
        return out

    def set_empty_state(self, widget: QWidget) -> None:
        """Shown (centred in the column) while there is no message."""
        holder = QWidget()  # centres the widget vertically in the free space
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addStretch(1)
        box.addWidget(widget)
        box.addStretch(2)
        self.empty = holder
        self._layout.insertWidget(0, holder, 1)
        self._update_empty()

    def _update_empty(self) -> None:
        """Messages start at the top (the space below them is free); the empty state takes it."""
        if self.empty is not None:
            empty = not self.messages()
            self.empty.setVisible(empty)
            self._layout.setStretch(self._layout.count() - 1, 0 if empty else 1)

    def add_message(self, role: str, message_id: int | None = None) -> MessageWidget:
        widget = MessageWidget(role, message_id, dark=self.dark)
        widget.timeClicked.connect(self.timeClicked)
        widget.sourceClicked.connect(self.sourceClicked)
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._follow = True
        self._update_empty()
        self._chain_focus()
        return widget

    def _chain_focus(self) -> None:
        """Tab goes from the conversation through each message's buttons, top to bottom,
        then on to `tab_after` (the message box)."""
        previous: QWidget = self
        for message in self.messages():
            for button in message.focus_chain():
                QWidget.setTabOrder(previous, button)
                previous = button
        if self.tab_after is not None:
            QWidget.setTabOrder(previous, self.tab_after)

    def restyle(self, dark: bool) -> None:
        """After a theme switch: icons in the new colours (the text is re-rendered by reopening)."""
        self.dark = dark
        for w in self.messages():
            w.restyle()

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        """Keyboard focus on a message's buttons shows them, as the pointer does."""
        for w in self.messages():
            if old is not None and w.isAncestorOf(old) and not w.underMouse():
                w.set_hovered(False)
            if new is not None and w.isAncestorOf(new):
                w.set_hovered(True)
                self.ensureWidgetVisible(new)

    def remove_from(self, widget: MessageWidget) -> None:
        """Remove `widget` and every message after it."""
        found = False
        for w in self.messages():
            found = found or w is widget
            if found:
                self._layout.removeWidget(w)
                w.setParent(None)
                w.deleteLater()
        self._update_empty()

    def clear(self) -> None:
        for w in self.messages():
            self._layout.removeWidget(w)
            w.setParent(None)
            w.deleteLater()
        self._update_empty()

    def last(self) -> MessageWidget | None:
        msgs = self.messages()
        return msgs[-1] if msgs else None

    def _on_scrolled(self, value: int) -> None:
        self._follow = value >= self.verticalScrollBar().maximum() - 4

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)
