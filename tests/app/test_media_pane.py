"""Attachments: drag-and-drop with file URLs, thumbnails on the pool, clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from app.media_pane import MediaPane

pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


def _png(path: Path) -> Path:
    img = QImage(64, 48, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.darkCyan)
    assert img.save(str(path))
    return path


def _video(path: Path, frames: int = 30, fps: float = 10.0) -> Path:
    import cv2
    import numpy as np

    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (64, 48))
    for i in range(frames):
        out.write(np.full((48, 64, 3), (i * 8) % 255, np.uint8))
    out.release()
    return path


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return drop


@pytest.fixture
def pane(qtbot):
    p = MediaPane()
    qtbot.addWidget(p)
    p.show()
    return p


def test_drop_images_video_and_document(pane, qtbot, tmp_path):
    img = _png(tmp_path / "cat.png")
    vid = _video(tmp_path / "clip.avi")
    doc = tmp_path / "notes.txt"
    doc.write_text("hello", encoding="utf-8")
    drop = _drop(pane, [img, vid, doc])
    assert drop.isAccepted()
    assert [(a.path.name, a.kind) for a in pane.attachments()] == [
        ("cat.png", "image"),
        ("clip.avi", "video"),
        ("notes.txt", "document"),
    ]
    # thumbnails arrive from the pool; the video shows its duration (30 frames at 10 fps)
    qtbot.waitUntil(lambda: "0:03" in pane.list.item(1).text(), timeout=10000)
    qtbot.waitUntil(lambda: "64×48" in pane.list.item(0).text(), timeout=10000)
    assert not pane.notice.isVisible()


def test_unsupported_file_is_refused_and_nothing_else_changes(pane, qtbot, tmp_path):
    img = _png(tmp_path / "a.png")
    pane.add_paths([img])
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ")
    with qtbot.waitSignal(pane.message) as blocker:
        _drop(pane, [bad])
    assert "virus.exe" in blocker.args[0]
    assert [a.path.name for a in pane.attachments()] == ["a.png"]
    assert pane.list.count() == 1


def test_broken_video_is_reported_and_dropped(pane, qtbot, tmp_path):
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"not a video at all")
    with qtbot.waitSignal(pane.message, timeout=10000) as blocker:
        pane.add_paths([bad])
    assert "broken.mp4" in blocker.args[0]
    assert pane.attachments() == [] and pane.list.count() == 0


def test_remove_and_folders(pane, tmp_path):
    folder = tmp_path / "pics"
    folder.mkdir()
    for n in ("1.png", "2.png"):
        _png(folder / n)
    (folder / "skip.bin").write_bytes(b"x")
    pane.add_paths([folder])
    assert sorted(a.path.name for a in pane.attachments()) == ["1.png", "2.png"]
    pane.list.item(0).setSelected(True)
    pane.remove_selected()
    assert len(pane.attachments()) == 1


def test_attachments_go_with_the_next_message(make_window, qtbot, tmp_path):
    w = make_window()
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    img = _png(tmp_path / "photo.png")
    _drop(w, [img])  # dropped anywhere on the window
    assert [a.path for a in w.media.attachments()] == [img]
    w.send("What is in the picture?")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5000)
    request = w.engine.requests[-1]
    assert request.messages[-1].images == (img,)
    assert w.media.attachments() == []  # attached once, to that message
    assert "photo.png" in w.chat_view.messages()[0].attachments_label.text()


def test_a_video_goes_through_the_video_pipeline(make_window, qtbot, tmp_path):
    from inference.records import Modality

    from .conftest import FakeEngine

    engine = FakeEngine(tokens=["00:00 ", "A grey ", "square."])
    engine.capabilities = frozenset({Modality.TEXT, Modality.IMAGE, Modality.VIDEO})
    w = make_window(engine)
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    statuses = []
    w.controller.progress.connect(lambda j, p: statuses.append(p.stage))
    w.media.add_paths([_video(tmp_path / "clip.avi", frames=40)])
    w.send("What happens in this video?")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    assert "reading_frames" in statuses  # inference.video sampled the frames on the engine thread
    request = engine.requests[-1]
    assert request.video_frames and all(f.image is not None for f in request.video_frames)
    assert "A grey square." in w.chat_view.last().text


def test_a_video_for_a_model_without_vision_is_one_clear_line(make_window, qtbot, tmp_path):
    w = make_window()  # the fake model sees text and images, not video
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    w.media.add_paths([_video(tmp_path / "clip.avi")])
    w.send("Summarize this")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=10000)
    assert w.chat_view.last().status_label.text().startswith("This model cannot take that input")


def test_edit_keeps_the_message_attachments_and_adds_new_ones(make_window, qtbot, tmp_path):
    w = make_window()
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    first, second = _png(tmp_path / "one.png"), _png(tmp_path / "two.png")
    w.media.add_paths([first])
    w.send("Describe it")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5000)
    w.chat_view.messages()[0].edit_button.click()
    w.media.add_paths([second])
    w.input.setPlainText("Describe both")
    assert w.send(w.input.toPlainText())
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5000)
    assert w.engine.requests[-1].messages[-1].images == (first, second)
    assert w.media.attachments() == []
