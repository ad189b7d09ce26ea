"""One message of the chat: the user's as a bubble, the assistant's as plain text, with icon
buttons (copy, edit, regenerate, earlier versions) that show on hover or keyboard focus.

A long answer is rendered in several pieces (PIECE_CHARS each, app/markdown_doc.py), so a token
costs the same at the start of a long conversation as at its end.

About 500 lines because the message is one widget with one look: its layout, streaming into
pieces, links (timestamps, citations) and the action buttons change together.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import i18n, icons
from .attachment_chips import ChipRow
from .links import CitedSource, link_citations, link_times, parse_link
from .markdown_doc import COPY_SCHEME, MarkdownDoc

log = logging.getLogger(__name__)

PIECE_CHARS = 2000  # a long answer continues in a new text document past this many characters
BUBBLE_SHARE = 0.8  # a user's bubble takes at most this share of the reading column
COPIED_MS = 1600  # how long the copy button says "Copied"


class AutoHeightBrowser(QTextBrowser):
    """A text browser as tall as its document: the scroll area around the chat scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setOpenLinks(False)
        # out of the Tab chain (Tab would walk its links and never leave); the message's
        # buttons are in it, and a click still selects text
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setTabChangesFocus(True)
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
    """One turn: folded thinking, the Markdown body, attachments, sources, statistics, actions."""

    copyRequested = Signal(object)
    editRequested = Signal(object)
    regenerateRequested = Signal(object)
    versionRequested = Signal(object, int)  # this widget, index of the version to show
    timeClicked = Signal(object, float)  # this widget, seconds into its video
    sourceClicked = Signal(object, int)  # this widget, source number n of "[n]"

    def __init__(
        self, role: str, message_id: int | None = None, *, dark: bool = False, parent=None
    ) -> None:
        super().__init__(parent)
        self.role = role
        self.message_id = message_id
        user = role == "user"
        self.setObjectName("userMessage" if user else "assistantMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)

        # the part with a background: a bubble for the user, nothing for the assistant
        self.bubble = QFrame()
        self.bubble.setObjectName("userBubble" if user else "assistantBody")
        inner = QVBoxLayout(self.bubble)
        inner.setContentsMargins(*((12, 8, 12, 8) if user else (0, 0, 0, 0)))
        inner.setSpacing(4)
        if user:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addStretch(1)
            row.addWidget(self.bubble)
            layout.addLayout(row)
        else:
            layout.addWidget(self.bubble)

        header = QHBoxLayout()
        self.role_label = QLabel()  # read by screen readers; the look says who wrote what
        self.role_label.setObjectName("roleLabel")
        self.role_label.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        header.addWidget(self.role_label)
        header.addWidget(self.status_label, 1)
        inner.addLayout(header)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumHeight(6)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        inner.addWidget(self.progress_bar)

        self.thinking_toggle = QToolButton()
        self.thinking_toggle.setCheckable(True)
        self.thinking_toggle.setAutoRaise(True)
        self.thinking_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.thinking_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.thinking_toggle.toggled.connect(self._toggle_thinking)
        self.thinking_toggle.hide()
        self.thinking_view = QPlainTextEdit()
        self.thinking_view.setObjectName("thinkingView")
        self.thinking_view.setReadOnly(True)
        self.thinking_view.setMaximumHeight(160)
        self.thinking_view.hide()
        inner.addWidget(self.thinking_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.thinking_view)

        self.attachments = ChipRow(removable=False)
        inner.addWidget(self.attachments)

        self.dark = dark
        self.video: Path | None = None  # the video this answer is about (timestamps link to it)
        self.sources: dict[int, CitedSource] = {}  # n -> its source, for "[n]" links
        self._linkify = None
        self._body = QVBoxLayout()
        self._body.setSpacing(0)
        inner.addLayout(self._body)
        self.pieces: list[MarkdownDoc] = []
        self.browsers: list[AutoHeightBrowser] = []
        self._new_piece()

        self.sources_view = AutoHeightBrowser()
        self.sources_view.setObjectName("sourcesView")
        self.sources_view.anchorClicked.connect(lambda url: self._on_anchor(None, url))
        self.sources_view.hide()
        inner.addWidget(self.sources_view)

        # icon buttons: faint until the pointer or the keyboard focus is on the message
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.setSpacing(2)
        self.action_bar = QWidget()
        self.action_bar.setObjectName("messageActions")
        row_actions = QHBoxLayout(self.action_bar)
        row_actions.setContentsMargins(0, 0, 0, 0)
        row_actions.setSpacing(0)
        self.copy_button = self._action()
        self.copy_button.clicked.connect(self.copy_text)
        row_actions.addWidget(self.copy_button)
        self.versions = QWidget()
        nav = QHBoxLayout(self.versions)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(0)
        self.prev_button = self._action()
        self.prev_button.clicked.connect(lambda: self._step_version(-1))
        self.version_label = QLabel()
        self.version_label.setObjectName("statsLabel")
        self.next_button = self._action()
        self.next_button.clicked.connect(lambda: self._step_version(1))
        for w in (self.prev_button, self.version_label, self.next_button):
            nav.addWidget(w)
        self.versions.hide()
        self.version_index = 0
        self.version_count = 1
        if user:
            self.edit_button = self._action()
            self.edit_button.clicked.connect(lambda: self.editRequested.emit(self))
            row_actions.addWidget(self.edit_button)
        else:
            self.regenerate_button = self._action()
            self.regenerate_button.clicked.connect(lambda: self.regenerateRequested.emit(self))
            row_actions.addWidget(self.regenerate_button)
            row_actions.addWidget(self.versions)
        self.stats_label = QLabel()
        self.stats_label.setObjectName("statsLabel")
        self.stats_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if user:
            footer.addStretch(1)
            footer.addWidget(self.action_bar)
        else:
            footer.addWidget(self.action_bar)
            footer.addStretch(1)
            footer.addWidget(self.stats_label)
        layout.addLayout(footer)
        self._fade = QGraphicsOpacityEffect(self.action_bar)
        self.action_bar.setGraphicsEffect(self._fade)
        self.set_hovered(False)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.timeout.connect(self._end_copied)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()
        self.restyle()

    def retranslate_ui(self) -> None:
        """Buttons and accessible names; the streamed text itself stays as written."""
        who = self.tr("You") if self.role == "user" else self.tr("Assistant")
        self.role_label.setText(who)
        self.setAccessibleName(who)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.thinking_toggle.setText(self.tr("Thinking"))
        self.thinking_toggle.setAccessibleName(self.tr("Show or hide the model's reasoning"))
        self.thinking_view.setAccessibleName(self.tr("Reasoning"))
        self.sources_view.setAccessibleName(self.tr("Sources"))
        for browser in self.browsers:
            browser.setAccessibleName(self.tr("Message text"))
        if self._copied_shown():
            self.copy_button.setText(self.tr("Copied"))
        else:
            self._label(self.copy_button, self.tr("Copy"), self.tr("Copy this message"))
        if self.role == "user":
            self._label(self.edit_button, self.tr("Edit"), self.tr("Edit and resend this message"))
        else:
            self._label(
                self.regenerate_button, self.tr("Regenerate"), self.tr("Write this answer again")
            )
        self._label(self.prev_button, self.tr("Previous"), self.tr("Show the previous version"))
        self._label(self.next_button, self.tr("Next"), self.tr("Show the next version"))
        self._show_version_label()
        self._rewords()

    def _rewords(self) -> None:
        """Statistics, status and sources again in the new language (app/source_list.py)."""
        for attr, label in (("_stats_words", "stats_label"), ("_status_words", "status_label")):
            words = getattr(self, attr, None)
            if callable(words):
                getattr(self, label).setText(words())
        if getattr(self, "_shown_sources", None):
            self.show_sources(self._shown_sources)

    def restyle(self) -> None:
        """Icons in the current palette's colour (after a theme switch too)."""
        self.copy_button.setIcon(icons.icon("check" if self._copied_shown() else "copy", size=16))
        if self.role == "user":
            self.edit_button.setIcon(icons.icon("edit", size=16))
        else:
            self.regenerate_button.setIcon(icons.icon("regenerate", size=16))
        self.prev_button.setIcon(icons.icon("prev", size=14))
        self.next_button.setIcon(icons.icon("next", size=14))

    @staticmethod
    def _action() -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setIconSize(QSize(16, 16))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    @staticmethod
    def _label(button: QToolButton, text: str, accessible: str) -> None:
        button.setText(text)
        button.setToolTip(accessible)
        button.setAccessibleName(accessible)

    # hover and focus

    def focus_chain(self) -> list[QWidget]:
        """The message's buttons in Tab order (hidden ones are skipped by Qt)."""
        chain: list[QWidget] = [self.thinking_toggle, self.copy_button]
        if self.role == "user":
            chain.append(self.edit_button)
        else:
            chain += [self.regenerate_button, self.prev_button, self.next_button]
        return chain

    def set_hovered(self, on: bool) -> None:
        """Show the action buttons fully (pointer or focus on the message) or faintly."""
        self._fade.setOpacity(1.0 if on else 0.0)
        self.action_bar.setProperty("shown", on)

    def actions_shown(self) -> bool:
        return bool(self.action_bar.property("shown"))

    def enterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.set_hovered(True)
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        focus = QGuiApplication.focusObject()
        inside = isinstance(focus, QWidget) and self.isAncestorOf(focus)
        self.set_hovered(inside)
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.role == "user":
            self._fit_bubble()

    def _fit_bubble(self) -> None:
        """As wide as the text needs, at most BUBBLE_SHARE of the column."""
        fm = self.fontMetrics()
        lines = self.text.splitlines() or [""]
        need = max(fm.horizontalAdvance(line) for line in lines) + 24 + 12
        if self.attachments.chips:
            need = max(need, self.attachments.sizeHint().width() + 24)
        width = max(60, min(need, int(self.width() * BUBBLE_SHARE)))
        if self.bubble.width() != width:
            self.bubble.setFixedWidth(width)

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
        if self.role == "user":
            self._fit_bubble()

    def set_status(self, text: str | Callable[[], str], *, error: bool = False) -> None:
        """The status line: a text, or a function making it again on a language switch;
        why an answer failed shows as an error (in red)."""
        self._status_words = text
        shown = text() if callable(text) else text
        self.status_label.setText(shown)
        self.status_label.setVisible(bool(shown))
        if bool(self.status_label.property("error")) != error:
            self.status_label.setProperty("error", error)
            self.status_label.style().unpolish(self.status_label)
            self.status_label.style().polish(self.status_label)

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
        """List the sources `numbers` under the answer, a row per place (app/source_list.py)."""
        from .source_list import sources_html

        self._shown_sources = list(numbers)
        text = sources_html(self.sources, numbers)
        if text:
            self.sources_view.setHtml(text)
        self.sources_view.setVisible(bool(text))

    def set_stats(self, text: str | Callable[[], str]) -> None:
        """The statistics line: a text, or a function making it again on a language switch."""
        self._stats_words = text
        self.stats_label.setText(text() if callable(text) else text)

    def set_attachments(self, items: list[tuple[Path, str]]) -> None:
        """What went with the message, as chips with thumbnails."""
        self.attachments.set_items(items)
        if self.role == "user":
            self._fit_bubble()

    def set_actions_enabled(self, enabled: bool) -> None:
        for name in ("edit_button", "regenerate_button", "prev_button", "next_button"):
            button = getattr(self, name, None)
            if button is not None:
                button.setEnabled(enabled)

    # earlier versions of a regenerated answer

    def set_versions(self, count: int, index: int) -> None:
        """This answer has `count` versions and shows number `index` (0-based); "2/3"."""
        self.version_count = max(1, count)
        self.version_index = min(max(0, index), self.version_count - 1)
        self.versions.setVisible(self.version_count > 1)
        self._show_version_label()

    def _show_version_label(self) -> None:
        self.version_label.setText(f"{self.version_index + 1}/{self.version_count}")
        self.version_label.setAccessibleName(
            self.tr("Version %1 of %2")
            .replace("%1", str(self.version_index + 1))
            .replace("%2", str(self.version_count))
        )

    def _step_version(self, step: int) -> None:
        target = self.version_index + step
        if 0 <= target < self.version_count:
            self.versionRequested.emit(self, target)

    # copying

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy_button.setText(self.tr("Copied"))
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.copy_button.setIcon(icons.icon("check", size=16))
        self._copied.start(COPIED_MS)
        self.set_hovered(True)  # "Copied" is seen after Ctrl+Shift+C too
        self.copyRequested.emit(self)

    def _copied_shown(self) -> bool:
        timer = getattr(self, "_copied", None)
        return timer is not None and timer.isActive()

    def _end_copied(self) -> None:
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        focus = QGuiApplication.focusObject()
        inside = isinstance(focus, QWidget) and self.isAncestorOf(focus)
        self.set_hovered(self.underMouse() or inside)
        self.retranslate_ui()
        self.restyle()

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
