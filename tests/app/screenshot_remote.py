"""Render docs/screenshot-remote.png: Settings -> Servers and the window answering through a server.

    .venv/bin/python tests/app/screenshot_remote.py [out.png]

Not a test: a helper to look at the flow as a person would. A scripted OpenAI-compatible server
on 127.0.0.1 stands in for a team's vLLM (there are no real weights here, and a tiny random
model answers gibberish); everything on Cairn's side is the real code: the dialog's probe, the
keychain entry, the picker's "NAME on HOST", the remote engine streaming the answer and the
note that messages leave this computer.
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

ANSWER = (
    "The 27B model on the team server read the whole contract. The termination clause "
    "(section 14.2) allows either party to end the agreement with **90 days' written notice**; "
    "early termination by the customer costs the remaining fees of the current year."
)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot-remote.png"
    from PySide6.QtCore import QCoreApplication, QPoint, Qt
    from PySide6.QtGui import QColor, QPainter, QPixmap
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.backend import make_backend
    from app.engine_open import opener_for
    from app.main_window import MainWindow
    from app.qt_compat import guard_refcount_leaks
    from app.servers_settings import ServersDialog, parse_remote_ref
    from app.settings import Settings
    from inference.paths import data_dirs
    from tests.app.conftest import FakeEngine, FakeStore
    from tests.remote.servers import ScriptedServer, delta, models_reply, stream_reply

    guard_refcount_leaks()
    app = QApplication([])
    theme.apply(app, "light")
    home = Path(tempfile.mkdtemp(prefix="cairn-shot-"))
    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()
    settings = Settings(dirs.config)
    server = ScriptedServer()
    server.models = models_reply("Qwen/Qwen3.5-27B-FP8", "Qwen/Qwen3.5-9B")
    words = ANSWER.split(" ")
    server.chat = [
        stream_reply(
            [delta(reasoning="The user asks about the termination clause. ")]
            + [delta(w + " ") for w in words[:-1]]
            + [delta(words[-1], finish="stop")],
            trickle_s=0.01,
        )
    ]
    local = FakeEngine()
    local.model_name = "Qwen3.5-4B-Q4_K_M"
    offline = lambda: bool(settings.get("offline_only"))  # noqa: E731
    real = opener_for(dirs.models, offline_only=offline)
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(
            dirs,
            opener=lambda ref, eng: real(ref, eng) if parse_remote_ref(ref) else local,
            offline_only=offline,
        ),
        model_store=FakeStore(dirs.models, ready=("qwen3.5-4b-gguf-q4_k_m",)),
    )
    w.resize(1100, 720)
    w.show()

    def wait(cond, ms=10000):
        end = time.monotonic() + ms / 1000
        while not cond() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    wait(lambda: w.models.loaded is not None)
    dialog = ServersDialog(settings, w.backend.probe, w)
    dialog.show()
    QTest.keyClicks(dialog.url, f"http://127.0.0.1:{server.port}/v1")
    QTest.keyClicks(dialog.key, "team-key-from-the-admin")
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    wait(lambda: dialog.model_list.count() == 2)
    dialog.hide()
    w.models.refill()
    box = w.models.model_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    wait(lambda: w.models.loaded is not None and w.models.loaded.engine == "remote")
    w.send("What does the termination clause of the attached contract say?")
    wait(lambda: not w.session.busy)
    dialog.show()
    dialog.server_list.setCurrentRow(0)
    wait(lambda: False, 300)

    shot_w, shot_d = w.grab(), dialog.grab()
    canvas = QPixmap(
        shot_w.width() + shot_d.width() + 24, max(shot_w.height(), shot_d.height()) + 16
    )
    canvas.fill(QColor("#d0d4d8"))
    painter = QPainter(canvas)
    painter.drawPixmap(QPoint(8, 8), shot_w)
    painter.drawPixmap(QPoint(shot_w.width() + 16, 8), shot_d)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = canvas.save(str(out))
    print(f"{'wrote' if ok else 'FAILED to write'} {out}")
    dialog.close()
    w.close()
    server.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
