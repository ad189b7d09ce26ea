"""Documents in the window: drop a folder, per-file indexing status, ask, sources, page viewer.

Indexing is real (inference.docs, sandboxed parsing, on the panel's worker); the answer comes
from a scripted engine (FakeEngine) except in the last test, which uses the real MLX engine on
the tiny random text checkpoint.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from inference import history as H
from tests.docs import docs_fixtures as F

from .conftest import FakeEngine

pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")

FACT = "The lighthouse keeper Adelina Vorster painted the tower crimson in 1911."
QUESTION = "Who painted the lighthouse tower crimson?"


@pytest.fixture
def folder(tmp_path):
    """A PDF with the fact on page 3, a text file, and two hostile files."""
    rng = random.Random(3)
    folder = tmp_path / "papers"
    folder.mkdir()
    pages = [F.filler(rng, 120) for _ in range(4)]
    pages[2] += " " + FACT
    F.write_pdf(folder / "atlas.pdf", pages)
    (folder / "notes.txt").write_text(
        "Field notes.\n\nThe pelican eats sardines at dawn near the harbor.\n", encoding="utf-8"
    )
    (folder / "broken.pdf").write_bytes(
        b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(3000))
    )
    F.write_pdf(folder / "locked.pdf", ["secret words"], user_password="pw")
    return folder


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(10, 10)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    QApplication.sendEvent(widget, QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods))


def anchors(browser) -> dict[str, int]:
    out = {}
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref():
                out.setdefault(fragment.charFormat().anchorHref(), fragment.position())
            it += 1
        block = block.next()
    return out


def click_anchor(qtbot, browser, href: str) -> None:
    pos = anchors(browser)[href]
    cursor = QTextCursor(browser.document())
    cursor.setPosition(pos + 1)
    point = browser.cursorRect(cursor).center()
    point.setX(point.x() - 2)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _status(w, name):
    for key, status in w.docs.statuses.items():
        if key.endswith("/" + name):
            return status
    return None


def _reason(w, name):
    return next(r for k, r in w.docs.reasons.items() if k.endswith("/" + name))


def _indexed(w, qtbot, folder):
    _drop(w, [folder])  # dropped anywhere on the window
    qtbot.waitUntil(lambda: not w.docs.busy and _status(w, "atlas.pdf") == "ready", timeout=30000)


@pytest.fixture
def opened(monkeypatch):
    """QDesktopServices.openUrl, stubbed: no external application starts in a test."""
    calls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url) or True)
    return calls


def test_drop_a_folder_indexes_it_and_hostile_files_fail_alone(make_window, qtbot, folder):
    w = make_window()
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    seen = set()
    w.docs.changed.connect(lambda: seen.update(w.docs.statuses.values()))
    _indexed(w, qtbot, folder)
    assert w.media.attachments() == []  # documents go to the library, not to one message
    assert {"queued", "indexing", "ready", "failed"} <= seen
    assert _status(w, "notes.txt") == "ready"
    assert _status(w, "broken.pdf") == "failed" and _status(w, "locked.pdf") == "failed"
    assert _reason(w, "locked.pdf").startswith("The document is password protected")
    assert "Traceback" not in _reason(w, "broken.pdf") and _reason(w, "broken.pdf")
    texts = [w.docs.list.item(i).text() for i in range(w.docs.list.count())]
    assert any(
        t.startswith("locked.pdf\nfailed: The document is password protected") for t in texts
    )
    assert w.docs.status.text() == "2 ready, 2 failed."
    assert w.docs.in_use()


def test_answer_with_sources_and_citations_open_the_page(make_window, qtbot, folder, opened):
    engine = FakeEngine(tokens=["Adelina Vorster ", "painted it [1].", " See also [7]."])
    w = make_window(engine)
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    _indexed(w, qtbot, folder)
    assert w.send(QUESTION)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    prompt = "\n".join(m.content for m in engine.requests[-1].messages)
    assert "Adelina Vorster" in prompt  # the retrieved source went to the model
    answer = w.chat_view.last()
    assert answer.sources[1].path.name == "atlas.pdf" and answer.sources[1].page == 3
    assert answer.sources_view.isVisible()
    assert answer.sources_view.toPlainText() == "Sources\n[1] atlas.pdf, page 3"
    assert "cairn-cite:1" in anchors(answer.body)
    assert "cairn-cite:7" not in anchors(answer.body)  # not a source: stays plain text
    stored = w.history.messages(w.session.conversation_id)[-1]
    assert stored.status == H.COMPLETE and stored.stats["sources"][0][1:] == [
        str(folder.resolve() / "atlas.pdf"),
        3,
    ]

    click_anchor(qtbot, answer.body, "cairn-cite:1")  # the [1] in the text
    qtbot.waitUntil(
        lambda: w.viewers.page_viewer is not None and w.viewers.page_viewer.page == 3, timeout=10000
    )
    viewer = w.viewers.page_viewer
    assert viewer.pages == 4 and viewer.page_label.text() == "Page 3 of 4"
    assert not viewer.image_label.pixmap().isNull()
    qtbot.mouseClick(viewer.prev_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.page == 2, timeout=10000)
    click_anchor(qtbot, answer.sources_view, "cairn-cite:1")  # the Sources list
    qtbot.waitUntil(lambda: viewer.page == 3, timeout=10000)
    assert w.viewers.page_viewer is viewer
    qtbot.mouseClick(viewer.open_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(folder.resolve() / "atlas.pdf")]


def test_a_text_source_opens_in_the_default_app(make_window, qtbot, folder, opened):
    w = make_window(FakeEngine(tokens=["At dawn [1]."]))
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    _indexed(w, qtbot, folder)
    w.send("What does the pelican eat at dawn?")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    answer = w.chat_view.last()
    assert answer.sources_view.toPlainText() == "Sources\n[1] notes.txt"
    click_anchor(qtbot, answer.body, "cairn-cite:1")
    assert [u.toLocalFile() for u in opened] == [str(folder.resolve() / "notes.txt")]
    assert w.viewers.page_viewer is None


def test_nothing_relevant_is_said_without_calling_the_model(make_window, qtbot, folder):
    engine = FakeEngine()
    w = make_window(engine)
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    _indexed(w, qtbot, folder)
    w.send("What is the boiling point of liquid nitrogen in kelvin?")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    assert engine.requests == []
    answer = w.chat_view.last()
    assert answer.text == "The documents do not contain an answer to this question."
    assert w.history.messages(w.session.conversation_id)[-1].status == H.COMPLETE
    # unticking the box goes back to plain chat
    w.docs.use_box.setChecked(False)
    w.send("Hello")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    assert len(engine.requests) == 1 and w.chat_view.last().text == "Hello, **world**!\n\nDone."


def test_indexing_left_unfinished_resumes_at_start(make_window, qtbot, folder, dirs):
    from inference.docs import DocStore

    store = DocStore(dirs.docs_db)  # a run killed after listing the file: it stays queued
    with store.transaction() as db:
        db.execute(
            "INSERT INTO files (collection, path, status, queued_at) VALUES (?, ?, 'queued', 0)",
            ("default", str((folder / "atlas.pdf").resolve())),
        )
    store.close()
    w = make_window()
    qtbot.waitUntil(lambda: _status(w, "atlas.pdf") == "ready" and not w.docs.busy, timeout=30000)
    assert w.docs.ready_count() == 1


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_document_answer_through_the_real_engine(qtbot, dirs, tiny_text_ckpt, folder):
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    from .conftest import FakeStore

    settings = Settings(dirs.config)
    settings.set("max_tokens", 12)
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs),
        model_store=FakeStore(dirs.models, ready=()),
        model_override=str(tiny_text_ckpt),
    )
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=60000)
    _indexed(w, qtbot, folder)
    stages = []
    w.controller.progress.connect(lambda _j, p: stages.append(p.stage))
    assert w.send(QUESTION)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=120000)
    stored = w.history.messages(w.session.conversation_id)[-1]
    assert stored.status == H.COMPLETE, w.chat_view.last().status_label.text()
    assert stages[0] == "search_documents"
    assert 0 < stored.stats["tokens"] <= 12
    answer = w.chat_view.last()
    # gibberish cites nothing, so every source given to the model is listed
    assert "[1] atlas.pdf, page 3" in answer.sources_view.toPlainText()
    w.close()


def test_reopened_answer_keeps_its_sources_and_regenerates_from_the_documents(
    make_window, qtbot, folder
):
    engine = FakeEngine(tokens=["Adelina Vorster [1]."])
    w = make_window(engine)
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    _indexed(w, qtbot, folder)
    w.send(QUESTION)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    cid = w.session.conversation_id
    w.new_conversation()
    w.open_conversation(cid)
    answer = w.chat_view.last()
    assert answer.sources_view.toPlainText() == "Sources\n[1] atlas.pdf, page 3"
    assert "cairn-cite:1" in anchors(answer.body)
    w.docs.use_box.setChecked(False)  # the regenerated answer still comes from the documents
    assert w.session.regenerate()
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    assert len(engine.requests) == 2
    assert "Adelina Vorster" in "\n".join(m.content for m in engine.requests[-1].messages)
    assert w.chat_view.last().sources_view.isVisible()


def test_citation_links_only_for_known_sources_and_never_in_code():
    from app.links import link_citations

    text = link_citations("See [1], [2, 3], [9] and `a[1]` and [1](http://x).", {1, 2, 3})
    assert "[\\[1\\]](cairn-cite:1)" in text
    assert "[2](cairn-cite:2), [3](cairn-cite:3)" in text
    assert "[9] and `a[1]`" in text and "[1](http://x)" in text
