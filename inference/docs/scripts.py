"""Which writing systems a text uses: how the relevance gate tells a question in another language
than the documents ("GPL v3 是什么?" over English files) from a question they cannot answer.

Keyword coverage cannot judge a question whose words are in a script the documents never use:
those words match nothing, whatever the documents hold. Scripts are read from Unicode character
names (no language model, no data files); Han, kana and Hangul count as one "cjk" script.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

_CJK_NAMES = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")


def script_of(ch: str) -> str | None:
    """The script of a letter ("latin", "cjk", "cyrillic", ...); None for anything else."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if not name:
        return None
    if name.startswith(_CJK_NAMES):
        return "cjk"
    return name.split(" ", 1)[0].lower()


def scripts(text: str) -> Counter[str]:
    """Letters per script in `text`."""
    return Counter(s for s in map(script_of, text) if s is not None)


def foreign_scripts(question: str, samples: Iterable[str]) -> set[str]:
    """The scripts the question writes in that none of the sample texts (the documents) uses.

    A script counts for the question when it holds at least two letters ("是什么" does, a stray
    "é" does not).
    """
    asked = {s for s, n in scripts(question).items() if n >= 2}
    if not asked:
        return set()
    seen: set[str] = set()
    for text in samples:
        seen |= set(scripts(text))
        if asked <= seen:
            return set()
    return asked - seen
