"""Text-like formats: plain text in any common encoding, Markdown and HTML.

Decoding tries, in order: a byte-order mark, UTF-16 without a BOM (spotted by its zero bytes),
strict UTF-8, then charset detection (charset_normalizer). Data that still looks binary is refused
with DOC_UNSUPPORTED, so that a binary file named .txt never fills the index with noise.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from ..errors import CairnError, ErrorCode
from .records import Block, Parsed

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode_text(data: bytes, name: str = "") -> str:
    """Bytes -> str, or CairnError(DOC_UNSUPPORTED) for binary data."""
    text = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:200_000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise CairnError(ErrorCode.DOC_UNSUPPORTED, f"{name}: binary content, not text")
    return text


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise CairnError(ErrorCode.DOC_UNSUPPORTED, f"{name}: binary content, not text")
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass  # not UTF-8: guess the encoding below
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None:
        raise CairnError(ErrorCode.DOC_UNSUPPORTED, f"{name}: binary content, not text")
    text = data.decode(best.encoding, errors="replace")
    return _prefer_cp1252(data, text) or text


# A symbol wedged between two letters ("Za¿ó³æ"): the sign of a wrong single-byte code page.
_ODD_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s'’.,;:!?()\-–—/«»\"“”„‚‘€$%&*+=<>@#](?=[^\W\d_])")


def _prefer_cp1252(data: bytes, detected: str) -> str | None:
    """Windows-1252 when the detector chose another Latin code page and cp1252 reads cleanly.

    On short texts charset_normalizer often cannot tell cp1252 from cp1250 / cp1257 (they share
    most letters) and picks one at random; cp1252 is by far the most common legacy encoding of
    Latin-script files, so it wins unless its reading puts symbols inside words.
    """
    letters = [c for c in detected if c.isalpha()]
    if not letters or sum(c < "\u0250" for c in letters) < 0.95 * len(letters):
        return None  # Cyrillic, Greek, CJK...: trust the detector
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return None if _ODD_IN_WORD.search(text) else text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when zero bytes sit at odd / even offsets, as in mostly-ASCII UTF-16."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    zero_even = even.count(0) / len(even)
    zero_odd = odd.count(0) / len(odd)
    if zero_odd > 0.3 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.3 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def parse_plain(data: bytes, name: str = "") -> Parsed:
    """Plain text: paragraphs; form feeds (\\f) split pages when present."""
    text = decode_text(data, name)
    if "\f" in text:
        pages = text.split("\f")
        blocks = [Block(p, page=i) for i, page in enumerate(pages, 1) for p in _paragraphs(page)]
        return Parsed(tuple(blocks), len(pages))
    return Parsed(tuple(Block(p) for p in _paragraphs(text)), None)


class _Headings:
    """A heading path kept as a stack by level (1 = top)."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def push(self, level: int, title: str) -> None:
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        self._stack.append((level, title))

    @property
    def path(self) -> str:
        return " > ".join(t for _, t in self._stack)


_MD_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")


def parse_markdown(data: bytes, name: str = "") -> Parsed:
    """Markdown: ATX (#) and setext (=== / ---) headings start sections; fences are kept as text."""
    lines = decode_text(data, name).split("\n")
    headings = _Headings()
    blocks: list[Block] = []
    para: list[str] = []
    in_fence = False

    def flush() -> None:
        text = "\n".join(para).strip()
        para.clear()
        if text:
            blocks.append(Block(text, heading=headings.path))

    for i, line in enumerate(lines):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            para.append(line)
            continue
        if in_fence:
            para.append(line)
            continue
        atx = _MD_ATX.match(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if atx:
            flush()
            headings.push(len(atx.group(1)), atx.group(2))
        elif line.strip() and not para and re.fullmatch(r"\s*(=+|-+)\s*", nxt) and len(nxt) > 1:
            flush()
            headings.push(1 if "=" in nxt else 2, line.strip())
            lines[i + 1] = ""  # the underline is consumed
        elif not line.strip():
            flush()
        else:
            para.append(line)
    flush()
    return Parsed(tuple(blocks), None)


_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "br", "tr", "table", "section", "article", "header", "footer",
    "blockquote", "pre", "dd", "dt", "hr", "main", "aside", "nav", "figure", "figcaption", "td",
    "th",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings = _Headings()
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._skip = 0
        self._heading_level = 0
        self._heading_buf: list[str] = []

    def _flush(self) -> None:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self._buf))
        text = re.sub(r"\s*\n\s*", "\n", text).strip()
        self._buf.clear()
        if text:
            self.blocks.append(Block(text, heading=self.headings.path))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading_level = int(tag[1])
            self._heading_buf = []
        elif tag in _BLOCK_TAGS:
            self._flush() if tag != "br" else self._buf.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif re.fullmatch(r"h[1-6]", tag) and self._heading_level:
            title = " ".join("".join(self._heading_buf).split())
            if title:
                self.headings.push(self._heading_level, title)
            self._heading_level = 0
        elif tag in _BLOCK_TAGS and tag != "br":
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        (self._heading_buf if self._heading_level else self._buf).append(data)


def parse_html(data: bytes, name: str = "") -> Parsed:
    """HTML with the standard library's parser; script, style and head content are dropped."""
    text = decode_text(_html_bytes_charset(data), name)
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    parser._flush()
    return Parsed(tuple(parser.blocks), None)


def _html_bytes_charset(data: bytes) -> bytes:
    """Re-encode as UTF-8 when a <meta charset> names an encoding the bytes decode with."""
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.I)
    if not m:
        return data
    try:
        return data.decode(m.group(1).decode("ascii")).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data
