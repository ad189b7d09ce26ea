"""PDF (pypdfium2, BSD/Apache) and DOCX (python-docx, MIT) text extraction.

PDF: text per page; the outline (bookmarks), when present, gives each page its heading.
DOCX: paragraphs and tables in order, headings from the Heading/Title styles; pages come from
the page breaks Word records (rendered breaks first, else explicit ones), None when there are none.
The zip container of a DOCX is checked for bombs before python-docx opens it.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from ..errors import CairnError, ErrorCode
from .records import Block, Parsed

log = logging.getLogger(__name__)

MAX_ZIP_TOTAL = 512 * 1024 * 1024  # bytes, all entries unpacked
MAX_ZIP_RATIO = 200  # unpacked / packed for any entry over 1 MiB
_OLE_MAGIC = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected Office files are OLE containers
)


def parse_pdf(path: Path) -> Parsed:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if e.err_code == raw.FPDF_ERR_PASSWORD:
            raise CairnError(ErrorCode.DOC_ENCRYPTED, str(path)) from None
        if e.err_code == raw.FPDF_ERR_FILE and not path.exists():
            raise CairnError(ErrorCode.DOC_NOT_FOUND, str(path)) from None
        if e.err_code == raw.FPDF_ERR_SECURITY:
            raise CairnError(
                ErrorCode.DOC_ENCRYPTED, f"{path}: unsupported security handler"
            ) from None
        raise CairnError(ErrorCode.DOC_MALFORMED, f"{path}: {e}") from None
    try:
        n = len(pdf)
        headings = _outline_by_page(pdf, n)
        blocks: list[Block] = []
        for i in range(n):
            page = pdf[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            text = _tidy_pdf_text(text)
            if text:
                blocks.append(Block(text, page=i + 1, heading=headings[i]))
        return Parsed(tuple(blocks), n)
    finally:
        pdf.close()


def _tidy_pdf_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub(r"-\n(?=[a-z])", "", text)  # words hyphenated across lines
    return re.sub(r"[ \t]+", " ", text).strip()


def _outline_by_page(pdf, n: int) -> list[str]:
    """The heading path in force on each page, from the PDF outline; "" where there is none."""
    marks: list[tuple[int, int, str]] = []
    try:
        for item in pdf.get_toc(max_depth=6):
            dest = item.get_dest()
            page = dest.get_index() if dest is not None else None
            if page is not None and 0 <= page < n:
                marks.append((page, item.level, (item.get_title() or "").strip()))
    except Exception:  # noqa: BLE001 - pypdfium2 outlines of hostile files fail in any way
        log.debug("unreadable PDF outline: no headings", exc_info=True)  # the text still counts
        return [""] * n
    marks.sort(key=lambda m: m[0])
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    j = 0
    for page in range(n):
        while j < len(marks) and marks[j][0] <= page:
            _, level, title = marks[j]
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            j += 1
        out.append(" > ".join(t for _, t in stack if t))
    return out


def check_zip(path: Path) -> None:
    """Refuse zip bombs and non-zip files before a zip-based parser opens them."""
    with path.open("rb") as f:
        head = f.read(8)
    if head == _OLE_MAGIC:
        raise CairnError(ErrorCode.DOC_ENCRYPTED, f"{path}: encrypted or legacy Office file")
    try:
        with zipfile.ZipFile(path) as z:
            total = 0
            for info in z.infolist():
                total += info.file_size
                ratio = info.file_size / max(1, info.compress_size)
                if info.file_size > 1 << 20 and ratio > MAX_ZIP_RATIO:
                    raise CairnError(
                        ErrorCode.DOC_TOO_LARGE,
                        f"{path}: entry {info.filename} unpacks {ratio:.0f}x (zip bomb?)",
                    )
            if total > MAX_ZIP_TOTAL:
                raise CairnError(ErrorCode.DOC_TOO_LARGE, f"{path}: unpacks to {total} bytes")
    except zipfile.BadZipFile as e:
        raise CairnError(ErrorCode.DOC_MALFORMED, f"{path}: {e}") from None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(path: Path) -> Parsed:
    check_zip(path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile) as e:
        raise CairnError(ErrorCode.DOC_MALFORMED, f"{path}: {e}") from None
    except Exception as e:  # noqa: BLE001 - lxml syntax errors and the like: the file's failure
        raise CairnError(ErrorCode.DOC_MALFORMED, f"{path}: {type(e).__name__}: {e}") from None
    body = document.element.body
    rendered = bool(body.findall(f".//{_W}lastRenderedPageBreak"))
    explicit = bool(body.findall(f".//{_W}br[@{_W}type='page']")) or bool(
        body.findall(f".//{_W}pageBreakBefore")
    )
    paged = rendered or explicit
    page = 1
    stack: list[tuple[int, str]] = []
    blocks: list[Block] = []

    def heading() -> str:
        return " > ".join(t for _, t in stack)

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                rows.append(" | ".join(c for c in cells if c))
            text = "\n".join(r for r in rows if r)
            if text:
                blocks.append(Block(text, page=page if paged else None, heading=heading()))
            continue
        assert isinstance(item, Paragraph)
        level = _heading_level(item)
        if not rendered and item._p.find(f"{_W}pPr/{_W}pageBreakBefore") is not None:
            page += 1
        segments = [""]
        for el in item._p.iter():
            if el.tag == f"{_W}t":
                segments[-1] += el.text or ""
            elif el.tag == f"{_W}tab":
                segments[-1] += "\t"
            elif el.tag == f"{_W}br" and el.get(f"{_W}type") not in ("page", "column"):
                segments[-1] += "\n"
            elif (rendered and el.tag == f"{_W}lastRenderedPageBreak") or (
                not rendered and el.tag == f"{_W}br" and el.get(f"{_W}type") == "page"
            ):
                segments.append("")
        for n, segment in enumerate(segments):
            if n:
                page += 1
            text = segment.strip()
            if not text:
                continue
            if level:
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, " ".join(text.split())))
                continue  # the heading travels with the blocks under it
            blocks.append(Block(text, page=page if paged else None, heading=heading()))
    # a heading with no body under it is still text worth finding
    if not blocks and stack:
        blocks = [Block(heading(), page=page if paged else None)]
    return Parsed(tuple(blocks), page if paged else None)


def _heading_level(paragraph) -> int:
    try:
        name = paragraph.style.name or ""
    except (AttributeError, KeyError, ValueError):  # a style the document names but lacks
        log.debug("paragraph style unreadable: body text", exc_info=True)
        return 0
    if name == "Title":
        return 1
    m = re.match(r"Heading (\d)", name)
    return int(m.group(1)) + 1 if m else 0  # Heading 1 sits under the Title
