"""Where a citation points: a PDF page rendered in the app (pypdfium2), the cited passage
marked on it, with a button for the system's default application.

Pages are rendered on the I/O thread pool; only the latest request is shown. The passage is found
with PDFium's own text search (its first words, then fewer when a line break splits them) and
marked with the character rectangles PDFium reports. The dialog fits the screen it opens on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QThreadPool, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QPixmap
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
SCREEN_MARGIN = 60  # pixels kept free around the dialog (title bar, panel)
MARK = QColor(255, 213, 0, 90)  # the cited passage: a translucent highlighter yellow


@dataclass(frozen=True)
class RenderedPage:
    image: QImage
    page: int  # 1-based, as cited
    pages: int
    marks: tuple[QRectF, ...] = ()  # the cited passage, in the image's pixels


def find_passage(textpage, passage: str) -> tuple[int, int] | None:
    """(first character, character count) of `passage` on a PDFium text page, or None.

    The passage's first words are searched; a line break on the page between two of them makes
    the phrase unfindable, so fewer words are tried. The count covers the passage's length."""
    words = re.findall(r"\S+", passage.rstrip("…"))
    if not words:
        return None
    for n in (8, 5, 3, 2):
        if n > len(words) and n != 2:
            continue
        phrase = " ".join(words[:n])
        if len(phrase) < 6:
            continue
        searcher = textpage.search(phrase, match_case=False)
        found = searcher.get_next()
        searcher.close()
        if found:
            start, _count = found
            total = textpage.count_chars()
            count = max(1, min(len(passage.rstrip("…")), total - start))
            tail = textpage.get_text_range(start + count, min(40, total - start - count))
            while tail[:1].isalnum():  # end at a word's end, not inside it
                count, tail = count + 1, tail[1:]
            return start, count
    return None


def passage_rects(pdf_page, passage: str, scale: float) -> tuple[QRectF, ...]:
    """The rectangles of `passage` on `pdf_page`, scaled to the rendered image (y down)."""
    if not passage.strip():
        return ()
    textpage = pdf_page.get_textpage()
    try:
        found = find_passage(textpage, passage)
        if found is None:
            return ()
        height = pdf_page.get_height()
        rects = []
        for i in range(textpage.count_rects(*found)):
            left, bottom, right, top = textpage.get_rect(i)
            rects.append(
                QRectF(
                    left * scale,
                    (height - top) * scale,
                    (right - left) * scale,
                    (top - bottom) * scale,
                )
            )
        return tuple(rects)
    finally:
        textpage.close()


def render_page(path: Path, page: int, width: int = PAGE_WIDTH, passage: str = "") -> RenderedPage:
    """Page `page` (1-based, clamped) of a PDF as an image `width` pixels wide, with the
    rectangles of `passage` (the cited text) when it is found on the page."""
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
        return RenderedPage(image, page, pages, passage_rects(pdf_page, passage, scale))
    finally:
        pdf.close()


def open_externally(path: Path) -> bool:
    """Open the file in the system's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PageViewer(QDialog):
    """One page of a PDF at a time, the cited passage marked, with previous / next and
    "Open in default app"."""

    def __init__(
        self,
        path: Path,
        page: int = 1,
        pool: QThreadPool | None = None,
        parent=None,
        passage: str = "",
    ):
        super().__init__(parent)
        self.path = Path(path)
        self.pool = pool or QThreadPool.globalInstance()
        self.page = 0  # the page on screen (1-based), 0 before the first arrives
        self.pages = 0
        self.image: QImage | None = None  # the page as rendered; shown fitted to the width
        self.marks: tuple[QRectF, ...] = ()  # the cited passage on it
        self.passage = passage  # the cited text, marked on the cited page
        self._cited_page = page
        self._loads = LatestOnly(self.pool)
        self.setWindowTitle(self.path.name)
        self._fit_screen(parent)
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

    def _fit_screen(self, parent) -> None:
        """As tall as a page wants (900 px) but never taller than the screen, so the buttons
        under the page stay on it."""
        screen = (parent.screen() if parent is not None else None) or self.screen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = PAGE_WIDTH + 60, 900
        if area is not None:
            width = min(width, area.width() - SCREEN_MARGIN)
            height = min(height, area.height() - SCREEN_MARGIN)
        self.resize(max(320, width), max(240, height))

    def cite(self, page: int, passage: str) -> None:
        """Show another citation of the same file: its page, its passage marked."""
        self.passage, self._cited_page = passage, page
        self.show_page(page)

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.open_button.setText(self.tr("Open in default app"))
        self.image_label.setAccessibleName(self.tr("Page"))
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.open_button.setAccessibleName(self.tr("Open the file in its default application"))
        if self.page:
            self._show_page_label()

    @property
    def busy(self) -> bool:
        return self._loads.busy

    def show_page(self, page: int) -> None:
        if self.pages and not 1 <= page <= self.pages:
            return
        self.page_label.setText(self.tr("Page %1…").replace("%1", str(page)))
        passage = self.passage if page == self._cited_page else ""
        self._loads.submit(
            functools.partial(render_page, self.path, page, passage=passage),
            self._on_page,
            self._on_failed,
        )

    def _on_page(self, result: RenderedPage) -> None:
        self.page, self.pages = result.page, result.pages
        self.image = result.image
        self.marks = result.marks
        self._fit()
        QTimer.singleShot(0, self._scroll_to_marks)  # once the label has its new size
        self._show_page_label()
        self._update_buttons()

    def _show_page_label(self) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(self.page)).replace("%2", str(self.pages))
        )

    def _on_failed(self, code: str, detail: str) -> None:
        self.image_label.setText(error_text(code, detail))
        self.page_label.clear()

    def _fit(self) -> None:
        """The page as wide as the window (never wider than rendered)."""
        if self.image is None:
            return
        width = min(self.image.width(), max(100, self.scroll_area.viewport().width() - 4))
        pixmap = QPixmap.fromImage(self.image).scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation
        )
        if self.marks:
            factor = width / self.image.width()
            painter = QPainter(pixmap)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MARK)
            for r in self.marks:
                painter.drawRect(
                    QRectF(r.x() * factor, r.y() * factor, r.width() * factor, r.height() * factor)
                )
            painter.end()
        self.image_label.setPixmap(pixmap)

    def _scroll_to_marks(self) -> None:
        """The cited passage in view (a third from the top), else the page's top."""
        bar = self.scroll_area.verticalScrollBar()
        if not self.marks or self.image is None:
            bar.setValue(0)
            return
        factor = min(1.0, (self.scroll_area.viewport().width() - 4) / self.image.width())
        top = min(r.y() for r in self.marks) * factor
        bar.setValue(int(max(0, top - self.scroll_area.viewport().height() / 3)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _update_buttons(self) -> None:
        self.prev_button.setEnabled(self.page > 1)
        self.next_button.setEnabled(0 < self.page < self.pages)
