"""The "Sources" list under a document answer: one row per place, saying where it is (page,
section), so that two sources never read the same ("[3] artistic-license.html" and
"[4] artistic-license.html" did): sources at the same place of the same file share a row,
"[3, 4] artistic-license.html", each number a link of its own to its passage. Worded here,
translated, and built again on a language switch by whoever shows it (app/message_widget.py).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .links import CITE_SCHEME, CitedSource

OPENING_WORDS = 8  # of the passage, where its words are shown


def _opening(snippet: str, words: int = OPENING_WORDS) -> str:
    parts = snippet.rstrip("…").split()
    text = " ".join(parts[:words])
    return text + ("…" if len(parts) > words or snippet.endswith("…") else "")


def where(source: CitedSource, *, opening: bool = False) -> str:
    """Where a source is in its file: "report.pdf, page 3", "guide.md, section “Install”",
    "notes.txt"; with `opening`, the passage's first words after it (a tooltip's words)."""
    name = Path(source.path).name
    page = source.page
    heading = str(getattr(source, "heading", "") or "").split(" > ")[-1].strip()
    snippet = str(getattr(source, "snippet", "") or "")
    if page is not None and heading:
        text = (
            QCoreApplication.translate("Sources", "%1, page %2, section “%3”")
            .replace("%1", name)
            .replace("%2", str(page))
            .replace("%3", heading)
        )
    elif page is not None:
        text = (
            QCoreApplication.translate("Sources", "%1, page %2")
            .replace("%1", name)
            .replace("%2", str(page))
        )
    elif heading:
        text = (
            QCoreApplication.translate("Sources", "%1, section “%2”")
            .replace("%1", name)
            .replace("%2", heading)
        )
    else:
        text = name
    if opening and snippet:
        text = (
            QCoreApplication.translate("Sources", "%1: “%2”")
            .replace("%1", text)
            .replace("%2", _opening(snippet))
        )
    return text


def rows(sources: Mapping[int, CitedSource], numbers: Iterable[int]) -> list[tuple[list[int], str]]:
    """(the numbers of a row, where they point), in order of their first number: numbers
    pointing at the same place (file, page, section) share a row."""
    groups: dict[str, list[int]] = {}
    for n in sorted({n for n in numbers if n in sources}):
        groups.setdefault(where(sources[n]), []).append(n)
    return sorted(((ns, text) for text, ns in groups.items()), key=lambda row: row[0][0])


def sources_html(sources: Mapping[int, CitedSource], numbers: Iterable[int]) -> str:
    """The list as rich text: a title, then a row per place, each number a link."""
    lines = []
    for ns, text in rows(sources, numbers):
        links = ", ".join(
            f'<a href="{CITE_SCHEME}{n}" title="{html.escape(where(sources[n], opening=True))}">'
            f"{n}</a>"
            for n in ns
        )
        label = html.escape(text)
        lines.append(f'[{links}] <a href="{CITE_SCHEME}{ns[0]}">{label}</a>')
    if not lines:
        return ""
    title = QCoreApplication.translate("Sources", "Sources")
    return f"<p><b>{html.escape(title)}</b><br>" + "<br>".join(lines) + "</p>"
