"""Streaming Markdown into a QTextDocument at a cost that does not grow with the answer.

Text is split into segments: Markdown runs (cut at blank lines) and fenced code blocks. A segment
that can no longer change is rendered once and left alone; only the open segment at the end is
re-rendered on each update. An open code block is shown as plain monospace text; it is
highlighted (pygments) once its closing fence arrives. When the answer ends, only the open
segment is closed. The price: a blank line ends a Markdown run, so a "loose" list (items
separated by blank lines) is rendered as consecutive lists; ordered ones keep their numbers.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

log = logging.getLogger(__name__)

FENCE = re.compile(r"^(```|~~~)[ \t]*([\w+#.-]*)[^\n]*$", re.MULTILINE)
COPY_SCHEME = "cairn-copy:"


@dataclass(frozen=True)
class Segment:
    kind: str  # "md" or "code"
    text: str  # Markdown source, or the code itself (without fences)
    lang: str = ""
    closed: bool = True


def split_segments(text: str, *, final: bool) -> tuple[list[Segment], int]:
    """Split `text` into segments; return them and how many characters the closed ones cover.

    With final=False the last segment may be open (closed=False) and is not counted as consumed.
    """
    segments: list[Segment] = []
    pos = 0
    while pos < len(text):
        m = FENCE.search(text, pos)
        if m is not None and m.start() == pos:
            close = re.compile(r"^" + re.escape(m.group(1)) + r"[ \t]*$", re.MULTILINE)
            body_start = m.end() + 1
            c = close.search(text, body_start) if body_start <= len(text) else None
            if c is not None and (final or c.end() < len(text)):
                end = c.end() + 1 if c.end() < len(text) else c.end()
                code = text[body_start : c.start()].rstrip("\n")
                segments.append(Segment("code", code, m.group(2)))
                pos = end
                continue
            code = text[body_start:] if body_start <= len(text) else ""
            code = code.rstrip("\n") if final else code
            segments.append(Segment("code", code, m.group(2), closed=final))
            return segments, (len(text) if final else pos)
        limit = m.start() if m is not None else len(text)
        chunk = text[pos:limit]
        if m is not None:
            segments.append(Segment("md", chunk))
            pos = limit
            continue
        if final:
            segments.append(Segment("md", chunk))
            return segments, len(text)
        cut = chunk.rfind("\n\n")
        if cut > 0:
            segments.append(Segment("md", chunk[: cut + 2]))
            pos += cut + 2
            continue
        segments.append(Segment("md", chunk, closed=False))
        return segments, pos
    return segments, pos


def highlight_html(code: str, lang: str, dark: bool) -> str:
    """Code as inline-styled HTML spans (pygments), or escaped text for unknown languages."""
    try:
        from pygments import highlight

        return highlight(code, _lexer(lang.lower()), _formatter(dark))
    except (ImportError, ValueError, LookupError):  # a nicety; never lose the code over it
        log.warning("highlighting %r code failed", lang, exc_info=True)
        return html.escape(code)


@functools.cache
def _lexer(lang: str):
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(lang or "text")
    except ClassNotFound:
        return get_lexer_by_name("text")


@functools.cache
def _formatter(dark: bool):
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(noclasses=True, nowrap=True, style="monokai" if dark else "friendly")


def warm_up() -> None:
    """Import pygments and its common lexers ahead of time (on a pool thread at start-up).

    The first highlight otherwise costs a quarter of a second on the GUI thread, mid-answer.
    """
    for dark in (False, True):
        for lang in ("python", "text", "bash", "javascript", "json", "c", "cpp", "rust", "html"):
            highlight_html("x = 1\n", lang, dark)


class MarkdownDoc:
    """Owns the rendering of one message's Markdown into `doc` (append-only while streaming)."""

    def __init__(self, doc: QTextDocument, *, dark: bool = False) -> None:
        self.doc = doc
        self.dark = dark
        self.source = ""
        self.codes: list[str] = []  # code blocks, for the copy links
        self._consumed = 0  # characters of `source` rendered for good
        self._tail_start: int | None = None  # document position where the open part begins
        self._tail_mark = 0  # len(self.codes) when the open part began
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # Rewrites a Markdown segment before it is rendered (app/links.py: clickable timestamps
        # and citations); `source` keeps the text as written.
        self.linkify: Callable[[str], str] | None = None

    def append(self, text: str) -> None:
        if not text:
            return
        self.source += text
        self._render(final=False)

    @property
    def committed_chars(self) -> int:
        """Characters of the source rendered for good (they will not be rendered again)."""
        return self._consumed

    def finish(self) -> None:
        """The answer is complete: close the open segment (costs only the open tail)."""
        self._render(final=True)
        self._consumed = len(self.source)

    def detach_tail(self) -> str:
        """Freeze this document at its last closed segment; return the open rest of the source.

        A long answer continues in a new document, so that layout and painting stay bounded.
        """
        self._drop_tail(QTextCursor(self.doc))
        rest = self.source[self._consumed :]
        self.source = self.source[: self._consumed]
        return rest

    def _render(self, *, final: bool) -> None:
        cursor = QTextCursor(self.doc)
        self._drop_tail(cursor)
        segments, consumed = split_segments(self.source[self._consumed :], final=final)
        for seg in segments:
            if not seg.closed:
                cursor.movePosition(QTextCursor.MoveOperation.End)
                self._tail_start = 0 if self.doc.isEmpty() else cursor.position()
                self._tail_mark = len(self.codes)
            self._insert(cursor, seg)
        self._consumed += consumed

    def _drop_tail(self, cursor: QTextCursor) -> None:
        if self._tail_start is None:
            return
        if self._tail_start == 0:
            self.doc.clear()
        else:
            cursor.setPosition(self._tail_start)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        del self.codes[self._tail_mark :]
        self._tail_start = None

    def _insert(self, cursor: QTextCursor, seg: Segment) -> None:
        if seg.kind == "md" and not seg.text.strip():
            return
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.doc.isEmpty():
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        if seg.kind == "md":
            start = cursor.position()
            text = seg.text.strip("\n")
            cursor.insertMarkdown(self.linkify(text) if self.linkify else text)
            _drop_empty_block_at(cursor, start)
            return
        if not seg.closed:
            fmt = QTextCharFormat()
            fmt.setFont(self._mono)
            cursor.insertText(seg.text, fmt)
            return
        self.codes.append(seg.text)
        link = QCoreApplication.translate("ChatView", "Copy code")
        label = html.escape(seg.lang) + " · " if seg.lang else ""
        cursor.insertHtml(
            f'<p style="font-size:small">{label}<a href="{COPY_SCHEME}{len(self.codes) - 1}">'
            f"{html.escape(link)}</a></p>"
        )
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        start = cursor.position()
        bg = "#272822" if self.dark else "#f3f3f3"
        family = html.escape(self._mono.family())
        cursor.insertHtml(
            f"<pre style=\"font-family:'{family}'\">"
            f"{highlight_html(seg.text, seg.lang, self.dark)}</pre>"
        )
        # one background over every line of the block (the first line included)
        cursor.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        block = QTextBlockFormat()
        block.setBackground(QColor(bg))
        cursor.mergeBlockFormat(block)
        cursor.movePosition(QTextCursor.MoveOperation.End)


def _drop_empty_block_at(cursor: QTextCursor, pos: int) -> None:
    """insertMarkdown opens a list in a new block, leaving the one at `pos` empty: remove it."""
    block = cursor.document().findBlock(pos)
    if pos > 0 and block.length() == 1 and block.next().isValid() and block.textList() is None:
        cursor.setPosition(pos - 1)
        cursor.deleteChar()
        cursor.movePosition(QTextCursor.MoveOperation.End)


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
