"""The conversation list: search, new, rename, delete. Reads and writes the HistoryStore.

Deleting is undoable: the conversation leaves the list at once but stays in the store for
UNDO_MS (the window shows "Conversation deleted · Undo"); only then, or when the window
closes, is it deleted for good.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inference.history import HistoryStore

from . import i18n, icons

UNDO_MS = 8000  # how long a deleted conversation can be brought back


class ConversationList(QWidget):
    selected = Signal(object)  # conversation id or None
    newRequested = Signal()
    deleted = Signal(int)  # a conversation left the list; undo_delete(id) brings it back

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setObjectName("conversationList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda _i: self.rename_current())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.newRequested)
        self.rename_button = QPushButton()
        # lambdas: clicked(bool) must not land in the slots' optional arguments
        self.rename_button.clicked.connect(lambda: self.rename_current())
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(lambda: self.delete_current())
        for b in (self.new_button, self.rename_button, self.delete_button):
            b.setIconSize(QSize(16, 16))
            buttons.addWidget(b)
        self.list.installEventFilter(self)
        layout.addLayout(buttons)
        self._quiet = False
        self._pending: dict[int, QTimer] = {}  # deleted, not yet gone from the store
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

    def restyle(self) -> None:
        self.new_button.setIcon(icons.icon("new", size=16))
        self.rename_button.setIcon(icons.icon("rename", size=16))
        self.delete_button.setIcon(icons.icon("delete", size=16))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Del deletes and F2 renames the selected conversation."""
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Delete:
                self.delete_current()
                return True
            if event.key() == Qt.Key.Key_F2:
                self.rename_current()
                return True
        return super().eventFilter(watched, event)

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
                if conv.id in self._pending:
                    continue
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

    def delete_current(self) -> int | None:
        """Take the current conversation off the list; gone for good after UNDO_MS."""
        cid = self.current_id()
        if cid is None:
            return None
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._purge(cid))
        timer.start(UNDO_MS)
        self._pending[cid] = timer
        row = self.list.currentRow()
        self._quiet = True
        self.list.takeItem(row)
        self.list.setCurrentRow(-1)
        self._quiet = False
        self.selected.emit(None)
        self.deleted.emit(cid)
        return cid

    def undo_delete(self, conversation_id: int) -> bool:
        """Bring a just-deleted conversation back (selected). False when it is already gone."""
        timer = self._pending.pop(conversation_id, None)
        if timer is None:
            return False
        timer.stop()
        timer.deleteLater()
        self.refresh(select=conversation_id)
        self.selected.emit(conversation_id)
        return True

    def purge_deleted(self) -> None:
        """Delete for good what is waiting for its undo to run out (the window is closing)."""
        for cid in list(self._pending):
            self._purge(cid)

    def _purge(self, conversation_id: int) -> None:
        timer = self._pending.pop(conversation_id, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
            self.store.delete(conversation_id)

    def _on_current(self, current: QListWidgetItem | None, _previous) -> None:
        if not self._quiet:
            self.selected.emit(current.data(Qt.ItemDataRole.UserRole) if current else None)
