"""Documents made at test time (and by bench/docs.py), with known facts on known pages.

The PDF writer emits a minimal valid PDF by hand (one Helvetica text stream per page, a correct
xref table); with `user_password` it applies the PDF Standard security handler (revision 2,
RC4 40-bit, ISO 32000-1 algorithms 2-4), so that PDFium asks for a password exactly as it would
for a real protected file, and opens it with that password.
"""

from __future__ import annotations

import hashlib
import random
import textwrap
import zipfile
from pathlib import Path

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")

FILLER_WORDS = (
    "river stone market window garden letter silver morning harbor valley engine paper "
    "lantern orchard bridge meadow pocket ladder candle thunder mirror pencil basket forest "
    "anchor blanket castle feather island jacket kettle lemon marble needle ocean pebble "
    "quilt saddle tunnel violin wagon yellow zebra copper velvet plaster timber granite"
).split()


def filler(rng: random.Random, words: int) -> str:
    out = []
    for i in range(words):
        out.append(rng.choice(FILLER_WORDS))
        if i % 12 == 11:
            out[-1] += "."
    return " ".join(out).capitalize() + "."


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(
    pages: list[str],
    *,
    user_password: str | None = None,
    width: int = 95,
    outline: list[tuple[str, int]] = (),
) -> bytes:
    """A PDF with one page per string (ASCII text, wrapped), optionally password protected,
    optionally with a flat outline of (title, 0-based page index) bookmarks."""
    n = len(pages)
    page_ids = [4 + 2 * i for i in range(n)]
    catalog = "<< /Type /Catalog /Pages 2 0 R >>"
    objects: dict[int, bytes] = {
        2: f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {n} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    streams: dict[int, bytes] = {}
    for i, text in enumerate(pages):
        lines: list[str] = []
        for para in text.split("\n"):
            lines += textwrap.wrap(para, width) or [""]
        ops = ["BT /F1 10 Tf 12 TL 50 760 Td"] + [f"({_escape(line)}) Tj T*" for line in lines]
        streams[page_ids[i] + 1] = ("\n".join(ops) + "\nET").encode("latin-1")
        objects[page_ids[i]] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R"
            f" >> >> /Contents {page_ids[i] + 1} 0 R >>"
        ).encode()
    if outline:
        assert user_password is None, "outline strings are not encrypted by this writer"
        root = 4 + 2 * n + 1
        items = [root + 1 + i for i in range(len(outline))]
        catalog = f"<< /Type /Catalog /Pages 2 0 R /Outlines {root} 0 R >>"
        objects[root] = (
            f"<< /Type /Outlines /First {items[0]} 0 R /Last {items[-1]} 0 R /Count {len(items)} >>"
        ).encode()
        for i, (title, page) in enumerate(outline):
            links = f" /Prev {items[i - 1]} 0 R" if i else ""
            links += f" /Next {items[i + 1]} 0 R" if i + 1 < len(items) else ""
            objects[items[i]] = (
                f"<< /Title ({_escape(title)}) /Parent {root} 0 R{links}"
                f" /Dest [{page_ids[page]} 0 R /Fit] >>"
            ).encode()
    objects[1] = catalog.encode()
    file_id = hashlib.md5(repr(pages).encode()).digest()
    encrypt_ref = ""
    key = b""
    if user_password is not None:
        owner = hashlib.md5((b"owner-" + user_password.encode() + _PAD)[:32]).digest()[:5]
        padded_user = (user_password.encode("latin-1") + _PAD)[:32]
        o_value = _rc4(owner, padded_user)
        p_value = -4
        key = hashlib.md5(
            padded_user + o_value + p_value.to_bytes(4, "little", signed=True) + file_id
        ).digest()[:5]
        u_value = _rc4(key, _PAD)
        enc_id = 4 + 2 * n
        objects[enc_id] = (
            f"<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> /U <{u_value.hex()}>"
            f" /P {p_value} >>"
        ).encode()
        encrypt_ref = f" /Encrypt {enc_id} 0 R"
    for num, data in streams.items():
        if key:
            object_key = hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:10]
            data = _rc4(object_key, data)
        objects[num] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    out += (
        f"trailer\n<< /Size {size} /Root 1 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]"
        f"{encrypt_ref} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def write_pdf(path: Path, pages: list[str], **kw) -> Path:
    path.write_bytes(pdf_bytes(pages, **kw))
    return path


def write_docx(path: Path, sections: list[tuple[str, list[str]]], *, page_breaks: bool) -> Path:
    """One heading plus paragraphs per section; a page break after each section when asked."""
    import docx

    document = docx.Document()
    for i, (heading, paragraphs) in enumerate(sections):
        document.add_heading(heading, level=1)
        for p in paragraphs:
            document.add_paragraph(p)
        if page_breaks and i < len(sections) - 1:
            document.add_page_break()
    document.save(str(path))
    return path


def write_zip_bomb_docx(path: Path, unpacked_mb: int = 64) -> Path:
    """A .docx whose document.xml unpacks to `unpacked_mb` MiB from a few kilobytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            block = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                f.write(block)
    return path
