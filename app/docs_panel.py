"""The documents the assistant answers from: indexing status per file, add, remove, use or not.

Documents go into one store (DataDirs.docs_db), collection "default", shared by every
conversation. Indexing runs on a one-thread pool of its own (never the GUI or the engine
thread), so one batch follows another and the store has one writer; each file is parsed in the
document package's sandbox, so a hostile file fails alone with its reason and the rest go on.
At start-up the same worker finishes what an interrupted run left (Documents.resume).
The library itself (app/doc_library.py) is handed in as a `Library`: it reaches the embedding
engine, which no widget may import.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inference.records import Progress

from . import i18n
from .messages import error_text, stage_text
from .seams import COLLECTION, Library
from .workers import Task, start

log = logging.getLogger(__name__)


class DocsPanel(QWidget):
    changed = Signal()  # the set of files or their statuses changed
    message = Signal(str)  # a one-line notice for the status bar

    def __init__(self, library: Library, collection: str = COLLECTION, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.collection = collection
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer; batches run one after another
        self.statuses: dict[str, str] = {}  # resolved path -> "queued" | "indexing" | ...
        self.reasons: dict[str, str] = {}  # resolved path -> the failure, worded
        self._tasks: list[Task] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold")
        layout.addWidget(self.title)
        self.use_box = QCheckBox()
        self.use_box.setChecked(True)
        layout.addWidget(self.use_box)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setSpacing(2)
        layout.addWidget(self.list, 1)
        self.status = QLabel(self.hint_text())
        self.status.setObjectName("hintLabel")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.pick_folder)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.title.setText(self.tr("Documents"))
        self.use_box.setText(self.tr("Answer from these documents"))
        self.add_button.setText(self.tr("Add folder…"))
        self.remove_button.setText(self.tr("Remove"))
        for key, status in list(self.statuses.items()):  # the status words of each row
            item = self._item(key)
            if item is not None:
                item.setText(
                    Path(key).name + "\n" + self._status_text(status, self.reasons.get(key, ""))
                )
        if not self.statuses:
            self.status.setText(self.hint_text())
        self.use_box.setToolTip(
            self.tr("Questions are answered from the documents below, with their sources.")
        )
        self.list.setAccessibleName(self.tr("Documents and their indexing status"))
        self.add_button.setAccessibleName(self.tr("Add a folder of documents"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected documents"))

    def hint_text(self) -> str:
        return self.tr("Drop PDF, Word or text files, or a folder.")

    # state

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def ready_count(self) -> int:
        return sum(1 for s in self.statuses.values() if s == "ready")

    def in_use(self) -> bool:
        """Questions go to the documents: the box is ticked and at least one file is ready."""
        return self.use_box.isChecked() and self.ready_count() > 0

    # work on the pool

    def start(self) -> None:
        """List the library and finish an interrupted run (at start-up)."""

        self._run(lambda progress, cancel: self.library.resume(self.collection, progress, cancel))

    def add(self, paths: list[Path]) -> None:
        """Index files and folders; each file's status shows as it changes."""
        paths = [Path(p).expanduser().resolve() for p in paths]
        for p in paths:
            if not p.is_dir():
                self._set(str(p), "queued")
        self.use_box.setChecked(True)

        self._run(
            lambda progress, cancel: self.library.add(paths, self.collection, progress, cancel)
        )

    def remove_selected(self) -> None:
        paths = [Path(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]
        if not paths:
            return

        for p in paths:
            self._drop(str(p))
        self._run(lambda _progress, _cancel: self.library.remove(paths, self.collection))

    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of documents"))
        if folder:
            self.add([Path(folder)])

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop between files and wait for the worker (the file in flight goes back to queued)."""
        for task in self._tasks:
            task.cancel()
        self.pool.waitForDone(timeout_ms)

    def _run(self, fn) -> None:
        task = Task(fn)
        task.signals.progress.connect(self._on_progress)
        task.signals.done.connect(lambda files, t=task: self._on_done(t, files))
        task.signals.failed.connect(lambda code, detail, t=task: self._on_failed(t, code, detail))
        task.signals.cancelled.connect(lambda t=task: self._finished(t))
        self._tasks.append(task)
        start(task, self.pool)

    # results, on the GUI thread

    def _on_progress(self, item: object) -> None:
        if isinstance(item, Progress):
            if item.stage == "scan" and item.detail and item.detail not in self.statuses:
                self._set(item.detail, "queued")
            elif item.stage == "index" and item.detail:
                self._set(item.detail, "indexing")
            text = stage_text(item.stage)
            if item.total and item.stage == "index":
                text += " " + self.tr("(%1 of %2)").replace("%1", str(int(item.done) + 1)).replace(
                    "%2", str(int(item.total))
                )
            self.status.setText(text)
        elif hasattr(item, "status"):  # a FileInfo, as soon as one file is done
            self._set_info(item)

    def _on_done(self, task: Task, files: list) -> None:
        seen = set()
        for info in files:
            self._set_info(info)
            seen.add(str(info.path))
        self._finished(task)
        if not self._tasks:  # a later batch's queued files are not in the store yet
            for key in [k for k in self.statuses if k not in seen]:
                self._drop(key)  # removed, or vanished from a re-added folder
        ready, failed = self.ready_count(), len(self.reasons)
        text = self.tr("%1 ready, %2 failed.").replace("%1", str(ready)).replace("%2", str(failed))
        self.status.setText(text if self.statuses else self.hint_text())

    def _on_failed(self, task: Task, code: str, detail: str) -> None:
        self._finished(task)
        text = error_text(code, detail)
        self.status.setText(text)
        self.message.emit(text)

    def _finished(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.changed.emit()

    # the list

    def _set_info(self, info) -> None:
        status = getattr(info.status, "value", str(info.status))
        reason = ""
        if info.error:
            # the row already names the file: the reason need not repeat its path
            path = str(info.path)
            detail = info.error_detail.replace(path + ": ", "").replace(path, info.path.name)
            reason = error_text(info.error.value, detail)
        self._set(str(info.path), status, reason)

    def _status_text(self, status: str, reason: str) -> str:
        if status == "failed":
            return self.tr("failed: %1").replace("%1", reason or "-")
        return {
            "queued": self.tr("queued"),
            "indexing": self.tr("indexing…"),
            "ready": self.tr("ready"),
        }.get(status, status)

    def _set(self, key: str, status: str, reason: str = "") -> None:
        self.statuses[key] = status
        if status == "failed":
            self.reasons[key] = reason
        else:
            self.reasons.pop(key, None)
        item = self._item(key)
        if item is None:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        item.setText(Path(key).name + "\n" + self._status_text(status, reason))
        icon = {
            "queued": QStyle.StandardPixmap.SP_FileIcon,
            "indexing": QStyle.StandardPixmap.SP_BrowserReload,
            "ready": QStyle.StandardPixmap.SP_DialogApplyButton,
            "failed": QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(status, QStyle.StandardPixmap.SP_FileIcon)
        item.setIcon(self.style().standardIcon(icon))
        item.setToolTip(key + ("\n" + reason if reason else ""))
        self.changed.emit()

    def _drop(self, key: str) -> None:
        self.statuses.pop(key, None)
        self.reasons.pop(key, None)
        item = self._item(key)
        if item is not None:
            self.list.takeItem(self.list.row(item))

    def _item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        return None
