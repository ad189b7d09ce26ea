"""Where a citation of a non-PDF document points: the document's text in the app, scrolled to
the cited passage and highlighted (Word, HTML, Markdown, plain text...).

The text is what the document pipeline reads from the file: parsed in its sandboxed child process
(inference.docs.sandbox, time and memory limits) on the I/O thread pool, never in the GUI. The
passage is found by its first words (fewer when a paragraph break splits them), else by its
section heading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
)

from . import i18n
from .messages import error_text
from .page_viewer import MARK, SCREEN_MARGIN, open_externally
from .workers import LatestOnly


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: str  # the heading path in force ("Terms > Definitions"), "" when none


def read_paragraphs(path: Path) -> tuple[Paragraph, ...]:
    """The document's text as parsed for indexing (in the sandboxed child). Pool thread."""
    from inference.docs.sandbox import SandboxedParser

    with SandboxedParser(timeout_s=60) as parser:
        parsed = parser.parse(Path(path))
    return tuple(Paragraph(b.text, b.heading) for b in parsed.blocks)


def find_passage(text: str, passage: str) -> tuple[int, int] | None:
    """(start, end) of `passage` in `text`, whitespace and case aside, or None.

    The whole passage is tried first (exact bounds), then its first 12, 8, 5 and 3 words (a
    passage cut short, or text changed since indexing); those end where the passage would."""
    words = re.findall(r"\S+", passage.rstrip("…"))[:60]
    for n in (len(words), 12, 8, 5, 3):
        if n > len(words) or n == 0 or len(" ".join(words[:n])) < 6:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words[:n])
        m = re.search(pattern, text, re.IGNORECASE)
        if m is not None:
            end = m.end() if n == len(words) else m.start() + len(passage.rstrip("…"))
            return m.start(), min(end, len(text))
    return None


class TextViewer(QDialog):
    """A document's text with the cited passage highlighted; "Open in default app" beside."""

    def __init__(
        self,
        path: Path,
        passage: str = "",
        heading: str = "",
        pool: QThreadPool | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.passage, self.heading = passage, heading
        self.pool = pool or QThreadPool.globalInstance()
        self.loaded = False
        self.found = False  # whether the cited passage (or its heading) was found
        self._loads = LatestOnly(self.pool)
        self.setWindowTitle(self.path.name)
        layout = QVBoxLayout(self)
        self.text_view = QTextBrowser()
        self.text_view.setOpenLinks(False)
        layout.addWidget(self.text_view, 1)
        row = QHBoxLayout()
        self.where_label = QLabel()
        self.where_label.setObjectName("hintLabel")
        row.addWidget(self.where_label, 1)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: open_externally(self.path))
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 760, 820
        if area is not None:
            width = min(width, area.width() - SCREEN_MARGIN)
            height = min(height, area.height() - SCREEN_MARGIN)
        self.resize(max(320, width), max(240, height))
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()
        self.text_view.setPlainText(self.tr("Reading %1…").replace("%1", self.path.name))
        self._loads.submit(
            functools.partial(read_paragraphs, self.path), self._on_text, self._on_failed
        )

    def retranslate_ui(self) -> None:
        """Fixed texts; run again on a language switch (app/i18n.py)."""
        self.open_button.setText(self.tr("Open in default app"))
        self.open_button.setAccessibleName(self.tr("Open the file in its default application"))
        self.close_button.setText(self.tr("Close"))
        self.text_view.setAccessibleName(self.tr("Document text"))
        self._show_where()

    @property
    def busy(self) -> bool:
        return self._loads.busy

    def cite(self, passage: str, heading: str = "") -> None:
        """Another citation of the same document: highlight that passage instead."""
        self.passage, self.heading = passage, heading
        if self.loaded:
            self._mark()

    def _on_text(self, paragraphs: tuple[Paragraph, ...]) -> None:
        """The paragraphs as a readable page: each new heading level as a title (larger the
        higher it is), a paragraph's wrapped source lines joined, space between paragraphs."""
        doc = QTextDocument(self.text_view)
        doc.setDefaultFont(self.text_view.font())
        doc.setDocumentMargin(16)
        cursor = QTextCursor(doc)
        spaced = QTextBlockFormat()
        spaced.setBottomMargin(8)
        base = self.text_view.font().pointSizeF()
        shown: list[str] = []  # the heading path on screen
        first = True

        def block(text: str, fmt: QTextCharFormat) -> None:
            nonlocal first
            if first:
                cursor.setBlockFormat(spaced)
            else:
                cursor.insertBlock(spaced)
            cursor.insertText(text, fmt)
            first = False

        for p in paragraphs:
            path = [h.strip() for h in p.heading.split(" > ") if h.strip()] if p.heading else []
            if path != shown:
                same = 0
                while same < min(len(path), len(shown)) and path[same] == shown[same]:
                    same += 1
                for depth in range(same, len(path)):
                    title = QTextCharFormat()
                    title.setFontWeight(QFont.Weight.Bold)
                    title.setFontPointSize(base * max(1.0, 1.5 - 0.2 * depth))
                    block(path[depth], title)
                shown = path
            block(" ".join(p.text.split()), QTextCharFormat())
        self.text_view.setDocument(doc)
        self.loaded = True
        self._mark()

    def _on_failed(self, code: str, detail: str) -> None:
        self.text_view.setPlainText(error_text(code, detail))

    def _mark(self) -> None:
        """Highlight the passage and scroll it into view (a third from the top)."""
        doc = self.text_view.document()
        text = doc.toPlainText()  # the same positions as the document's (a block end is "\n")
        span = find_passage(text, self.passage)
        if span is None and self.heading:
            title = self.heading.split(" > ")[-1]
            found = text.find(title)
            span = (found, found + len(title)) if found >= 0 else None
        self.found = span is not None
        selections = []
        if span is not None:
            start, end = span
            mark = QTextCursor(doc)
            mark.setPosition(start)
            mark.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = mark
            selection.format.setBackground(QColor(MARK.red(), MARK.green(), MARK.blue(), 140))
            selections.append(selection)
            at = QTextCursor(doc)
            at.setPosition(start)
            self.text_view.setTextCursor(at)
            QTimer.singleShot(0, lambda: self._scroll_to(start))
        self.text_view.setExtraSelections(selections)
        self._show_where()

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(position)
        top = self.text_view.cursorRect(cursor).top()
        bar = self.text_view.verticalScrollBar()
        bar.setValue(int(bar.value() + top - self.text_view.viewport().height() / 3))

    def _show_where(self) -> None:
        if not self.loaded:
            self.where_label.clear()
        elif self.found:
            self.where_label.setText(self.tr("The cited passage is highlighted."))
        else:
            self.where_label.setText(self.tr("The cited passage was not found in the file."))

    def marked_text(self) -> str:
        """The highlighted text (tests, and a screen reader's "what is marked")."""
        selections = self.text_view.extraSelections()
        return selections[0].cursor.selectedText() if selections else ""
