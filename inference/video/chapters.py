"""Timestamps in text: formatting them, and reading chapters back out of a model's answer.

The prompt asks for one strict line per chapter, "mm:ss – Title: one line"; small models drift
(bullets, bold, brackets, ranges, hyphens for dashes, hours), so the parser is tolerant.
"""

from __future__ import annotations

import re

from .types import Chapter

_TIME = r"(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,3}):(?P<s>\d{2})(?:\.\d+)?"
_CHAPTER_LINE = re.compile(
    r"^\s*(?:[-*•>]+\s*|\d{1,3}[.)]\s+)?"  # a bullet or a list number
    r"[\[(*_]*\s*" + _TIME + r"\s*[\])*_]*"  # the start time, maybe bracketed or bold
    r"(?:\s*(?:-|–|—|to)\s*[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?)?"  # an optional end time
    r"\s*(?:[-–—:|.)]+\s*|\s+)(?P<rest>\S.*)$"
)
_TITLE_SPLIT = re.compile(r"\s*(?::|\s[-–—]\s)\s*")


def format_timestamp(seconds: float) -> str:
    """mm:ss, or h:mm:ss from one hour on."""
    total = max(0, int(seconds))
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def parse_timestamp(text: str) -> float | None:
    """Seconds from "mm:ss" or "h:mm:ss" (None if it is not one)."""
    match = re.fullmatch(r"\s*" + _TIME + r"\s*", text)
    if not match:
        return None
    return _seconds(match)


def _seconds(match: re.Match[str]) -> float | None:
    h = int(match.group("h") or 0)
    m = int(match.group("m"))
    s = int(match.group("s"))
    if s >= 60 or (match.group("h") and m >= 60):
        return None
    return float(h * 3600 + m * 60 + s)


def parse_chapters(text: str, *, duration_s: float | None = None) -> tuple[Chapter, ...]:
    """Chapters found in `text`, one per line that starts with a timestamp, in time order.

    Lines with a time beyond `duration_s` (when given) are dropped, as are repeated times.
    """
    chapters: dict[float, Chapter] = {}
    for raw in text.splitlines():
        match = _CHAPTER_LINE.match(raw)
        if not match:
            continue
        t = _seconds(match)
        if t is None or (duration_s is not None and t > duration_s + 1.0) or t in chapters:
            continue
        rest = _clean(match.group("rest"))
        if not rest:
            continue
        parts = _TITLE_SPLIT.split(rest, maxsplit=1)
        title = _clean(parts[0])
        line = _clean(parts[1]) if len(parts) > 1 else ""
        if not title:
            title, line = line, ""
        chapters[t] = Chapter(t=t, title=title, line=line)
    return tuple(sorted(chapters.values(), key=lambda c: c.t))


def _clean(text: str) -> str:
    return text.strip().strip("*_\"'`").strip()
