"""The prompt box: Enter sends, Shift+Enter breaks the line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

from . import i18n


class ChatInput(QPlainTextEdit):
    submitted = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.setPlaceholderText(
            self.tr("Ask anything. Enter sends, Shift+Enter starts a new line.")
        )
        self.setAccessibleName(self.tr("Message to send"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            text = self.toPlainText().strip()
            if text:
                self.submitted.emit(text)
            event.accept()
            return
        if enter:  # Shift+Enter: a plain new line (QPlainTextEdit would insert a line separator)
            self.insertPlainText("\n")
            event.accept()
            return
        super().keyPressEvent(event)
