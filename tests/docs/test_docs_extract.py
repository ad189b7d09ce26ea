"""Parsers on documents generated here: pages, headings and encodings come out right."""

from __future__ import annotations

from pathlib import Path

import pytest

from inference.docs.chunking import chunk_blocks, weight
from inference.docs.extract import extract
from inference.docs.extract_text import decode_text
from inference.errors import CairnError, ErrorCode
from tests.docs import docs_fixtures as F


def test_pdf_text_per_page(tmp_path: Path):
    path = F.write_pdf(tmp_path / "a.pdf", ["alpha page one", "beta (page) two", "gamma three"])
    parsed = extract(path)
    assert parsed.pages == 3
    assert [(b.page, b.text) for b in parsed.blocks] == [
        (1, "alpha page one"),
        (2, "beta (page) two"),
        (3, "gamma three"),
    ]


def test_docx_pages_from_page_breaks_and_headings(tmp_path: Path):
    path = F.write_docx(
        tmp_path / "d.docx",
        [("First", ["one a", "one b"]), ("Second", ["two a"]), ("Third", ["three a"])],
        page_breaks=True,
    )
    parsed = extract(path)
    assert parsed.pages == 3
    got = [(b.page, b.heading, b.text) for b in parsed.blocks]
    assert got == [
        (1, "First", "one a"),
        (1, "First", "one b"),
        (2, "Second", "two a"),
        (3, "Third", "three a"),
    ]


def test_docx_without_breaks_has_no_pages(tmp_path: Path):
    path = F.write_docx(tmp_path / "d.docx", [("Only", ["text here"])], page_breaks=False)
    parsed = extract(path)
    assert parsed.pages is None
    assert [(b.page, b.heading) for b in parsed.blocks] == [(None, "Only")]


SAMPLES = {
    "cp1252": "Le café « crème » coûte 7 € à Noël, déjà très populaire chez les habitués.",
    "cp1250": "Zażółć gęślą jaźń, to jest polski tekst w kodowaniu Windows.",
    "cp1251": "Привет, как дела? Это тест кодировки для документов.",
    "gbk": "北京是中国的首都。量子计算机的研究在合肥的实验室进行，研究人员每天记录数据。",
}


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"] + list(SAMPLES),
)
def test_decode_common_encodings(encoding: str):
    text = SAMPLES.get(encoding, "Grüße aus Köln — 北京 — ünïcödé text with plenty of ASCII.")
    assert decode_text(text.encode(encoding)) == text


def test_binary_named_txt_is_refused(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(CairnError) as e:
        extract(path)
    assert e.value.code is ErrorCode.DOC_UNSUPPORTED


def test_markdown_headings_path(tmp_path: Path):
    path = tmp_path / "g.md"
    path.write_text("# Guide\n\nintro\n\n## Install\n\nsteps\n\nSetext\n------\n\nmore\n")
    blocks = extract(path).blocks
    assert [(b.heading, b.text) for b in blocks] == [
        ("Guide", "intro"),
        ("Guide > Install", "steps"),
        ("Guide > Setext", "more"),
    ]


def test_html_drops_script_and_style(tmp_path: Path):
    path = tmp_path / "p.html"
    path.write_text(
        "<html><head><style>.x{}</style><script>var s='hidden';</script></head>"
        "<body><h1>Top</h1><p>Shown &amp; kept</p><script>nope()</script></body></html>"
    )
    blocks = extract(path).blocks
    assert [(b.heading, b.text) for b in blocks] == [("Top", "Shown & kept")]


def test_plain_text_form_feeds_are_pages(tmp_path: Path):
    path = tmp_path / "p.txt"
    path.write_text("page one\fpage two\n\nstill two\fpage three")
    parsed = extract(path)
    assert parsed.pages == 3
    assert [b.page for b in parsed.blocks] == [1, 2, 2, 3]


def test_chunks_never_span_pages_and_keep_headings(tmp_path: Path):
    import random

    rng = random.Random(3)
    pages = [F.filler(rng, 700) for _ in range(3)]
    parsed = extract(F.write_pdf(tmp_path / "long.pdf", pages))
    chunks = chunk_blocks(parsed.blocks)
    assert {c.page for c in chunks} == {1, 2, 3}
    assert all(weight(c.text) <= 1600 for c in chunks)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    # every word of every page lands in that page's chunks
    for number, page in enumerate(pages, 1):
        joined = " ".join(c.text for c in chunks if c.page == number)
        assert set(page.split()) <= set(joined.split())


def test_pdf_outline_gives_page_headings(tmp_path: Path):
    path = F.write_pdf(
        tmp_path / "o.pdf",
        ["cover", "intro text", "results text", "more results"],
        outline=[("Introduction", 1), ("Results", 2)],
    )
    assert [(b.page, b.heading) for b in extract(path).blocks] == [
        (1, ""),
        (2, "Introduction"),
        (3, "Results"),
        (4, "Results"),
    ]


def test_docx_rendered_page_breaks_win(tmp_path: Path):
    """Word records where it broke pages when it last laid the file out; those are used."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("first page text")
    p = document.add_paragraph("still first ")
    run = p.add_run("second page text")
    run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    document.add_paragraph("also second")
    path = tmp_path / "r.docx"
    document.save(str(path))
    parsed = extract(path)
    assert [(b.page, b.text) for b in parsed.blocks] == [
        (1, "first page text"),
        (1, "still first"),
        (2, "second page text"),
        (2, "also second"),
    ]


def test_html_meta_charset(tmp_path: Path):
    path = tmp_path / "zh.html"
    html = '<html><head><meta charset="gbk"></head><body><p>北京是中国的首都</p></body></html>'
    path.write_bytes(html.encode("gbk"))
    assert [b.text for b in extract(path).blocks] == ["北京是中国的首都"]
