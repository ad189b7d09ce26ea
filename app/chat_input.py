"""The prompt box: Enter sends, Shift+Enter breaks the line; files dropped on it are attached
(not pasted as their paths)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

from . import i18n


class ChatInput(QPlainTextEdit):
    submitted = Signal(str)
    filesDropped = Signal(list)  # Paths dropped or pasted as files

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.setPlaceholderText(self.placeholder())
        self.setAccessibleName(self.tr("Message to send"))

    def placeholder(self) -> str:
        return self.tr("Ask anything. Enter sends, Shift+Enter starts a new line.")

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

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt's name)
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        files = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()]
        if files:
            self.filesDropped.emit(files)
        else:
            super().insertFromMimeData(source)
