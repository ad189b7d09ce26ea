"""Citations that never look alike, the PDF page with the cited passage marked on it, a viewer
that fits the screen, and the sources list following a language switch."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from app.job_records import SourceRef
from app.source_list import rows, sources_html
from tests.docs import docs_fixtures as F

FACT = "The lighthouse keeper Adelina Vorster painted the tower crimson in 1911."


def test_sources_at_one_place_share_a_row_and_rows_say_where():
    lic = Path("/d/artistic-license.html")
    sources = {
        3: SourceRef(3, lic, None, "", "This license establishes the terms under which"),
        4: SourceRef(4, lic, None, "", "Permission is granted to use, copy and distribute"),
        5: SourceRef(5, Path("/d/report.pdf"), 2, "", "The budget"),
        6: SourceRef(6, Path("/d/report.pdf"), 2, "", "The birds"),
        7: SourceRef(7, Path("/d/report.pdf"), 3, "", "More"),
        8: SourceRef(8, Path("/d/guide.md"), None, "Guide > Install", "Run the installer"),
        9: SourceRef(9, Path("/d/guide.md"), None, "Guide > Usage", "Start it"),
    }
    got = rows(sources, [9, 3, 4, 5, 6, 7, 8, 42])  # 42: not a source, left out
    assert got == [
        ([3, 4], "artistic-license.html"),
        ([5, 6], "report.pdf, page 2"),
        ([7], "report.pdf, page 3"),
        ([8], "guide.md, section “Install”"),
        ([9], "guide.md, section “Usage”"),
    ]
    assert len({text for _ns, text in got}) == len(got)  # no two rows read the same
    html = sources_html(sources, [3, 4])
    assert 'href="cairn-cite:3"' in html and 'href="cairn-cite:4"' in html  # each its own link
    assert "This license establishes" in html  # the passage's words as the number's tooltip


@pytest.fixture
def atlas(tmp_path) -> Path:
    rng = random.Random(3)
    pages = [F.filler(rng, 120) for _ in range(4)]
    pages[2] += " " + FACT
    path = tmp_path / "atlas.pdf"
    F.write_pdf(path, pages)
    return path


def test_pdf_viewer_marks_the_cited_passage_and_fits_the_screen(qtbot, atlas):
    from app.page_viewer import MARK, PageViewer

    viewer = PageViewer(atlas, 3, passage=FACT)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.page == 3, timeout=10000)
    assert viewer.marks, "the cited passage was not found on the page"
    # the mark is drawn: the pixel under the first rectangle is tinted yellow
    image = viewer.image_label.pixmap().toImage()
    factor = image.width() / viewer.image.width()
    r = viewer.marks[0]
    point = QPoint(int((r.x() + r.width() / 2) * factor), int((r.y() + r.height() / 2) * factor))
    colours = {QColor(image.pixel(point.x() + dx, point.y())).name() for dx in range(-20, 21, 4)}
    assert any(QColor(c).blue() < QColor(c).red() - 40 for c in colours), colours
    assert MARK.alpha() < 255  # translucent: the text stays readable under it
    # the dialog fits the screen (offscreen: 800x600, smaller than the old fixed 900 px)
    area = viewer.screen().availableGeometry()
    assert viewer.frameGeometry().height() <= area.height()
    for button in (viewer.prev_button, viewer.next_button, viewer.open_button):
        bottom = button.mapTo(viewer, QPoint(0, button.height())).y()
        assert button.isVisible() and bottom <= viewer.height()
    # another page has no mark; back on the cited page it is there again
    QTest.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.page == 4, timeout=10000)
    assert viewer.marks == ()
    QTest.mouseClick(viewer.prev_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.page == 3, timeout=10000)
    assert viewer.marks


def test_a_passage_split_by_a_line_break_is_still_found():
    from app.text_viewer import find_passage

    text = "Title\nThe pelican eats\nsardines at dawn near the harbor.\nMore."
    start, end = find_passage(text, "The pelican eats sardines at dawn near the harbor.")
    assert text[start:end] == "The pelican eats\nsardines at dawn near the harbor."
    assert find_passage(text, "Nothing like this here at all") is None
