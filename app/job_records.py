"""What the jobs yield to the GUI besides chunks, and the intents the window asks them for.

Light on purpose: the widgets (chat_session, main_window) read these records, while the jobs
that make them (app/jobs.py) reach the engines and the document pipeline and are wired in by
app/backend.py, so no widget imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SUMMARY = "summary"
DOCS = "docs"


def summary_intent(detail: str) -> str:
    """The intent of the Summarize button with the chosen detail ("summary:quick")."""
    return f"{SUMMARY}:{detail}"


@dataclass(frozen=True)
class SourceRef:
    """A numbered source of a document answer, as the GUI keeps it (no text)."""

    n: int
    path: Path
    page: int | None
    heading: str = ""  # the section the passage is in, when the format has headings
    snippet: str = ""  # the start of the passage: labels it, and the text viewer finds it


@dataclass(frozen=True)
class DocSources:
    """Yielded by the document job before the answer's text: what "[n]" will refer to."""

    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class DocReply:
    """The document job's answer when no model call was needed (a reply code, e.g. nothing
    relevant in the documents); the GUI words it."""

    code: str
    detail: str = ""
