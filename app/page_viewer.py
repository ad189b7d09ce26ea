"""Where a citation points: a PDF page rendered in the app (pypdfium2), other files opened in
the system's default application.

Pages are rendered on the I/O thread pool; only the latest request is shown.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from inference.errors import CairnError, ErrorCode

from . import i18n
from .messages import error_text
from .workers import LatestOnly

PAGE_WIDTH = 820  # pixels: a page of text stays readable without zooming


@dataclass(frozen=True)
class RenderedPage:
    image: QImage
    page: int  # 1-based, as cited
    pages: int


def render_page(path: Path, page: int, width: int = PAGE_WIDTH) -> RenderedPage:
    """Page `page` (1-based, clamped) of a PDF as an image `width` pixels wide."""
    import pypdfium2 as pdfium  # lazy: never on the start-up path

    try:
        pdf = pdfium.PdfDocument(str(path))
    except FileNotFoundError as e:
        raise CairnError(ErrorCode.DOC_NOT_FOUND, str(path)) from e
    except pdfium.PdfiumError as e:
        code = ErrorCode.DOC_ENCRYPTED if "password" in str(e).lower() else ErrorCode.DOC_MALFORMED
        raise CairnError(code, f"{Path(path).name}: {e}") from e
    try:
        pages = len(pdf)
        if pages == 0:
            raise CairnError(ErrorCode.DOC_NO_TEXT, Path(path).name)
        page = min(max(1, page), pages)
        pdf_page = pdf[page - 1]
        scale = width / max(1.0, pdf_page.get_width())
        bitmap = pdf_page.render(scale=scale, rev_byteorder=True)
        fmt = (
            QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBX8888
        )
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
        return RenderedPage(image, page, pages)
    finally:
        pdf.close()


def open_externally(path: Path) -> bool:
    """Open the file in the system's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PageViewer(QDialog):
    """One page of a PDF at a time, with previous / next and "Open in default app"."""

    def __init__(self, path: Path, page: int = 1, pool: QThreadPool | None = None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.pool = pool or QThreadPool.globalInstance()
        self.page = 0  # the page on screen (1-based), 0 before the first arrives
        self.pages = 0
        self.image: QImage | None = None  # the page as rendered; shown fitted to the width
        self._loads = LatestOnly(self.pool)
        self.setWindowTitle(self.path.name)
        self.resize(PAGE_WIDTH + 60, 900)
        layout = QVBoxLayout(self)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.image_label)
        layout.addWidget(self.scroll_area, 1)
        row = QHBoxLayout()
        self.prev_button = QPushButton()
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button = QPushButton()
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_label = QLabel()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: open_externally(self.path))
        for w in (self.prev_button, self.page_label, self.next_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self._update_buttons()
        self.show_page(page)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.open_button.setText(self.tr("Open in default app"))
        self.image_label.setAccessibleName(self.tr("Page"))
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.open_button.setAccessibleName(self.tr("Open the file in its default application"))

    @property
    def busy(self) -> bool:
        return self._loads.busy

    def show_page(self, page: int) -> None:
        if self.pages and not 1 <= page <= self.pages:
            return
        self.page_label.setText(self.tr("Page %1…").replace("%1", str(page)))
        self._loads.submit(
            functools.partial(render_page, self.path, page), self._on_page, self._on_failed
        )

    def _on_page(self, result: RenderedPage) -> None:
        self.page, self.pages = result.page, result.pages
        self.image = result.image
        self._fit()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(result.page))
            .replace("%2", str(result.pages))
        )
        self._update_buttons()

    def _on_failed(self, code: str, detail: str) -> None:
        self.image_label.setText(error_text(code, detail))
        self.page_label.clear()

    def _fit(self) -> None:
        """The page as wide as the window (never wider than rendered)."""
        if self.image is None:
            return
        width = min(self.image.width(), max(100, self.scroll_area.viewport().width() - 4))
        self.image_label.setPixmap(
            QPixmap.fromImage(self.image).scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _update_buttons(self) -> None:
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(0 < self.page < self.pages)
