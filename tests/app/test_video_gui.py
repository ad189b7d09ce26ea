"""Video in the window: Summarize, progress by stage, Stop, clickable timestamps, frame viewer.

The GUI logic runs with a scripted engine (tests/app/conftest.py FakeEngine, with video) over the
real pipeline (inference.video samples the generated file on the engine thread); the last test
goes through the real MLX engine on the tiny random vision checkpoint.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from inference import history as H
from inference.records import Modality
from tests.video.conftest import SCENES, write_video

from .conftest import FakeEngine

SUMMARY = [
    "A red screen, then a blue one, then magenta.\n\n",
    "Chapters:\n",
    "00:00 – Red: the screen is red\n",
    "00:0",  # a timestamp split across two chunks still becomes one link
    "2 – Blue: the screen turns blue\n",
    "00:04 – Magenta: the screen turns magenta\n",
    "09:59 – Beyond: a time past the end stays a link only if the video is that long\n",
]


def video_engine(tokens=SUMMARY, delay=0.002):
    engine = FakeEngine(tokens=list(tokens), delay=delay)
    engine.capabilities = frozenset({Modality.TEXT, Modality.IMAGE, Modality.VIDEO})
    return engine


@pytest.fixture(scope="module")
def scenes_avi(tmp_path_factory):
    path = tmp_path_factory.mktemp("gui-video") / "scenes.avi"
    return path, write_video(path, SCENES, fps=10, size=(96, 72))


def anchors(browser) -> dict[str, int]:
    """href -> document position of each link in a text browser."""
    out = {}
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href:
                out.setdefault(href, fragment.position())
            it += 1
        block = block.next()
    return out


def click_anchor(qtbot, widget, href: str) -> None:
    """A real mouse click on the link `href` in one of the message's text browsers."""
    for browser in widget.browsers + [widget.sources_view]:
        pos = anchors(browser).get(href)
        if pos is not None:
            cursor = QTextCursor(browser.document())
            cursor.setPosition(pos + 1)
            point = browser.cursorRect(cursor).center()
            point.setX(point.x() - 2)
            qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
            return
    raise AssertionError(f"no link {href}")


def _ready(w, qtbot):
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)


def test_thumbnail_duration_and_summarize_button(make_window, qtbot, scenes_avi):
    path, _spans = scenes_avi
    w = make_window(video_engine())
    _ready(w, qtbot)
    assert not w.media.summarize_button.isEnabled()
    w.media.add_paths([path])
    qtbot.waitUntil(lambda: "0:07" in w.media.list.item(0).text(), timeout=10000)  # 7 s video
    assert not w.media.list.item(0).icon().isNull()
    assert w.media.summarize_button.isEnabled()
    chip = w.composer.chips.chips[0]  # what the user sees: a chip in the message box
    assert chip.caption.text() == "0:07" and chip.summarize_button.isVisible()


