"""Take the README's screenshots from the real app: the real model store, engine thread and
llama.cpp engine (a tiny random GGUF from tests/fixtures/tiny_gguf.py, imported into the models
folder as a user would), the real document index, under a real X server and window manager.

    Xvfb :77 -screen 0 1920x1080x24 &  DISPLAY=:77 openbox &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb .venv/bin/python tests/app/screenshot_real.py \\
        docs/screenshot-main.png --size 1440x900 [--dark] [--lang zh_CN]

Not a test. The tiny model's words are random, so the conversation on screen is written into the
history beforehand (as the app stores answers: text, statistics and cited sources); everything
else (model list, loaded engine, documents and their statuses, panes) is the app's own.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CSV_QUESTION = "Write a Python function that sums one column of a CSV file."
CSV_ANSWER = """Here is a small function that does it:

```python
import csv

def column_total(path, column):
    with open(path, newline="") as f:
        return sum(float(row[column]) for row in csv.DictReader(f))
```

`csv.DictReader` turns each line into a dictionary keyed by the header, and **`sum`** adds the \
values without building a list in memory."""

DOC_QUESTION = "Can I sell a modified version of the package, and what must I do?"
DOC_ANSWER = """Yes. The Artistic License 2.0 lets you distribute a Modified Version, also for a \
fee, if you make your changes available to the Copyright Holder or rename the package so it \
cannot be mistaken for the Standard Version [1][2]. If the package is under the GPL v3 instead, \
you may charge for copies, but the whole work must stay under the GPL and come with its source \
[3]."""

ZH_QUESTION = "GPL v3 是什么？可以用于商业软件吗？"
ZH_ANSWER = """GPL v3（GNU 通用公共许可证第 3 版）是一种自由软件许可证，属于“著佐权”（copyleft）\
许可：任何人都可以使用、修改和分发软件，但分发修改后的版本时必须以同样的许可证提供源代码 [1]。

可以用于商业软件：GPL 允许收费分发副本，但整个作品必须继续使用 GPL，并附带完整的源代码 [2]。"""

ARTISTIC_HTML = """<html><head><title>The Artistic License 2.0</title></head><body>
<h1>The Artistic License 2.0</h1>
<h2>Preamble</h2>
<p>This license establishes the terms under which a given free software Package may be copied,
modified, distributed, and/or redistributed. The intent is that the Copyright Holder maintains
some artistic control over the development of that Package while still keeping the Package
available as open source and free software.</p>
<h2>Distribution of Modified Versions of the Package as Source</h2>
<p>You may Distribute your Modified Version as Source (either gratis or for a Distributor Fee,
and with or without a Compiled form of the Modified Version) provided that you clearly document
how it differs from the Standard Version, including, but not limited to, documenting any
non-standard features, executables, or modules, and provided that you do at least ONE of the
following: make the Modified Version available to the Copyright Holder of the Standard Version,
under the Original License, so that the Copyright Holder may include your modifications in the
Standard Version.</p>
<h2>Aggregating or Linking the Package</h2>
<p>You may aggregate the Package (either the Standard Version or Modified Version) with other
packages and Distribute the resulting aggregation provided that you do not charge a licensing
Fee for the Package.</p>
</body></html>"""

GPL_PAGES = [
    "GNU GENERAL PUBLIC LICENSE Version 3, 29 June 2007. The GNU General Public License is a free, "
    "copyleft license for software and other kinds of works. The licenses for most software are "
    "designed to take away your freedom to share and change the works. By contrast, the GNU GPL "
    "is intended to guarantee your freedom to share and change all versions of a program.",
    "When we speak of free software, we are referring to freedom, not price. You may charge any "
    "price or no price for each copy that you convey. You must license the entire work, as a "
    "whole, under this License to anyone who comes into possession of a copy, and convey the "
    "machine-readable Corresponding Source under the terms of this License.",
    "To apply the GNU GPL to a program, attach the following notices to the program. This "
    "program is free software: you can redistribute it and/or modify it under the terms of the "
    "GNU General Public License as published by the Free Software Foundation, either version 3 "
    "of the License, or any later version.",
]


def prepare(home: Path) -> str:
    """Import the tiny GGUF, index the documents; returns the imported model's id."""
    from inference.docs.library import Documents
    from inference.models.store import ModelStore
    from inference.paths import data_dirs
    from tests.docs import docs_fixtures as F
    from tests.fixtures.tiny_gguf import build_tiny_gguf

    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()
    tiny = build_tiny_gguf(home / "downloads" / "qwen3.5-tiny")
    model_id = ModelStore(dirs.models).import_path(tiny / "tiny-qwen3.5-F32.gguf")
    folder = home / "Documents" / "licences"
    folder.mkdir(parents=True)
    (folder / "artistic-license.html").write_text(ARTISTIC_HTML, encoding="utf-8")
    F.write_pdf(folder / "gpl-3.0.pdf", GPL_PAGES)
    (folder / "release-notes.md").write_text(
        "# Release notes\n\n## 2.1\n\nThe importer now keeps file dates.\n", encoding="utf-8"
    )
    rng = random.Random(5)
    (folder / "scan-2019.pdf").write_bytes(
        b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(4000))
    )
    with Documents(dirs.docs_db, models_dir=dirs.models) as docs:
        docs.add([folder])
    return model_id


