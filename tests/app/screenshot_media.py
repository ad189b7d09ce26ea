"""Render docs/screenshot-video.png and docs/screenshot-docs.png (offscreen, a scripted engine).

    .venv/bin/python tests/app/screenshot_media.py [out_dir] [--dark]

Not a test: a look at a video summary with chapters and a document answer with sources, as a
person would see them. The answers are streamed through the real engine thread, the real video
sampling and the real document index by a scripted engine (no model weights here), so their
words are written in advance. The frame viewer and the page viewer are separate windows; each
is drawn into the corner of its picture so that one image shows the whole flow.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

VIDEO_ANSWER = """A cyclist prepares a road bike in a workshop, rides it through town and along \
the coast, then stops at a harbour café.

Chapters:
00:00 – Workshop: the bike is checked and the tyres pumped
00:40 – Through town: riding past shops and a market
01:25 – Coast road: a long stretch beside the sea
02:10 – Harbour: the rider stops at a café by the boats
"""

DOC_ANSWER = """The lighthouse keeper **Adelina Vorster** painted the tower crimson in 1911 [2]. \
She asked for the colour so that ships could see the tower against the grey cliffs in \
daylight [1][3]."""

PAGES = [
    "Harbour Heritage Survey 2024\nPrepared for the Kettleby Town Council.\nThis survey records "
    "the history and condition of the harbour buildings: the lighthouse, the customs house, the "
    "fish market and the old boat sheds.",
    "The customs house dates from 1842. Its slate roof was replaced in 1990 and the timber "
    "windows were restored in 2015. The building now holds the harbour museum.",
    "The lighthouse. The tower was built in 1878 of local granite. The lighthouse keeper "
    "Adelina Vorster painted the tower crimson in 1911, the first time it had been painted.",
    "Why red? Council minutes of 1911 say the keeper chose crimson so that ships could see the "
    "tower against the grey cliffs in daylight. The lamp was electrified in 1936.",
    "Maintenance. The tower has been repainted in the same crimson every ten years since 1921; "
    "the last repaint was in 2021. The lantern glass was replaced in 2019.",
]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    out_dir = Path(args[0]) if args else ROOT / "docs"
    from PySide6.QtCore import QCoreApplication, QPoint
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.qt_compat import guard_refcount_leaks
    from app.settings import Settings
    from inference.paths import data_dirs
    from inference.records import Modality
    from tests.app.conftest import FakeEngine, FakeStore
    from tests.docs import docs_fixtures as F
    from tests.video.conftest import write_video

    guard_refcount_leaks()
    app = QApplication([])
    dark = theme.apply(app, "dark" if "--dark" in sys.argv else "light")
    home = Path(tempfile.mkdtemp(prefix="cairn-shot-"))
    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()

    def wait(cond, ms=20000):
        end = time.monotonic() + ms / 1000
        while not cond() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    def window(answer: str):
        tokens = [answer[i : i + 4] for i in range(0, len(answer), 4)]
        engine = FakeEngine(tokens=tokens, delay=0.025, first_delay=0.5)
        engine.capabilities = frozenset({Modality.TEXT, Modality.IMAGE, Modality.VIDEO})
        engine.model_name, engine.name = "Qwen3.5-2B-Q4_K_M", "llamacpp"
        w = MainWindow(
            dirs,
            Settings(dirs.config),
            backend=make_backend(dirs, opener=lambda ref, eng: engine),
            model_store=FakeStore(dirs.models, ready=("qwen3.5-2b-gguf-q4_k_m",)),
            dark=dark,
        )
        w.resize(1280, 800)
        w.show()
        wait(lambda: w.models.loaded is not None)
        return w

    def save(w, dialog, name: str) -> bool:
        wait(lambda: False, 300)
        shot = w.grab()
        if dialog is not None:  # drawn over the empty part of the chat, with a frame
            wait(lambda: False, 200)
            inset = dialog.grab()
            chat = w.chat_view.mapTo(w, QPoint(0, 0))
            last = w.chat_view.last()
            top = last.mapTo(w, QPoint(0, last.height())).y() + 16
            corner = QPoint(chat.x() + 40, top)
            painter = QPainter(shot)
            painter.setPen(QColor("#888888"))
            painter.fillRect(
                corner.x() + 5, corner.y() + 5, inset.width(), inset.height(), QColor(0, 0, 0, 40)
            )
            painter.drawPixmap(corner, inset)
            painter.drawRect(corner.x() - 1, corner.y() - 1, inset.width() + 1, inset.height() + 1)
            painter.end()
        path = out_dir / name
        ok = shot.save(str(path))
        print(f"{'wrote' if ok else 'FAILED to write'} {path}")
        return ok

    out_dir.mkdir(parents=True, exist_ok=True)
    video = home / "bike ride.avi"
    scenes = [
        (40.0, (120, 90, 60)),
        (45.0, (60, 120, 170)),
        (45.0, (40, 110, 200)),
        (30.0, (200, 170, 90)),
    ]
    write_video(video, scenes, fps=2, size=(160, 120))
    w = window(VIDEO_ANSWER)
    w.media.add_paths([video])
    wait(lambda: "2:40" in w.media.list.item(0).text())
    w.summarize_video(video)
    wait(lambda: not w.session.busy)
    w.viewers.show_frame(w.chat_view.last(), 85.0)  # as a click on "01:25" does
    wait(lambda: w.viewers.frame_viewer.frame is not None)
    w.viewers.frame_viewer.resize(560, 380)
    ok = save(w, w.viewers.frame_viewer, "screenshot-video.png")
    w.close()

    folder = home / "Harbour survey"
    folder.mkdir()
    F.write_pdf(folder / "harbour-survey.pdf", PAGES)
    (folder / "minutes-1911.txt").write_text(
        "Council minutes, 1911.\n\nThe keeper asked that the lighthouse be painted crimson.\n",
        encoding="utf-8",
    )
    (folder / "scan-2019.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)  # damaged
    w = window(DOC_ANSWER)
    w.docs.add([folder])
    wait(lambda: not w.docs.busy and w.docs.ready_count() == 2 and w.docs.reasons)
    w.send("Who painted the lighthouse tower red, and why?")
    wait(lambda: not w.session.busy)
    answer = w.chat_view.last()
    first = answer.sources.get(2)
    w.viewers.show_source(answer, 2)  # as a click on "[2]" does
    wait(
        lambda: (
            w.viewers.page_viewer is not None and w.viewers.page_viewer.page == (first.page or 1)
        )
    )
    w.viewers.page_viewer.resize(560, 460)
    ok = save(w, w.viewers.page_viewer, "screenshot-docs.png") and ok
    w.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
