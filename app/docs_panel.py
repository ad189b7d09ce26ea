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
    QComboBox,
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

from . import file_dialogs, i18n
from .messages import error_text, stage_text
from .seams import COLLECTION, Library
from .workers import Task, start

log = logging.getLogger(__name__)

ORDER = {"failed": 0, "indexing": 1, "queued": 2, "ready": 3}  # failures first
FILTERS = ("all", "failed", "working", "ready")  # the filter's choices (item data)
LIST_MIN_HEIGHT = 220  # pixels: eight or so rows, so a failure is not below the fold


class DocItem(QListWidgetItem):
    """A row of the list, ordered failures first, then in progress, then ready, by name."""

    def key(self) -> tuple[int, str]:
        status = self.data(Qt.ItemDataRole.UserRole + 1) or ""
        return ORDER.get(status, 2), Path(self.data(Qt.ItemDataRole.UserRole) or "").name.lower()

    def __lt__(self, other: QListWidgetItem) -> bool:
        if isinstance(other, DocItem):
            return self.key() < other.key()
        return super().__lt__(other)


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
        self._codes: dict[str, tuple[str, str]] = {}  # path -> (code, detail): reworded on a switch
        self._tasks: list[Task] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold")
        layout.addWidget(self.title)
        self.use_box = QCheckBox()
        self.use_box.setChecked(True)
        layout.addWidget(self.use_box)
        self.filter_box = QComboBox()
        for value in FILTERS:
            self.filter_box.addItem("", value)  # words and counts in _update_counts
        self.filter_box.currentIndexChanged.connect(lambda _i: self._apply_filter())
        layout.addWidget(self.filter_box)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(False)
        self.list.setMinimumHeight(LIST_MIN_HEIGHT)
        self.list.setSortingEnabled(True)
        layout.addWidget(self.list, 1)
        self._summary: tuple = ("hint",)  # what the status line says, to reword it
        self.status = QLabel(self.hint_text())  # hint, progress or "n ready, m failed"
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
        for key, (code, detail) in self._codes.items():  # failures, in the new language
            if key in self.reasons:
                self.reasons[key] = error_text(code, detail)
        for key, status in list(self.statuses.items()):  # the status words of each row
            item = self._item(key)
            if item is not None:
                reason = self.reasons.get(key, "")
                item.setText(self._row_text(key, status, reason))
                item.setToolTip(key + ("\n" + reason if reason else ""))
        self._show_summary()
        self._update_counts()
        self.filter_box.setAccessibleName(self.tr("Show which documents"))
        self.use_box.setToolTip(
            self.tr("Questions are answered from the documents below, with their sources.")
        )
        self.list.setAccessibleName(self.tr("Documents and their indexing status"))
        self.add_button.setAccessibleName(self.tr("Add a folder of documents"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected documents"))

    def hint_text(self) -> str:
        return self.tr("Drop PDF, Word or text files, or a folder.")

    def _show_summary(self) -> None:
        """The status line in the current language (kept as data, so a switch rewords it)."""
        kind = self._summary[0]
        if kind == "counts" and self.statuses:
            text = (
                self.tr("%1 ready, %2 failed.")
                .replace("%1", str(self.ready_count()))
                .replace("%2", str(len(self.reasons)))
            )
        elif kind == "progress":
            stage, done, total = self._summary[1:]
            text = stage_text(stage)
            if total and stage == "index":
                text += " " + self.tr("(%1 of %2)").replace("%1", str(int(done) + 1)).replace(
                    "%2", str(int(total))
                )
        elif kind == "error":
            text = error_text(*self._summary[1:])
        else:
            text = self.hint_text()
        self.status.setText(text)

    def _update_counts(self) -> None:
        """The filter's choices with their counts: "Failed (2)"."""
        counts = {
            "all": len(self.statuses),
            "failed": len(self.reasons),
            "working": sum(1 for s in self.statuses.values() if s in ("queued", "indexing")),
            "ready": self.ready_count(),
        }
        words = {
            "all": self.tr("All documents (%1)"),
            "failed": self.tr("Failed (%1)"),
            "working": self.tr("Being indexed (%1)"),
            "ready": self.tr("Ready (%1)"),
        }
        for i, value in enumerate(FILTERS):
            self.filter_box.setItemText(i, words[value].replace("%1", str(counts[value])))

    def show_only(self, which: str) -> None:
        """Filter the list: "all", "failed", "working" or "ready"."""
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(which)))

    def _apply_filter(self) -> None:
        which = self.filter_box.currentData() or "all"
        wanted = {
            "failed": {"failed"},
            "working": {"queued", "indexing"},
            "ready": {"ready"},
        }.get(which)
        for i in range(self.list.count()):
            item = self.list.item(i)
            status = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(wanted is not None and status not in wanted)

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
        folder = file_dialogs.existing_directory(self, self.tr("Add a folder of documents"))
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
            self._summary = ("progress", item.stage, item.done, item.total)
            self._show_summary()
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
        self._summary = ("counts",)
        self._show_summary()

    def _on_failed(self, task: Task, code: str, detail: str) -> None:
        self._finished(task)
        self._summary = ("error", code, detail)
        self._show_summary()
        self.message.emit(error_text(code, detail))

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
            self._codes[path] = (info.error.value, detail)
        self._set(str(info.path), status, reason)

    def _status_text(self, status: str, reason: str) -> str:
        if status == "failed":
            return self.tr("failed: %1").replace("%1", reason or "-")
        return {
            "queued": self.tr("queued"),
            "indexing": self.tr("indexing…"),
            "ready": self.tr("ready"),
        }.get(status, status)

    def _row_text(self, key: str, status: str, reason: str) -> str:
        """One line for a file that is fine; a failure gets its reason on a second line."""
        name = Path(key).name
        if status == "failed":
            return name + "\n" + self._status_text(status, reason)
        return f"{name} · {self._status_text(status, '')}"  # no words of its own to translate

    def _set(self, key: str, status: str, reason: str = "") -> None:
        self.statuses[key] = status
        if status == "failed":
            self.reasons[key] = reason
        else:
            self.reasons.pop(key, None)
        item = self._item(key)
        if item is None:
            item = DocItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        item.setData(Qt.ItemDataRole.UserRole + 1, status)
        item.setText(self._row_text(key, status, reason))
        icon = {
            "queued": QStyle.StandardPixmap.SP_FileIcon,
            "indexing": QStyle.StandardPixmap.SP_BrowserReload,
            "ready": QStyle.StandardPixmap.SP_DialogApplyButton,
            "failed": QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(status, QStyle.StandardPixmap.SP_FileIcon)
        item.setIcon(self.style().standardIcon(icon))
        item.setToolTip(key + ("\n" + reason if reason else ""))
        self.list.sortItems()
        self._update_counts()
        self._apply_filter()
        self.changed.emit()

    def _drop(self, key: str) -> None:
        self.statuses.pop(key, None)
        self.reasons.pop(key, None)
        self._codes.pop(key, None)
        item = self._item(key)
        if item is not None:
            self.list.takeItem(self.list.row(item))
        self._update_counts()

    def _item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        return None
