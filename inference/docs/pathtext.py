"""File paths as SQLite text, for names that are not valid UTF-8.

On Linux a file name is bytes; Python hands the bytes that are not UTF-8 over as lone surrogates
("\\udcff", PEP 383), which SQLite cannot store as text: one such name used to end a whole
`docs add` batch with UnicodeEncodeError. The store keeps paths as text with each surrogate
written as ESCAPE plus four hex digits, and ESCAPE itself doubled, a mapping that is exact both
ways and works character by character, so a folder's prefix is still the prefix of its files'
keys (folder removal and the vanished-file sweep compare prefixes). Ordinary names, the only
ones stored before, are unchanged. ESCAPE is U+FFFF, a noncharacter no real name uses.
"""

from __future__ import annotations

import os
from pathlib import Path

ESCAPE = "\uffff"


def path_key(path: Path | str) -> str:
    """The text stored for `path` (valid UTF-8, reversible)."""
    text = str(path)
    if text.isascii():
        return text
    out = []
    for ch in text:
        if "\ud800" <= ch <= "\udfff":
            out.append(f"{ESCAPE}{ord(ch):04x}")
        elif ch == ESCAPE:
            out.append(ESCAPE + ESCAPE)
        else:
            out.append(ch)
    return "".join(out)


def key_path(key: str) -> Path:
    """The path a stored key stands for (surrogate escapes restored)."""
    if ESCAPE not in key:
        return Path(key)
    out = []
    i = 0
    while i < len(key):
        ch = key[i]
        if ch != ESCAPE:
            out.append(ch)
            i += 1
        elif key[i + 1 : i + 2] == ESCAPE:
            out.append(ESCAPE)
            i += 2
        else:
            out.append(chr(int(key[i + 1 : i + 5], 16)))
            i += 5
    return Path("".join(out))


def safe_text(text: str) -> str:
    """Free text (an error detail naming a file) made storable: surrogates become U+FFFD."""
    if text.isascii():
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def resolved(path: Path | str) -> Path:
    """`path` made absolute with its links resolved; a symlink loop or an unreadable link keeps
    its absolute, unresolved form (the name itself may be what was stored)."""
    named = Path(path).expanduser()
    try:
        return named.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return Path(os.path.abspath(named))