def test_summarize_streams_chapters_and_timestamps_open_the_frame(make_window, qtbot, scenes_avi):
    path, spans = scenes_avi
    w = make_window(video_engine())
    _ready(w, qtbot)
    w.media.add_paths([path])
    seen = []  # (stage, status line, progress bar shown) as the user saw them
    w.controller.progress.connect(
        lambda _j, p: seen.append(
            (
                p.stage,
                w.chat_view.last().status_label.text(),
                w.chat_view.last().progress_bar.isVisible(),
            )
        )
    )
    summarize = w.composer.chips.chips[0].summarize_button  # the video chip's Summarize
    qtbot.mouseClick(summarize, Qt.MouseButton.LeftButton)
    assert w.session.busy
    assert w.media.attachments() == []  # the video went with the summary request
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    stages = [s for s, _t, _b in seen]
    assert "reading_frames" in stages and "writing_summary" in stages
    assert ("reading_frames", "Reading the video…", True) in seen
    assert ("writing_summary", "Writing the summary…", True) in seen
    request = w.engine.requests[-1]
    assert "Chapters:" in request.messages[-1].content  # the summary prompt, not a question
    assert request.video_frames
    answer = w.chat_view.last()
    assert not answer.progress_bar.isVisible()
    assert answer.text == "".join(SUMMARY)
    links = anchors(answer.body)
    assert {"cairn-time:0", "cairn-time:2", "cairn-time:4"} <= set(links)
    stored = w.history.messages(w.session.conversation_id)
    assert stored[0].attachments == (str(path),) and stored[-1].status == H.COMPLETE

    click_anchor(qtbot, answer, "cairn-time:2")
    qtbot.waitUntil(
        lambda: w.viewers.frame_viewer is not None and w.viewers.frame_viewer.frame is not None
    )
    viewer = w.viewers.frame_viewer
    assert viewer.isVisible() and viewer.frame.t == pytest.approx(2.0)
    assert viewer.frame.index == 20  # 10 fps
    assert viewer.time_label.text() == "0:02 of 0:07"
    start, end, rgb = next(s for s in spans if s[0] <= 2.0 < s[1])  # the blue scene
    pixel = viewer.frame.image.pixelColor(4, 4)
    assert (
        max(
            abs(a - b) for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), rgb, strict=True)
        )
        < 40
    )
    # a second click seeks the same viewer
    click_anchor(qtbot, answer, "cairn-time:4")
    qtbot.waitUntil(lambda: viewer.frame.t == pytest.approx(4.0))
    assert w.viewers.frame_viewer is viewer


def test_stop_while_watching_the_parts(make_window, qtbot, tmp_path):
    """A long video is watched part by part, each part's chapters shown as it ends; Stop ends it
    there, keeping them, without the closing summary call."""
    path = tmp_path / "long.avi"
    colours = [((k * 97) % 256, (k * 53 + 80) % 256, (k * 151 + 40) % 256) for k in range(8)]
    write_video(path, [(17.5, c) for c in colours], fps=2, size=(64, 48))
    engine = video_engine(tokens=[f"00:{i:02d} something\n" for i in range(40)], delay=0.02)
    w = make_window(engine)
    _ready(w, qtbot)
    w.media.add_paths([path])
    parts = []
    w.controller.progress.connect(
        lambda _j, p: (
            parts.append(w.chat_view.last().status_label.text())
            if p.stage == "describing_segment"
            else None
        )
    )
    assert w.summarize_video(path)
    # the first part's chapters reach the window while the next part is being watched
    qtbot.waitUntil(lambda: "00:00 – " in w.chat_view.last().text, timeout=20000)
    assert parts[0] == "Watching the video…"
    assert w.session.busy
    qtbot.mouseClick(w.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=10000)
    assert all(r.video_frames for r in engine.requests)  # no closing summary after Stop
    answer = w.chat_view.last()
    assert answer.status_label.text() == "Stopped"
    assert answer.text.startswith("Chapters:\n00:00 – ")
    assert "cairn-time:0" in anchors(answer.body)
    assert w.history.messages(w.session.conversation_id)[-1].status == H.CANCELLED
    assert w.send_button.isEnabled()


def test_quick_or_detailed_sets_the_frame_size(make_window, qtbot, tmp_path):
    """The choice next to Summarize, made with the keyboard, decides how large the frames are."""
    from PySide6.QtTest import QTest

    path = tmp_path / "wide.avi"
    write_video(path, [(70.0, (200, 40, 40)), (70.0, (40, 40, 200))], fps=2, size=(640, 360))
    widths = {}
    for detail, key in (("quick", None), ("detailed", Qt.Key.Key_Down)):
        engine = video_engine(tokens=["00:00 – A: a\n"])
        w = make_window(engine)
        _ready(w, qtbot)
        w.media.add_paths([path])
        assert w.media.detail_box.currentText() == "Quick"
        if key is not None:
            w.media.detail_box.setFocus()
            QTest.keyClick(w.media.detail_box, key)
        assert w.media.summary_detail() == detail
        qtbot.mouseClick(w.media.summarize_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda w=w: not w.session.busy, timeout=20000)
        # the first request measures the engine's speed; then the parts of the video
        segment = next(r for r in engine.requests[1:] if r.video_frames)
        widths[detail] = segment.video_frames[0].image.shape[1]
    assert widths["quick"] < widths["detailed"]


