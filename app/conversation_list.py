"""The conversation list: search, new, rename, delete. Reads and writes the HistoryStore."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inference.history import HistoryStore

from . import i18n


class ConversationList(QWidget):
    selected = Signal(object)  # conversation id or None
    newRequested = Signal()

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda _i: self.rename_current())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.newRequested)
        self.rename_button = QPushButton()
        self.rename_button.clicked.connect(self.rename_current)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        for b in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._quiet = False
        self.refresh()
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.search.setPlaceholderText(self.tr("Search conversations"))
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.list.setAccessibleName(self.tr("Conversations"))
        self.new_button.setAccessibleName(self.tr("New conversation"))
        self.new_button.setToolTip(self.tr("New conversation (Ctrl+N)"))
        self.rename_button.setAccessibleName(self.tr("Rename conversation"))
        self.delete_button.setAccessibleName(self.tr("Delete conversation"))
        self.new_button.setText(self.tr("New"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete"))

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def refresh(self, select: int | None = None) -> None:
        """Reload from the store, keeping (or moving to) the selected conversation quietly."""
        keep = select if select is not None else self.current_id()
        self._quiet = True
        try:
            self.list.clear()
            for conv in self.store.conversations(self.search.text().strip()):
                item = QListWidgetItem(conv.title)
                item.setData(Qt.ItemDataRole.UserRole, conv.id)
                item.setToolTip(conv.title)
                self.list.addItem(item)
                if conv.id == keep:
                    self.list.setCurrentItem(item)
        finally:
            self._quiet = False

    def select(self, conversation_id: int) -> None:
        self.refresh(select=conversation_id)

    def rename_current(self, title: str | None = None) -> None:
        cid = self.current_id()
        if cid is None:
            return
        if title is None:
            old = self.list.currentItem().text()
            title, ok = QInputDialog.getText(
                self, self.tr("Rename conversation"), self.tr("New name:"), text=old
            )
            if not ok:
                return
        title = title.strip()
        if title:
            self.store.rename(cid, title)
            self.refresh()

    def delete_current(self, confirm: bool = True) -> None:
        cid = self.current_id()
        if cid is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete conversation"),
                self.tr("Delete this conversation? This cannot be undone."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.store.delete(cid)
        self.refresh()
        self.selected.emit(self.current_id())

    def _on_current(self, current: QListWidgetItem | None, _previous) -> None:
        if not self._quiet:
            self.selected.emit(current.data(Qt.ItemDataRole.UserRole) if current else None)
