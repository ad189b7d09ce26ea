"""Streaming Markdown: appended piece by piece it ends like a single render, at flat cost."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from app.markdown_doc import MarkdownDoc, split_segments

TEXT = (
    "# Title\n\nSome **bold** and `code`.\n\n1. one\n2. two\n\n"
    "```python\ndef f(x):\n    return x * 2\n```\n\nAfter the code.\n\n- a\n- b\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\nThe end."
)


@pytest.mark.parametrize("step", [1, 4, 17])
def test_streamed_render_matches_whole_render(qapp, step):
    streamed = QTextDocument()
    md = MarkdownDoc(streamed)
    for i in range(0, len(TEXT), step):
        md.append(TEXT[i : i + step])
    md.finish()
    whole = QTextDocument()
    at_once = MarkdownDoc(whole)
    at_once.append(TEXT)
    at_once.finish()
    assert streamed.toPlainText() == whole.toPlainText()
    assert md.codes == ["def f(x):\n    return x * 2"]
    plain = streamed.toPlainText()
    for piece in ("Title", "Some bold and code.", "one\ntwo", "return x * 2", "The end."):
        assert piece in plain
    assert "**" not in plain and "```" not in plain


def test_segments_commit_only_what_cannot_change():
    segs, consumed = split_segments("para one\n\npara tw", final=False)
    assert [s.closed for s in segs] == [True, False]
    assert consumed == len("para one\n\n")
    segs, consumed = split_segments("```py\nx = 1\n", final=False)
    assert segs[0].kind == "code" and not segs[0].closed and consumed == 0
    segs, _ = split_segments("```py\nx = 1\n```\nnext", final=False)
    assert segs[0].kind == "code" and segs[0].closed and segs[0].text == "x = 1"


def test_code_is_highlighted(qapp):
    doc = QTextDocument()
    md = MarkdownDoc(doc)
    md.append("```python\ndef f():\n    pass\n```")
    md.finish()
    html = doc.toHtml()
    assert "def" in doc.toPlainText()
    assert "color:" in html  # pygments spans survived into the document


def test_open_code_block_is_closed_at_the_end(qapp):
    doc = QTextDocument()
    md = MarkdownDoc(doc)
    md.append("```js\nlet a = 1;\n")
    assert md.codes == []  # still open: plain text, no copy link yet
    md.finish()
    assert md.codes == ["let a = 1;"]


def test_long_answer_is_split_into_bounded_documents(qapp):
    from app.chat_view import PIECE_CHARS, MessageWidget

    w = MessageWidget("assistant")
    text = "".join(f"Paragraph {i} with some words in it.\n\n" for i in range(400))
    for i in range(0, len(text), 7):
        w.append(text[i : i + 7])
    w.finish()
    assert w.text == text
    assert len(w.browsers) > 3
    assert all(len(p.source) < 2 * PIECE_CHARS for p in w.pieces)
    assert "Paragraph 399 with some words in it." in w.rendered_text
    again = MessageWidget("assistant")
    again.set_content(text)
    assert again.rendered_text == w.rendered_text
