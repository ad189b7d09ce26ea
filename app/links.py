"""Clickable timestamps and citations in an answer's Markdown.

An answer about a video says "00:42" or "1:02:03"; an answer from documents says "[2]". Before a
Markdown segment is rendered they become links with private schemes (the stored text is left
as the model wrote it), and the chat view turns a click into "show that frame" or "open that
page". Code spans are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

TIME_SCHEME = "cairn-time:"
CITE_SCHEME = "cairn-cite:"

# mm:ss or h:mm:ss, not part of a longer number, a path or an existing link
_TIME = re.compile(r"(?<![\w:/.])(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)(?![\w:])(?!\]\()")
# [1], [1, 3], [2-4]; never the text of an existing Markdown link "[1](...)"
_CITE = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+|\s*[-–]\s*\d+)*)\s*\](?!\()")
_MAX_RANGE = 20


class CitedSource(Protocol):
    """A numbered source of a document answer, as a message keeps it for its "[n]" links
    (app.jobs.SourceRef; inference.docs' Source has the same fields)."""

    @property
    def n(self) -> int: ...

    @property
    def path(self) -> Path | str: ...

    @property
    def page(self) -> int | None: ...


def seconds(h: str | None, m: str, s: str) -> int | None:
    hours, minutes = int(h or 0), int(m)
    if h and minutes >= 60:
        return None
    return hours * 3600 + minutes * 60 + int(s)


def _outside_code(text: str, fn) -> str:
    """Apply fn to the parts of `text` that are not `inline code`."""
    parts = text.split("`")
    return "`".join(fn(p) if i % 2 == 0 else p for i, p in enumerate(parts))


# a line that starts with a time ("00:42 – Title: ..."), maybe bold or bracketed, not yet a list
_CHAPTER_LINE = re.compile(
    r"^([ \t]*)(?![-*+] )(?=[\[(*_]*\s*(?:\d{1,2}:)?\d{1,3}:[0-5]\d)", re.MULTILINE
)


def link_times(text: str, duration_s: float | None = None) -> str:
    """Timestamps as [mm:ss](cairn-time:SECONDS); times past the video's end stay plain.

    Chapter lines (lines starting with a time) become list items, so that each keeps its own
    line instead of running together as one Markdown paragraph.
    """

    def repl(m: re.Match[str]) -> str:
        t = seconds(m.group(1), m.group(2), m.group(3))
        if t is None or (duration_s is not None and t > duration_s + 1.0):
            return m.group(0)
        return f"[{m.group(0)}]({TIME_SCHEME}{t})"

    text = _CHAPTER_LINE.sub("- ", text)
    return _outside_code(text, lambda part: _TIME.sub(repl, part))


def link_citations(text: str, numbers: set[int]) -> str:
    """[n] as a link (cairn-cite:n) for each n in `numbers`; other brackets stay as they are."""

    def repl(m: re.Match[str]) -> str:
        items = re.split(r"\s*[,;]\s*", m.group(1))
        out = []
        for item in items:
            bounds = re.split(r"\s*[-–]\s*", item)
            if len(bounds) == 2:
                a, b = int(bounds[0]), int(bounds[1])
                if a <= b and b - a <= _MAX_RANGE and all(n in numbers for n in (a, b)):
                    out.append(f"[{a}]({CITE_SCHEME}{a})–[{b}]({CITE_SCHEME}{b})")
                    continue
                return m.group(0)
            n = int(bounds[0])
            if n not in numbers:
                return m.group(0)
            out.append(f"[{n}]({CITE_SCHEME}{n})")
        if len(items) == 1 and "–" not in out[0]:  # "[3]": the brackets are the link too
            return f"[\\[{items[0].strip()}\\]]({CITE_SCHEME}{int(items[0])})"
        return "\\[" + ", ".join(out) + "\\]"

    return _outside_code(text, lambda part: _CITE.sub(repl, part))


def parse_link(href: str) -> tuple[str, float] | None:
    """("time", seconds) or ("cite", n) for one of our links, None for anything else."""
    for kind, scheme in (("time", TIME_SCHEME), ("cite", CITE_SCHEME)):
        if href.startswith(scheme):
            try:
                return kind, float(href[len(scheme) :])
            except ValueError:
                return None
    return None
