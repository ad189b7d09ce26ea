"""The frame and page viewers: a clicked timestamp shows that moment of the answer's video, a
clicked citation opens the PDF at its page (other files in the system's default application).

One viewer of each kind at a time: clicking in the same file moves the open viewer, another
file replaces it. The viewers' modules load on the first click, not at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from .links import CitedSource
from .messages import error_text

if TYPE_CHECKING:
    from .frame_viewer import FrameViewer
    from .page_viewer import PageViewer

log = logging.getLogger(__name__)


class AnswerLinks(Protocol):
    """What a message offers the viewers (app.chat_view.MessageWidget)."""

    video: Path | None
    sources: dict[int, CitedSource]


class ViewerController(QObject):
    """Opens, moves and replaces the frame viewer and the page viewer over `window`."""

    message = Signal(str)  # a translated one-line notice, for the status bar

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.frame_viewer: FrameViewer | None = None  # made on the first timestamp click
        self.page_viewer: PageViewer | None = None  # made on the first citation click

    def show_frame(self, widget: AnswerLinks, t: float) -> None:
        """A timestamp was clicked: show that moment of the answer's video."""
        from .frame_viewer import FrameViewer

        video = widget.video
        if video is None:  # timestamps link only in answers about a video
            log.warning("a timestamp was clicked in an answer without a video")
            return
        self.frame_viewer = _reuse_or_replace(
            self.frame_viewer,
            video,
            move=lambda viewer: viewer.seek(t),
            make=lambda: FrameViewer(video, t, parent=self._window),
        )

    def show_source(self, widget: AnswerLinks, n: int) -> None:
        """A citation was clicked: a PDF opens at its page in the app, other files outside."""
        from .page_viewer import PageViewer, open_externally

        source = widget.sources.get(n)
        if source is None:  # links are made only for known sources (app/links.py)
            log.warning("citation [%d] has no source", n)
            return
        path = Path(source.path)
        if not path.is_file():
            self.message.emit(error_text("doc_not_found", str(path)))
            return
        if path.suffix.lower() != ".pdf":
            if not open_externally(path):
                log.warning("no application opened %s", path)
            return
        page = source.page or 1
        self.page_viewer = _reuse_or_replace(
            self.page_viewer,
            path,
            move=lambda viewer: viewer.show_page(page),
            make=lambda: PageViewer(path, page, parent=self._window),
        )


V = TypeVar("V", "FrameViewer", "PageViewer")


def _reuse_or_replace(
    current: V | None, path: Path, *, move: Callable[[V], None], make: Callable[[], V]
) -> V:
    """The open viewer moved, when it shows `path`; else a new one in place of it. Shown, raised."""
    if current is not None and current.path == path:
        viewer = current
        move(viewer)
    else:
        if current is not None:
            current.close()
        viewer = make()
    viewer.show()
    viewer.raise_()
    return viewer
