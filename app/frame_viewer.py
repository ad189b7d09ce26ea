"""A small window showing one frame of a video at a time: where a clicked timestamp points.

The frame is read with OpenCV on the I/O thread pool (never the GUI or engine thread); only the
latest request is shown, so dragging the slider never piles up stale frames.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThreadPool
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
)

from . import i18n
from .media_pane import format_duration
from .messages import error_text
from .workers import LatestOnly

VIEW = QSize(640, 360)


@dataclass(frozen=True)
class Frame:
    """One decoded frame: the picture (RGB), its time and index, and the video's length."""

    image: QImage
    t: float
    index: int
    duration_s: float


def read_frame(path: Path, t: float) -> Frame:
    """The frame shown at `t` seconds (clamped to the video), as a QImage. Runs on a pool thread."""
    from inference.video.frame_at import frame_at

    found = frame_at(path, t)
    h, w, _ = found.image.shape
    image = QImage(found.image.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return Frame(image, found.t, found.index, found.duration_s)


class FrameViewer(QDialog):
    """Shows `path` at a time; a slider moves through the video second by second."""

    def __init__(self, path: Path, t: float = 0.0, pool: QThreadPool | None = None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.pool = pool or QThreadPool.globalInstance()
        self.frame: Frame | None = None  # the frame on screen
        self._loads = LatestOnly(self.pool)
        layout = QVBoxLayout(self)
        self.image_label = QLabel()
        self.image_label.setMinimumSize(VIEW)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.image_label, 1)
        row = QHBoxLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setEnabled(False)
        self.slider.valueChanged.connect(lambda v: self.seek(float(v)))
        self.time_label = QLabel()
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.seek(t)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.setWindowTitle(self.tr("%1 – frame viewer").replace("%1", self.path.name))
        self.image_label.setAccessibleName(self.tr("Video frame"))
        self.slider.setAccessibleName(self.tr("Position in the video"))
        self.time_label.setAccessibleName(self.tr("Time of the frame"))

    @property
    def busy(self) -> bool:
        return self._loads.busy

    def seek(self, t: float) -> None:
        """Show the frame at `t` seconds (read off the GUI thread)."""
        if self.frame is not None and int(t) == int(self.frame.t) and not self._loads.busy:
            return
        self.time_label.setText(self.tr("Seeking %1…").replace("%1", format_duration(t)))
        self._loads.submit(
            functools.partial(read_frame, self.path, t), self._on_frame, self._on_failed
        )

    def _on_frame(self, frame: Frame) -> None:
        self.frame = frame
        pixmap = QPixmap.fromImage(frame.image).scaled(
            VIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.image_label.setPixmap(pixmap)
        self.time_label.setText(
            self.tr("%1 of %2")
            .replace("%1", format_duration(frame.t))
            .replace("%2", format_duration(frame.duration_s))
        )
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, int(frame.duration_s)))
        self.slider.setValue(int(frame.t))
        self.slider.setEnabled(True)
        self.slider.blockSignals(False)

    def _on_failed(self, code: str, detail: str) -> None:
        self.image_label.clear()
        self.time_label.setText(error_text(code, detail))
