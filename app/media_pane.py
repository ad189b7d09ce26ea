"""The media pane: files to attach to the next message, by drag-and-drop or a file picker.

Thumbnails are made on the I/O thread pool (never the GUI or engine thread): images through
QImageReader, videos through inference.video (probe, then frame_at for one frame).
A file of a kind Cairn cannot use gets a one-line message and changes nothing else.

A little over 400 lines because the drop rules, the list and its thumbnail worker are one feature;
the thumbnail half (ThumbnailTask, video_thumbnail) is the seam to cut when it grows.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
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

from . import i18n

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp"}
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".avi", ".mkv", ".webm"}


@functools.cache
def doc_suffixes() -> frozenset[str]:
    """What the document reader can parse (its own list), so the two never disagree.

    Looked up on first use: importing the document package costs start-up time.
    """
    try:
        from inference.docs.extract import SUPPORTED_SUFFIXES
    except ImportError:
        return frozenset({".pdf", ".docx", ".txt", ".md"})
    return frozenset(SUPPORTED_SUFFIXES)


THUMB = QSize(96, 72)
MAX_FOLDER_FILES = 500


@dataclass(frozen=True)
class Attachment:
    path: Path
    kind: str  # "image", "video", "document"


def kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in VIDEO_SUFFIXES:
        return "video"
    if suffix in doc_suffixes():
        return "document"
    return None


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def video_thumbnail(path: Path) -> tuple[QImage, float]:
    """A frame (a tenth of the way in) and the duration in seconds. Runs on the I/O pool."""
    # inference opens the file: a name OpenCV cannot take (bytes that are not UTF-8) goes
    # through a descriptor path there instead of crashing the app, and bad files are CairnErrors
    from inference.video import probe
    from inference.video.frame_at import frame_at

    duration = probe(path).duration_s
    rgb = frame_at(path, duration / 10).image
    h, w, _ = rgb.shape
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio), float(duration)


def read_image(
    path: Path, size: QSize, mode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio
) -> tuple[QImage, QSize]:
    """The image decoded at about `size` (cheap for large photos) and its full size.

    Raises ValueError with the reader's reason when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, mode))
    image = reader.read()
    if image.isNull():
        raise ValueError(reader.errorString())
    return image, full


class _ThumbSignals(QObject):
    done = Signal(str, QImage, str)  # path, thumbnail, caption
    failed = Signal(str, str)  # path, reason


class ThumbnailTask(QRunnable):
    def __init__(self, attachment: Attachment) -> None:
        super().__init__()
        self.attachment = attachment
        self.signals = _ThumbSignals()

    def run(self) -> None:
        path = self.attachment.path
        try:
            if self.attachment.kind == "image":
                image, size = read_image(path, THUMB)
                caption = f"{size.width()}×{size.height()}" if size.isValid() else ""
                self.signals.done.emit(str(path), image, caption)
            else:
                image, duration = video_thumbnail(path)
                self.signals.done.emit(str(path), image, format_duration(duration))
        except (
            Exception
        ) as e:  # any decoder failure (cv2.error too): reported, nothing else changes
            log.warning("no thumbnail for %s", path, exc_info=True)
            self.signals.failed.emit(str(path), str(e) or type(e).__name__)


