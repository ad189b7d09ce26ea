"""Look at the chat window as a person would: a scripted engine, a real X server (or offscreen).

    Xvfb :99 -screen 0 1920x1080x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/app/look_chat.py out.png \
        --size 900x600 [--dark] [--empty] [--edit]

Not a test: writes a screenshot of the whole X screen (ImageMagick's `import`) when DISPLAY is
set, else the window's own grab.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ANSWER = """Here is a small function that sums one column of a CSV file:

```python
import csv

def column_total(path, column):
    with open(path, newline="") as f:
        return sum(float(row[column]) for row in csv.DictReader(f))
```

1. `csv.DictReader` turns each line into a dictionary keyed by the header.
2. **`sum`** adds the values without building a list in memory.

Call it as `column_total("sales.csv", "amount")`."""


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--size", default="1280x800")
    p.add_argument("--dark", action="store_true")
    p.add_argument("--empty", action="store_true")
    p.add_argument("--hover", action="store_true", help="show the last answer's buttons")
    p.add_argument("--lang", default="")
    p.add_argument("--regenerate", action="store_true", help="a second version of the answer")
    p.add_argument("--delete", action="store_true", help="delete, showing the Undo notice")
    p.add_argument("--shortcuts", action="store_true", help="open the shortcuts sheet")
    p.add_argument("--stream", action="store_true", help="take the picture while answering")
    p.add_argument("--fail", action="store_true", help="an answer that failed")
    p.add_argument("--mouse", default="", help="X,Y: move the real pointer there (xdotool)")
    p.add_argument("--tab", type=int, default=0, help="press Tab this often from the chat")
    args = p.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from app import i18n, theme
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.qt_compat import guard_refcount_leaks
    from app.settings import Settings
    from inference.history import HistoryStore
    from inference.paths import data_dirs
    from inference.records import Modality
    from tests.app.conftest import FakeEngine, FakeStore

    guard_refcount_leaks()
    app = QApplication([])
    home = Path(tempfile.mkdtemp(prefix="cairn-look-"))
    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()
    settings = Settings(dirs.config)
    settings.set("theme", "dark" if args.dark else "light")
    dark = theme.apply(app, settings.get("theme"))
    if args.lang:
        i18n.apply_language(app, args.lang)
    history = HistoryStore(dirs.history_db)
    for title in ("Trip to Lisbon: food", "Summarise the Q3 report", "Birthday poem for Ana"):
        c = history.create_conversation(title)
        history.add_message(c.id, "user", title)
        history.add_message(c.id, "assistant", "…")
    history.close()
    engine = FakeEngine(tokens=[ANSWER[i : i + 6] for i in range(0, len(ANSWER), 6)], delay=0.002)
    engine.capabilities = frozenset({Modality.TEXT, Modality.IMAGE, Modality.VIDEO})
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs, opener=lambda ref, eng: engine),
        model_store=FakeStore(dirs.models),
        dark=dark,
    )
    width, height = (int(x) for x in args.size.split("x"))
    w.resize(width, height)
    w.move(0, 0)
    w.show()

    def wait(cond, ms=10000):
        end = time.monotonic() + ms / 1000
        while not cond() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    wait(lambda: w.models.loaded is not None)
    if args.stream:
        engine.delay = 0.05
        engine.thinking = ("The user wants a CSV helper. ", "Keep it short.")
    if args.fail:
        from inference.errors import CairnError, ErrorCode

        def fail(request, *, cancel):
            raise CairnError(ErrorCode.CONTEXT_TOO_LONG, "9000 > 4096 tokens")

        engine.generate = fail
    if args.stream or args.fail:
        w.send("Write a Python function that sums one column of a CSV file, and explain it.")
        wait(lambda: len(w.chat_view.last().text) > 120 or not w.session.busy)
    elif not args.empty:
        w.send("Write a Python function that sums one column of a CSV file, and explain it.")
        wait(lambda: not w.session.busy)
        img = QImage(160, 120, QImage.Format.Format_RGB32)
        img.fill(Qt.GlobalColor.darkCyan)
        pic = home / "sales-chart.png"
        img.save(str(pic))
        w.media.add_paths([pic])
        w.input.setPlainText("Now make it skip rows where the value is empty.")
        if args.regenerate:
            w.session.regenerate()
            wait(lambda: not w.session.busy)
        if args.hover:
            w.chat_view.last().set_hovered(True)
        if args.delete:
            w.conversations.delete_current()
        if args.shortcuts:
            w.show_shortcuts()
            w.shortcuts_sheet.move(width // 2 - 230, 60)
    if args.tab:
        from PySide6.QtTest import QTest

        w.activateWindow()
        wait(w.isActiveWindow, 2000)
        w.chat_view.setFocus()
        for _ in range(args.tab):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    if args.mouse and os.environ.get("DISPLAY"):
        x, y = args.mouse.split(",")
        subprocess.run(["xdotool", "mousemove", x, y], check=True)
    wait(lambda: False, 600)  # let layout and thumbnails settle
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if os.environ.get("DISPLAY"):
        subprocess.run(
            ["import", "-window", "root", "-crop", f"{width}x{height}+0+0", str(out)], check=True
        )
        ok = out.exists()
    else:
        ok = w.grab().save(str(out))
    print(f"{'wrote' if ok else 'FAILED to write'} {out}")
    w.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