def test_a_question_about_the_video_goes_through_the_question_path(make_window, qtbot, scenes_avi):
    path, _spans = scenes_avi
    engine = video_engine(tokens=["At ", "00:02", " it turns blue."])
    w = make_window(engine)
    _ready(w, qtbot)
    w.media.add_paths([path])
    assert w.send("When does the screen turn blue?")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    prompt = engine.requests[-1].messages[-1].content
    assert "When does the screen turn blue?" in prompt and "Chapters:" not in prompt
    assert "cairn-time:2" in anchors(w.chat_view.last().body)
    # reopened from history, the answer's timestamps still point into the video
    cid = w.session.conversation_id
    w.new_conversation()
    w.open_conversation(cid)
    answer = w.chat_view.last()
    assert answer.video == path and "cairn-time:2" in anchors(answer.body)


def test_follow_up_questions_send_the_same_frames_in_one_request(make_window, qtbot, scenes_avi):
    path, _spans = scenes_avi
    engine = video_engine(tokens=["At ", "00:02", " it turns blue."])
    w = make_window(engine)
    _ready(w, qtbot)
    w.media.add_paths([path])
    qtbot.mouseClick(w.composer.chips.chips[0].summarize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
    asked = []
    for question in ("When does it turn blue?", "And then?"):
        before = len(engine.requests)
        qtbot.keyClicks(w.input, question)
        qtbot.mouseClick(w.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not w.session.busy, timeout=20000)
        assert len(engine.requests) == before + 1  # one request, no segment pipeline
        request = engine.requests[-1]
        assert request.messages[-1].content == question and request.video_frames
        # the video stays on the summary's message, before the question
        assert [m.content for m in request.messages if m.video] == ["Summarize this video."]
        assert "cairn-time:2" in anchors(w.chat_view.last().body)  # timestamps open the video
        asked.append(request)
    first, second = asked
    assert second.video_frames is first.video_frames  # sampled once, kept for the file
    assert second.messages[: len(first.messages)] == first.messages  # the same prefix


def test_frame_viewer_reports_an_unreadable_video(qtbot, tmp_path):
    from app.frame_viewer import FrameViewer

    bad = tmp_path / "gone.avi"
    bad.write_bytes(b"not a video")
    viewer = FrameViewer(bad, 3.0)
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10000)
    assert viewer.frame is None
    assert viewer.time_label.text().startswith("The video cannot be read")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_summary_through_the_real_vision_model(qtbot, dirs, tiny_vlm_ckpt, scenes_avi):
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    from .conftest import FakeStore

    path, _spans = scenes_avi
    settings = Settings(dirs.config)
    settings.set("max_tokens", 12)
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs),
        model_store=FakeStore(dirs.models, ready=()),
        model_override=str(tiny_vlm_ckpt),
    )
    qtbot.addWidget(w)
    stages = []
    w.controller.progress.connect(lambda _j, p: stages.append(p.stage))
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=60000)
    w.media.add_paths([path])
    started = time.monotonic()
    assert w.summarize_video(path)
    qtbot.waitUntil(lambda: not w.session.busy, timeout=240000)
    stored = w.history.messages(w.session.conversation_id)[-1]
    assert stored.status == H.COMPLETE, w.chat_view.last().status_label.text()
    assert "reading_frames" in stages and "writing_summary" in stages
    assert 0 < stored.stats["tokens"] <= 12
    assert stored.stats["prompt_tokens"] > 50  # the frames went in
    assert time.monotonic() - started < 240
    w.close()


def test_timestamp_links_and_chapter_lines():
    from app.links import link_times

    text = link_times("At 1:02:03 and 00:05, not `00:06` nor 3:75 nor v1.00:10\n00:07 – Cut", 4000)
    assert "[1:02:03](cairn-time:3723)" in text and "[00:05](cairn-time:5)" in text
    assert "`00:06`" in text and "3:75" in text and "cairn-time:10" not in text
    assert text.endswith("\n- [00:07](cairn-time:7) – Cut")  # a chapter line keeps its line
    assert "cairn-time" not in link_times("at 09:59", duration_s=7.0)  # past the end