def seed(home: Path, lang: str) -> None:
    """The conversations on screen, stored as the app stores answers."""
    from inference import history as H
    from inference.docs.prompt import snippet  # what a document answer keeps of each source
    from inference.paths import data_dirs

    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()
    folder = home / "Documents" / "licences"
    store = H.HistoryStore(dirs.history_db)
    titles = ["Trip to Lisbon: food", "Birthday poem for Ana", "Summarise the Q3 report"]
    if lang.startswith("zh"):
        titles = ["里斯本美食", "给安娜的生日诗", "总结第三季度报告"]
    for title in titles:
        c = store.create_conversation(title)
        store.add_message(c.id, "user", title)
        store.add_message(c.id, "assistant", "…")

    def answer(cid: int, question: str, text: str, stats: dict) -> None:
        store.add_message(cid, "user", question)
        writer = H.AnswerWriter(store, cid)  # as the chat session writes an answer
        writer.append(text)
        writer.finish(H.COMPLETE, stats)

    if lang.startswith("zh"):
        c = store.create_conversation("GPL v3 是什么")
        sources = [
            [1, str(folder / "gpl-3.0.pdf"), 1, "", snippet(GPL_PAGES[0], 200)],
            [2, str(folder / "gpl-3.0.pdf"), 2, "", snippet(GPL_PAGES[1], 200)],
        ]
        answer(
            c.id,
            ZH_QUESTION,
            ZH_ANSWER,
            {"tokens": 142, "tps": 21.3, "ttft_s": 1.41, "sources": sources},
        )
    else:
        c = store.create_conversation("Selling a modified package")
        answer(c.id, CSV_QUESTION, CSV_ANSWER, {"tokens": 88, "tps": 21.6, "ttft_s": 0.38})
        html = folder / "artistic-license.html"
        sources = [
            [
                1,
                str(html),
                None,
                "The Artistic License 2.0 > Distribution of Modified Versions of the Package as Source",
                snippet(ARTISTIC_HTML.split("<h2>Distribution")[1].split("<p>")[1]),
            ],
            [
                2,
                str(html),
                None,
                "The Artistic License 2.0 > Preamble",
                snippet(ARTISTIC_HTML.split("<h2>Preamble</h2>")[1].split("<p>")[1]),
            ],
            [3, str(folder / "gpl-3.0.pdf"), 2, "", snippet(GPL_PAGES[1], 200)],
        ]
        answer(
            c.id,
            DOC_QUESTION,
            DOC_ANSWER,
            {"tokens": 97, "tps": 21.2, "ttft_s": 1.12, "sources": sources},
        )
    store.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--size", default="1440x900")
    p.add_argument("--dark", action="store_true")
    p.add_argument("--lang", default="en")
    p.add_argument("--home", help="reuse a prepared data folder")
    p.add_argument("--cite", type=int, default=0, help="open the last answer's source N too")
    args = p.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="cairn-shot-"))
    os.environ["CAIRN_HOME"] = str(home)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app import i18n, theme
    from app.backend import make_backend
    from app.main import _set_identity
    from app.main_window import MainWindow
    from app.qt_compat import guard_refcount_leaks
    from app.settings import Settings
    from inference.paths import data_dirs

    guard_refcount_leaks()
    QCoreApplication.setOrganizationName("Cairn")
    QCoreApplication.setApplicationName("Cairn")
    app = QApplication([sys.argv[0]])
    _set_identity(app)
    if not (home / "history.ready").exists():
        model_id = prepare(home)
        seed(home, args.lang)
        (home / "history.ready").write_text(model_id)
    model_id = (home / "history.ready").read_text()
    dirs = data_dirs({"CAIRN_HOME": str(home)}).ensure()
    settings = Settings(dirs.config)
    settings.set("theme", "dark" if args.dark else "light")
    settings.set("model", model_id)
    settings.set("language", args.lang)
    i18n.apply_language(app, args.lang)
    dark = theme.apply(app, settings.get("theme"))
    w = MainWindow(dirs, settings, backend=make_backend(dirs), dark=dark)
    width, height = (int(x) for x in args.size.split("x"))
    w.resize(width, height)
    w.move(0, 0)
    w.show()

    def wait(cond, ms=30000):
        end = time.monotonic() + ms / 1000
        while not cond() and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    wait(lambda: w.models.loaded is not None)  # the real llama.cpp engine on the tiny GGUF
    print("loaded:", w.models.model_status.text())
    wait(lambda: not w.docs.busy and bool(w.docs.statuses))
    last = w.conversations.list.item(0)
    w.conversations.list.setCurrentItem(last)
    wait(lambda: len(w.chat_view.messages()) >= 2, 5000)
    wait(lambda: False, 1200)  # layout, thumbnails and the scroll to the end settle
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    frame = w.frameGeometry()
    if args.cite:  # the citation's viewer over the window: the whole screen is the picture
        w.viewers.show_source(w.chat_view.last(), args.cite)
        viewer = w.viewers.page_viewer or w.viewers.text_viewer
        wait(lambda: viewer is not None and not viewer.busy and viewer.isVisible())
        viewer.move(frame.width() - viewer.frameGeometry().width() - 40, 0)
        wait(lambda: False, 1500)
        frame = w.screen().geometry()
    if os.environ.get("DISPLAY"):
        crop = f"{frame.width()}x{frame.height()}+{frame.x()}+{frame.y()}"
        subprocess.run(["import", "-window", "root", "-crop", crop, str(out)], check=True)
        ok = out.exists()
    else:
        ok = w.grab().save(str(out))
    print(f"{'wrote' if ok else 'FAILED to write'} {out} ({frame.width()}x{frame.height()})")
    w.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
