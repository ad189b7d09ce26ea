"""Render docs/screenshot-main.png: the main window in use (offscreen, a scripted engine).

    .venv/bin/python tests/app/screenshot.py [out.png] [--dark]

Not a test: a helper to look at the window as a person would. The answer is streamed through
the real engine thread and chat view by a scripted engine (no model weights here).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ANSWER = """Here is a small function that reads a CSV file and sums one column:

```python
import csv

def column_total(path, column):
    \"\"\"Sum the numbers in one column of a CSV file.\"\"\"
    with open(path, newline="") as f:
        return sum(float(row[column]) for row in csv.DictReader(f))
```

How it works:

1. `csv.DictReader` turns each line into a dictionary keyed by the header.
2. The generator expression converts each value with `float`.
3. **`sum`** adds them without building a list in memory.

Call it as `column_total("sales.csv", "amount")`."""


def main() -> int:
    out = (
        Path(sys.argv[1])
        if len(sys.argv) > 1 and not sys.argv[1].startswith("-")
        else (ROOT / "docs" / "screenshot-main.png")
    )
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.qt_compat import guard_refcount_leaks
    from app.settings import Settings
    from inference.paths import data_dirs
    from tests.app.conftest import FakeEngine, FakeStore

    guard_refcount_leaks()
    app = QApplication([])
    dark = theme.apply(app, "dark" if "--dark" in sys.argv else "light")
    home = Path(tempfile.mkdtemp(prefix="cairn-shot-"))
    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()
    store_dirs = dirs
    from inference.history import HistoryStore

    history = HistoryStore(store_dirs.history_db)
    for title in ("Trip to Lisbon: food", "Summarise the Q3 report", "Birthday poem for Ana"):
        c = history.create_conversation(title)
        history.add_message(c.id, "user", title)
        history.add_message(c.id, "assistant", "…")
    history.close()

    tokens = [ANSWER[i : i + 4] for i in range(0, len(ANSWER), 4)]
    engine = FakeEngine(
        tokens=tokens, delay=0.02, thinking=("The user wants a CSV helper. ",), first_delay=0.4
    )
    engine.model_name = "Qwen3.5-4B-Q4_K_M"
    engine.name, engine.device = "llamacpp", "cpu"
    from inference.catalog import find
    from inference.models.store import ModelState

    store = FakeStore(dirs.models, ready=("qwen3.5-4b-gguf-q4_k_m",))
    store.entries = lambda: [  # with the catalog's spec, as a downloaded model has
        type("E", (), {"id": r, "spec": find(r), "state": ModelState.READY, "path": None})
        for r in store.ready
    ]
    w = MainWindow(
        dirs,
        Settings(dirs.config),
        backend=make_backend(dirs, opener=lambda ref, eng: engine),
        model_store=store,
        dark=dark,
    )
    w.resize(1280, 800)
    w.show()
    img = QImage(160, 120, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.darkCyan)
    pic = home / "sales-chart.png"
    img.save(str(pic))
    doc = home / "Q3 report.pdf"
    doc.write_bytes(b"%PDF-1.4\n")
    import cv2
    import numpy as np

    video = home / "standup.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10.0, (160, 120))
    for i in range(754):
        frame = np.zeros((120, 160, 3), np.uint8)
        frame[:] = (90, 60 + (i % 60), 30)
        cv2.rectangle(frame, (40, 30), (120, 90), (230, 230, 230), -1)
        writer.write(frame)
    writer.release()

    def wait(cond, ms=10000):
        import time

        end = time.monotonic() + ms / 1000
        while not cond() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.005)

    wait(lambda: w.models.loaded is not None)
    w.send("Write a Python function that sums one column of a CSV file, and explain it.")
    wait(lambda: not w.session.busy)
    w.media.add_paths([pic, video, doc])
    w.input.setPlainText("Now make it skip rows where the value is empty.")
    wait(lambda: "1:15" in w.media.list.item(1).text())  # the video's duration, from the pool
    wait(lambda: False, 300)  # let layout settle
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = w.grab().save(str(out))
    print(f"{'wrote' if ok else 'FAILED to write'} {out}")
    w.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
