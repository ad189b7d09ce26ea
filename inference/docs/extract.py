"""Pick the parser for a file by its extension. Runs inside the sandboxed child (see sandbox.py)."""

from __future__ import annotations

from pathlib import Path

from ..errors import CairnError, ErrorCode
from .records import Parsed

PDF = (".pdf",)
DOCX = (".docx",)
MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")
HTML = (".html", ".htm", ".xhtml")
PLAIN = (".txt", ".text", ".log", ".rst", ".csv", ".tsv")
SUPPORTED_SUFFIXES = frozenset(PDF + DOCX + MARKDOWN + HTML + PLAIN)
MAX_TEXT_BYTES = 64 * 1024 * 1024  # text formats are read whole


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def extract(path: Path) -> Parsed:
    """Parse `path` into blocks; CairnError(DOC_*) for anything that is not readable text."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise CairnError(ErrorCode.DOC_UNSUPPORTED, str(path))
    try:
        if suffix in PDF:
            from .extract_office import parse_pdf

            parsed = parse_pdf(path)
        elif suffix in DOCX:
            from .extract_office import parse_docx

            parsed = parse_docx(path)
        else:
            from . import extract_text

            if path.stat().st_size > MAX_TEXT_BYTES:
                raise CairnError(ErrorCode.DOC_TOO_LARGE, f"{path}: over {MAX_TEXT_BYTES} bytes")
            data = path.read_bytes()
            name = str(path)
            if suffix in MARKDOWN:
                parsed = extract_text.parse_markdown(data, name)
            elif suffix in HTML:
                parsed = extract_text.parse_html(data, name)
            else:
                parsed = extract_text.parse_plain(data, name)
    except FileNotFoundError:
        raise CairnError(ErrorCode.DOC_NOT_FOUND, str(path)) from None
    except IsADirectoryError:
        raise CairnError(ErrorCode.DOC_UNSUPPORTED, f"{path}: a folder") from None
    except PermissionError:
        raise CairnError(ErrorCode.DOC_NOT_FOUND, f"{path}: permission denied") from None
    if not any(b.text.strip() for b in parsed.blocks):
        raise CairnError(ErrorCode.DOC_NO_TEXT, str(path))
    return parsed
