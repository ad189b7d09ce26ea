"""Untrusted text made safe to print: the one helper every command uses before a terminal.

File names, document titles and snippets, video paths and error details come from files the user
did not write. Printed raw, an escape sequence in a file name can retitle or recolour the
terminal, hide text or move the cursor. `shown` makes every control character visible instead
("\\x1b" becomes the four characters \\x1b) and turns bytes that are not UTF-8 (file names carry
them as surrogate escapes, "\\udcff") into the replacement character, so printing never fails
either.
"""

from __future__ import annotations

import os
import unicodedata

# Kept as they are when the caller asks for running text (model output, multi-line snippets).
_LAYOUT = frozenset("\n\t")


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def shown(value: object, *, keep_layout: bool = False) -> str:
    """`value` as text with every control or format character (C0, DEL, C1, bidi overrides,
    line and paragraph separators) written as a visible escape; undecodable bytes become U+FFFD.

    keep_layout: newline and tab pass through (running text); otherwise they are escaped too
    (one-line fields such as a file name)."""
    text = os.fspath(value) if isinstance(value, os.PathLike) else str(value)
    if isinstance(text, bytes):  # a bytes path
        text = text.decode("utf-8", "replace")
    if not text.isascii() or not text.isprintable():
        # surrogate escapes (bytes of a name that is not UTF-8) -> their bytes -> U+FFFD
        if _has_surrogate(text):
            text = undecodable_replaced(text)
        out = []
        for ch in text:
            if keep_layout and ch in _LAYOUT:
                out.append(ch)
            elif ch.isprintable() or (ch == " "):
                out.append(ch)
            elif unicodedata.category(ch) == "Zs":  # other spaces are harmless
                out.append(ch)
            else:
                out.append(_visible(ch))
        text = "".join(out)
    return text


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def undecodable_replaced(text: str) -> str:
    """`text` with the surrogate escapes of non-UTF-8 bytes turned into U+FFFD (any other lone
    surrogate, as Windows names may hold, too)."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
