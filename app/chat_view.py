"""The chat view: one widget per message in a scroll area; the streamed answer is appended.

Each message renders its own Markdown (app/markdown_doc.py), so a token costs the same at the
start of a long conversation as at its end: nothing else is re-rendered.

A little over 400 lines because a message widget and the view that streams into it change
together (append, follow the end, links); the restyle of issue 16 is where MessageWidget moves out.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import i18n
from .links import CitedSource, link_citations, link_times, parse_link
from .markdown_doc import COPY_SCHEME, MarkdownDoc

log = logging.getLogger(__name__)

PIECE_CHARS = 2000  # a long answer continues in a new text document past this many characters


class AutoHeightBrowser(QTextBrowser):
    """A text browser as tall as its document: the scroll area around the chat scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 2
        if height != self.height():
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())


class MessageWidget(QFrame):
    """One turn: role, folded thinking, the Markdown body, attachments, statistics, actions."""

    copyRequested = Signal(object)
    editRequested = Signal(object)
    regenerateRequested = Signal(object)
    timeClicked = Signal(object, float)  # this widget, seconds into its video
    sourceClicked = Signal(object, int)  # this widget, source number n of "[n]"

    def __init__(
        self, role: str, message_id: int | None = None, *, dark: bool = False, parent=None
    ) -> None:
        super().__init__(parent)
        self.role = role
        self.message_id = message_id
        self.setObjectName("userMessage" if role == "user" else "assistantMessage")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)

        header = QHBoxLayout()
        self.role_label = QLabel()
        self.role_label.setStyleSheet("font-weight: bold")
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        header.addWidget(self.role_label)
        header.addWidget(self.status_label)
        header.addStretch(1)
        layout.addLayout(header)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumHeight(8)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)

        self.thinking_toggle = QToolButton()
        self.thinking_toggle.setCheckable(True)
        self.thinking_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.thinking_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.thinking_toggle.toggled.connect(self._toggle_thinking)
        self.thinking_toggle.hide()
        self.thinking_view = QPlainTextEdit()
        self.thinking_view.setReadOnly(True)
        self.thinking_view.setMaximumHeight(160)
        self.thinking_view.hide()
        layout.addWidget(self.thinking_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.thinking_view)

        self.dark = dark
        self.video: Path | None = None  # the video this answer is about (timestamps link to it)
        self.sources: dict[int, CitedSource] = {}  # n -> its source, for "[n]" links
        self._linkify = None
        self._body = QVBoxLayout()
        self._body.setSpacing(0)
        layout.addLayout(self._body)
        self.pieces: list[MarkdownDoc] = []
        self.browsers: list[AutoHeightBrowser] = []
        self._new_piece()

        self.attachments_label = QLabel()
        self.attachments_label.setWordWrap(True)
        self.attachments_label.hide()
        layout.addWidget(self.attachments_label)

        self.sources_view = AutoHeightBrowser()
        self.sources_view.setObjectName("sourcesView")
        self.sources_view.anchorClicked.connect(lambda url: self._on_anchor(None, url))
        self.sources_view.hide()
        layout.addWidget(self.sources_view)

        footer = QHBoxLayout()
        self.stats_label = QLabel()
        self.stats_label.setObjectName("statsLabel")
        self.stats_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        footer.addWidget(self.stats_label)
        footer.addStretch(1)
        self.copy_button = self._action()
        self.copy_button.clicked.connect(self.copy_text)
        footer.addWidget(self.copy_button)
        if role == "user":
            self.edit_button = self._action()
            self.edit_button.clicked.connect(lambda: self.editRequested.emit(self))
            footer.addWidget(self.edit_button)
        else:
            self.regenerate_button = self._action()
            self.regenerate_button.clicked.connect(lambda: self.regenerateRequested.emit(self))
            footer.addWidget(self.regenerate_button)
        layout.addLayout(footer)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Header, buttons and accessible names; the streamed text itself stays as written."""
        self.role_label.setText(self.tr("You") if self.role == "user" else self.tr("Assistant"))
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.thinking_toggle.setText(self.tr("Thinking"))
        self.thinking_toggle.setAccessibleName(self.tr("Show or hide the model's reasoning"))
        self.thinking_view.setAccessibleName(self.tr("Reasoning"))
        self.sources_view.setAccessibleName(self.tr("Sources"))
        for browser in self.browsers:
            browser.setAccessibleName(self.tr("Message text"))
        self._label(self.copy_button, self.tr("Copy"), self.tr("Copy this message"))
        if self.role == "user":
            self._label(self.edit_button, self.tr("Edit"), self.tr("Edit and resend this message"))
        else:
            self._label(
                self.regenerate_button, self.tr("Regenerate"), self.tr("Write this answer again")
            )

    @staticmethod
    def _action() -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        return button

    @staticmethod
    def _label(button: QToolButton, text: str, accessible: str) -> None:
        button.setText(text)
        button.setToolTip(accessible)
        button.setAccessibleName(accessible)

    # content

    @property
    def body(self) -> AutoHeightBrowser:
        """The first text browser (a long answer continues in more of them)."""
        return self.browsers[0]

    @property
    def markdown(self) -> MarkdownDoc:
        return self.pieces[-1]

    @property
    def text(self) -> str:
        return "".join(p.source for p in self.pieces)

    @property
    def rendered_text(self) -> str:
        return "\n".join(b.toPlainText() for b in self.browsers if not b.document().isEmpty())

    @property
    def thinking(self) -> str:
        return self.thinking_view.toPlainText()

    def _new_piece(self) -> MarkdownDoc:
        browser = AutoHeightBrowser()
        browser.setAccessibleName(self.tr("Message text"))
        doc = MarkdownDoc(browser.document(), dark=self.dark)
        doc.linkify = self._linkify
        browser.anchorClicked.connect(lambda url, d=doc: self._on_anchor(d, url))
        self._body.addWidget(browser)
        self.browsers.append(browser)
        self.pieces.append(doc)
        return doc

    def append(self, text: str, thinking: str = "") -> None:
        if thinking:
            if self.thinking_toggle.isHidden():
                self.thinking_toggle.show()
            cursor = self.thinking_view.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(thinking)
        if text:
            piece = self.pieces[-1]
            piece.append(text)
            if piece.committed_chars >= PIECE_CHARS:
                rest = piece.detach_tail()
                self._new_piece().append(rest)

    def set_content(self, text: str, thinking: str = "") -> None:
        """Show a finished message (from history): rendered in pieces like a streamed one."""
        self.thinking_view.setPlainText(thinking)
        self.thinking_toggle.setVisible(bool(thinking))
        for browser in self.browsers[1:]:
            self._body.removeWidget(browser)
            browser.deleteLater()
        del self.browsers[1:], self.pieces[1:]
        self.browsers[0].clear()
        self.pieces[0] = MarkdownDoc(self.browsers[0].document(), dark=self.dark)
        self.pieces[0].linkify = self._linkify
        step = PIECE_CHARS // 2
        for i in range(0, len(text), step):
            self.append(text[i : i + step])
        self.finish()

    def finish(self) -> None:
        self.pieces[-1].finish()

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_progress(self, done: float, total: float | None) -> None:
        """A thin bar under the header: determinate with a total, busy without one."""
        if total:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * min(1.0, max(0.0, done / total))))
        else:
            self.progress_bar.setRange(0, 0)
        self.progress_bar.show()

    def hide_progress(self) -> None:
        self.progress_bar.hide()

    # links: timestamps into a video, citations into documents

    def set_video(self, path: Path, duration_s: float | None = None) -> None:
        """Timestamps in this answer become links that show the video at that time."""
        self.video = Path(path)
        self._set_linkify(functools.partial(link_times, duration_s=duration_s))

    def set_sources(self, sources: Iterable[CitedSource]) -> None:
        """The numbered sources the answer was written from (inference.docs Source records)."""
        self.sources = {s.n: s for s in sources}
        self._set_linkify(functools.partial(link_citations, numbers=set(self.sources)))

    def _set_linkify(self, fn) -> None:
        self._linkify = fn
        for piece in self.pieces:
            piece.linkify = fn

    def show_sources(self, numbers: list[int]) -> None:
        """List the sources `numbers` under the answer ("[n] file, page p"), each a link."""
        rows = []
        for n in sorted(numbers):
            source = self.sources.get(n)
            if source is None:
                continue
            name = Path(source.path).name
            if source.page is None:
                label = self.tr("[%1] %2").replace("%1", str(n)).replace("%2", name)
            else:
                label = (
                    self.tr("[%1] %2, page %3")
                    .replace("%1", str(n))
                    .replace("%2", name)
                    .replace("%3", str(source.page))
                )
            rows.append(f'<a href="cairn-cite:{n}">{html.escape(label)}</a>')
        if rows:
            title = html.escape(self.tr("Sources"))
            self.sources_view.setHtml(f"<p><b>{title}</b><br>" + "<br>".join(rows) + "</p>")
        self.sources_view.setVisible(bool(rows))

    def set_stats(self, text: str) -> None:
        self.stats_label.setText(text)

    def set_attachments(self, names: list[str]) -> None:
        if names:
            self.attachments_label.setText(self.tr("Attached: %1").replace("%1", ", ".join(names)))
        self.attachments_label.setVisible(bool(names))

    def set_actions_enabled(self, enabled: bool) -> None:
        for name in ("edit_button", "regenerate_button"):
            button = getattr(self, name, None)
            if button is not None:
                button.setEnabled(enabled)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copyRequested.emit(self)

    def _toggle_thinking(self, shown: bool) -> None:
        self.thinking_view.setVisible(shown)
        self.thinking_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _on_anchor(self, doc: MarkdownDoc | None, url: QUrl) -> None:
        href = url.toString()
        link = parse_link(href)
        if link is not None:
            kind, value = link
            if kind == "time" and self.video is not None:
                self.timeClicked.emit(self, value)
            elif kind == "cite" and int(value) in self.sources:
                self.sourceClicked.emit(self, int(value))
        elif doc is not None and href.startswith(COPY_SCHEME):
            try:
                QGuiApplication.clipboard().setText(doc.codes[int(href[len(COPY_SCHEME) :])])
            except (ValueError, IndexError):  # a link the document never made
                log.warning("unknown copy link %r", href)


class ChatView(QScrollArea):
    """The list of messages; follows the end while the user has not scrolled away from it."""

    timeClicked = Signal(object, float)  # a message widget, seconds (see MessageWidget)
    sourceClicked = Signal(object, int)  # a message widget, source number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dark = False
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Conversation"))
        i18n.on_language_change(self, lambda: self.setAccessibleName(self.tr("Conversation")))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(8, 8, 8, 8)
        self._layout.setSpacing(8)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self._follow = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range)

    def messages(self) -> list[MessageWidget]:
        out = []
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, MessageWidget):
                out.append(w)
        return out

    def add_message(self, role: str, message_id: int | None = None) -> MessageWidget:
        widget = MessageWidget(role, message_id, dark=self.dark)
        widget.timeClicked.connect(self.timeClicked)
        widget.sourceClicked.connect(self.sourceClicked)
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._follow = True
        return widget

    def remove_from(self, widget: MessageWidget) -> None:
        """Remove `widget` and every message after it."""
        found = False
        for w in self.messages():
            found = found or w is widget
            if found:
                self._layout.removeWidget(w)
                w.deleteLater()

    def clear(self) -> None:
        for w in self.messages():
            self._layout.removeWidget(w)
            w.deleteLater()

    def last(self) -> MessageWidget | None:
        msgs = self.messages()
        return msgs[-1] if msgs else None

    def _on_scrolled(self, value: int) -> None:
        self._follow = value >= self.verticalScrollBar().maximum() - 4

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)