class MediaPane(QWidget):
    changed = Signal()
    message = Signal(str)  # a one-line notice for the status bar
    documentsDropped = Signal(list)  # documents and folders, when route_documents is on
    summarizeRequested = Signal(object)  # the Path of a video to summarize
    thumbnailReady = Signal(str, str)  # path, caption (the picture: thumbnails[path])

    def __init__(self, pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.setAcceptDrops(True)
        self._attachments: dict[str, Attachment] = {}
        self._tasks: dict[str, ThumbnailTask] = {}
        self.thumbnails: dict[str, QPixmap] = {}  # path -> its picture, once made
        self.captions: dict[str, str] = {}  # path -> "640×480" or a video's duration
        # When on (the main window), documents and dropped folders go to the document library
        # (documentsDropped) instead of being attached to the next message.
        self.route_documents = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold")
        layout.addWidget(self.title)
        self.list = QListWidget()
        self.list.setIconSize(THUMB)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list, 1)
        self.hint = QLabel()
        self.hint.setObjectName("hintLabel")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.notice = QLabel()
        self.notice.setObjectName("hintLabel")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        row = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.pick_files)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.summarize_button = QPushButton()
        self.summarize_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.summarize_button.clicked.connect(self._on_summarize)
        self.summarize_button.setEnabled(False)
        # How much the summary looks at (inference.video.budget's levels): quick by default.
        self.detail_box = QComboBox()
        self.detail_box.addItem("", "quick")
        self.detail_box.addItem("", "detailed")
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summarize_button, 1)
        summary_row.addWidget(self.detail_box)
        layout.addLayout(summary_row)
        self.changed.connect(self._update_summarize)
        self.list.itemSelectionChanged.connect(self._update_summarize)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.title.setText(self.tr("Attachments"))
        self.hint.setText(self.tr("Drop images, videos or documents here."))
        self.add_button.setText(self.tr("Add files…"))
        self.remove_button.setText(self.tr("Remove"))
        self.summarize_button.setText(self.tr("Summarize video"))
        self.detail_box.setItemText(0, self.tr("Quick"))
        self.detail_box.setItemText(1, self.tr("Detailed"))
        self.detail_box.setToolTip(
            self.tr(
                "Quick: a summary in about a tenth of the video's length. Detailed: more frames, longer."
            )
        )
        self.detail_box.setAccessibleName(self.tr("How detailed the video summary is"))
        self.list.setAccessibleName(self.tr("Attached files"))
        self.add_button.setAccessibleName(self.tr("Add files to the next message"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected attachments"))
        self.summarize_button.setAccessibleName(
            self.tr("Summarize the attached video, with chapters")
        )

    # the attachments

    def attachments(self) -> list[Attachment]:
        return list(self._attachments.values())

    def clear(self) -> None:
        self._attachments.clear()
        self.thumbnails.clear()
        self.captions.clear()
        self.list.clear()
        self.changed.emit()

    def add_paths(self, paths: list[Path]) -> list[Attachment]:
        """Attach what Cairn can use; report the rest in one line. Returns what was added."""
        added: list[Attachment] = []
        refused: list[str] = []
        if self.route_documents:
            paths, documents = _split_documents(paths)
            if documents:
                self.documentsDropped.emit(documents)
        for path in _expand(paths):
            kind = kind_of(path)
            if kind is None or not path.is_file():
                refused.append(path.name)
                continue
            key = str(path)
            if key in self._attachments:
                continue
            att = Attachment(path, kind)
            self._attachments[key] = att
            self._add_item(att)
            added.append(att)
        if refused:
            self.show_notice(
                self.tr("Cannot attach %1: use images, videos, PDF, Word or text files.").replace(
                    "%1", ", ".join(refused[:5]) + ("…" if len(refused) > 5 else "")
                )
            )
        elif added:
            self.notice.hide()
        if added:
            self.changed.emit()
        return added

    def remove_path(self, path: Path) -> None:
        key = str(path)
        self._attachments.pop(key, None)
        item = self._item(key)
        if item is not None:
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def video(self) -> Path | None:
        """The selected video, else the first attached one."""
        selected = {i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()}
        videos = [a.path for a in self._attachments.values() if a.kind == "video"]
        chosen = [p for p in videos if str(p) in selected]
        found = chosen or videos
        return found[0] if found else None

    def summary_detail(self) -> str:
        """ "quick" or "detailed": the choice next to the Summarize button."""
        return str(self.detail_box.currentData())

    def _update_summarize(self) -> None:
        self.summarize_button.setEnabled(self.video() is not None)

    def _on_summarize(self) -> None:
        path = self.video()
        if path is not None:
            self.summarizeRequested.emit(path)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self._attachments.pop(item.data(Qt.ItemDataRole.UserRole), None)
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()
        self.message.emit(text)

    def pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr("Images, videos and documents (%1);;All files (*)").replace(
                "%1",
                " ".join("*" + s for s in sorted(IMAGE_SUFFIXES | VIDEO_SUFFIXES | doc_suffixes())),
            ),
        )
        if files:
            self.add_paths([Path(f) for f in files])

    def _add_item(self, att: Attachment) -> None:
        item = QListWidgetItem(att.path.name)
        item.setData(Qt.ItemDataRole.UserRole, str(att.path))
        item.setToolTip(str(att.path))
        style = self.style()
        icon = {
            "image": QStyle.StandardPixmap.SP_FileIcon,
            "video": QStyle.StandardPixmap.SP_MediaPlay,
            "document": QStyle.StandardPixmap.SP_FileDialogDetailedView,
        }[att.kind]
        item.setIcon(_centred(style.standardIcon(icon)))
        self.list.addItem(item)
        if att.kind in ("image", "video"):
            task = ThumbnailTask(att)
            task.setAutoDelete(False)  # kept in self._tasks until its signal arrives
            task.signals.done.connect(self._on_thumb)
            task.signals.failed.connect(self._on_thumb_failed)
            self._tasks[str(att.path)] = task
            self.pool.start(task)

    def _item(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        return None

    def _on_thumb(self, key: str, image: QImage, caption: str) -> None:
        self._tasks.pop(key, None)
        item = self._item(key)
        if item is not None:
            pixmap = QPixmap.fromImage(image)
            self.thumbnails[key] = pixmap
            self.captions[key] = caption
            item.setIcon(QIcon(pixmap))
            if caption:
                item.setText(f"{Path(key).name}\n{caption}")
            self.thumbnailReady.emit(key, caption)

    def _on_thumb_failed(self, key: str, reason: str) -> None:
        self._tasks.pop(key, None)
        item = self._item(key)
        if item is None:
            return
        self._attachments.pop(key, None)
        self.list.takeItem(self.list.row(item))
        self.show_notice(
            self.tr("Cannot read %1 (%2); it was not attached.")
            .replace("%1", Path(key).name)
            .replace("%2", reason)
        )
        self.changed.emit()

    # drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()
        else:
            event.ignore()


def _centred(icon: QIcon, size: int = 40) -> QIcon:
    """A small file-type icon centred in a thumbnail-sized frame (not blown up to fill it)."""
    from PySide6.QtGui import QPainter

    canvas = QPixmap(THUMB)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawPixmap(
        (THUMB.width() - size) // 2, (THUMB.height() - size) // 2, icon.pixmap(size, size)
    )
    painter.end()
    return QIcon(canvas)


def _split_documents(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(to attach, for the document library): documents and whole folders go to the library;
    the images and videos inside a dropped folder are still attached."""
    attach: list[Path] = []
    documents: list[Path] = []
    for p in paths:
        if p.is_dir():
            documents.append(p)
            attach.extend(f for f in _expand([p]) if kind_of(f) in ("image", "video"))
        elif kind_of(p) == "document":
            documents.append(p)
        else:
            attach.append(p)
    return attach, documents


def _expand(paths: list[Path]) -> list[Path]:
    """Folders are expanded to the usable files inside them (up to a limit)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and kind_of(f) is not None)
            out.extend(found[:MAX_FOLDER_FILES])
        else:
            out.append(p)
    return out
