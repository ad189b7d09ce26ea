"""Attachments shown as small chips: a thumbnail (or a file-type icon) and the file's name.

Used twice: inside the message box for what will go with the next message (removable, a video
offers "Summarize"), and inside a sent message's bubble for what went with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from . import icons
from .media_pane import read_image

CHIP_THUMB = QSize(40, 40)
NAME_CHARS = 22  # longer file names are elided in the middle


def image_thumbnail(path: Path, size: QSize = CHIP_THUMB) -> QPixmap | None:
    """A small picture of an image file (decoded at the small size), None when unreadable."""
    try:
        image, _full = read_image(path, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
    except ValueError:
        return None
    x = max(0, (image.width() - size.width()) // 2)
    y = max(0, (image.height() - size.height()) // 2)
    return QPixmap.fromImage(image.copy(x, y, size.width(), size.height()))


class Chip(QFrame):
    removeRequested = Signal(object)  # the chip's Path
    summarizeRequested = Signal(object)

    def __init__(
        self,
        path: Path,
        kind: str,
        *,
        removable: bool,
        thumbnail: QPixmap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.kind = kind
        self.setObjectName("chip")
        self.setToolTip(str(self.path))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(6)
        self.thumb = QLabel()
        self.thumb.setFixedSize(CHIP_THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_thumbnail(thumbnail)
        row.addWidget(self.thumb)
        text = QVBoxLayout()
        text.setSpacing(0)
        name = self.path.name
        if len(name) > NAME_CHARS:
            name = name[: NAME_CHARS // 2 - 1] + "…" + name[-(NAME_CHARS // 2) :]
        self.name_label = QLabel(name)
        self.caption = QLabel()
        self.caption.setObjectName("hintLabel")
        self.caption.hide()
        text.addWidget(self.name_label)
        text.addWidget(self.caption)
        row.addLayout(text)
        self.summarize_button: QToolButton | None = None
        self.remove_button: QToolButton | None = None
        if removable and kind == "video":
            self.summarize_button = QToolButton()
            self.summarize_button.setAutoRaise(True)
            self.summarize_button.setIcon(icons.icon("summary", size=16))
            self.summarize_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.summarize_button.clicked.connect(lambda: self.summarizeRequested.emit(self.path))
            row.addWidget(self.summarize_button)
        if removable:
            self.remove_button = QToolButton()
            self.remove_button.setAutoRaise(True)
            self.remove_button.setIcon(icons.icon("close", size=14))
            self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self.path))
            row.addWidget(self.remove_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.summarize_button is not None:
            self.summarize_button.setText(self.tr("Summarize"))
            self.summarize_button.setToolTip(self.tr("Summarize this video, with chapters"))
            self.summarize_button.setAccessibleName(
                self.tr("Summarize %1").replace("%1", self.path.name)
            )
        if self.remove_button is not None:
            self.remove_button.setToolTip(self.tr("Remove"))
            self.remove_button.setAccessibleName(self.tr("Remove %1").replace("%1", self.path.name))

    def set_thumbnail(self, pixmap: QPixmap | None) -> None:
        if pixmap is not None and not pixmap.isNull():
            self.thumb.setPixmap(
                pixmap.scaled(
                    CHIP_THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            shape = {"image": "image", "video": "video"}.get(self.kind, "file")
            self.thumb.setPixmap(icons.icon(shape, size=24).pixmap(24, 24))

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))


class ChipRow(QWidget):
    """A row of chips; wraps nothing (a message rarely has more than a few attachments)."""

    removeRequested = Signal(object)
    summarizeRequested = Signal(object)

    def __init__(self, *, removable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removable = removable
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self.chips: list[Chip] = []
        self.hide()

    def set_items(self, items: list[tuple[Path, str]], thumbnails=None) -> None:
        """(path, kind) pairs; thumbnails: path str -> QPixmap for those already made."""
        thumbnails = thumbnails or {}
        for chip in self.chips:
            self._row.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for path, kind in items:
            thumb = thumbnails.get(str(path))
            if thumb is None and kind == "image" and not self.removable:
                thumb = image_thumbnail(Path(path))
            chip = Chip(Path(path), kind, removable=self.removable, thumbnail=thumb)
            chip.removeRequested.connect(self.removeRequested)
            chip.summarizeRequested.connect(self.summarizeRequested)
            self._row.insertWidget(self._row.count() - 1, chip)
            self.chips.append(chip)
        self.setVisible(bool(self.chips))

    def chip(self, path: Path | str) -> Chip | None:
        for chip in self.chips:
            if str(chip.path) == str(path):
                return chip
        return None
