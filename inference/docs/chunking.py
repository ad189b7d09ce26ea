"""Cut parsed blocks into retrieval chunks that keep their page and heading.

A chunk never spans two pages or two sections, so that every citation points at one page and
one heading. Sizes are measured in "weight": one per character, three per CJK character (about a
token each), so Chinese text gets chunks of a similar token count to English text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .records import Block, TextChunk

TARGET = 900  # weight of a chunk: about 200-250 tokens of English
MAXIMUM = 1400
OVERLAP = 150  # the tail of a chunk repeated at the start of the next one in the same section

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# runs of Chinese, Japanese or Korean characters: searched by trigrams (store.py, search.py)
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；])|\n+")


def has_cjk(text: str) -> bool:
    return CJK_RUN.search(text) is not None


def weight(text: str) -> int:
    return len(text) + 2 * len(_CJK.findall(text))


def _pieces(text: str) -> list[str]:
    """Sentences, with any sentence heavier than MAXIMUM cut at whitespace (or hard, for CJK)."""
    out: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if not sentence:
            continue
        if len(sentence) <= MAXIMUM // 3 or weight(sentence) <= MAXIMUM:
            out.append(sentence)
            continue
        # walk a long run by windows (linear time: a 40 MB line without stops is one sentence)
        pos = 0
        while pos < len(sentence):
            window = sentence[pos : pos + TARGET]
            if pos + TARGET >= len(sentence) and weight(window) <= MAXIMUM:
                cut = len(window)
            else:
                cut = max(1, _cut_point(window, TARGET))
            piece = window[:cut].strip()
            if piece:
                out.append(piece)
            pos += cut
    return out


def _cut_point(text: str, budget: int) -> int:
    """The last whitespace before `budget` weight, else the character where the budget runs out."""
    if not _CJK.search(text):  # weight == length: no need to walk the characters
        if len(text) < budget:
            return len(text)
        space = max(text.rfind(" ", 0, budget), text.rfind("\n", 0, budget))
        return space if space > budget // 3 else budget
    total = 0
    last_space = -1
    for i, ch in enumerate(text):
        total += 3 if _CJK.match(ch) else 1
        if ch.isspace():
            last_space = i
        if total >= budget:
            return last_space if last_space > budget // 3 else i + 1
    return len(text)


def chunk_blocks(blocks: Iterable[Block]) -> list[TextChunk]:
    """Chunks in reading order, numbered from 0."""
    chunks: list[TextChunk] = []
    current: list[str] = []
    current_weight = 0
    key: tuple[int | None, str] | None = None

    def emit() -> None:
        nonlocal current, current_weight
        text = " ".join(current).strip()
        if text and key is not None:
            chunks.append(TextChunk(len(chunks), text, key[0], key[1]))
        current, current_weight = [], 0

    for block in blocks:
        block_key = (block.page, block.heading)
        if block_key != key:
            emit()
            key = block_key
        for piece in _pieces(block.text):
            w = weight(piece) + 1
            if current and current_weight + w > TARGET:
                tail = _overlap_tail(current)
                emit()
                current = tail
                current_weight = sum(weight(p) + 1 for p in current)
            current.append(piece)
            current_weight += w
    emit()
    return chunks


def _overlap_tail(pieces: list[str]) -> list[str]:
    """The last sentences of a chunk, up to OVERLAP weight, carried into the next chunk."""
    tail: list[str] = []
    total = 0
    for piece in reversed(pieces):
        w = weight(piece) + 1
        if total + w > OVERLAP:
            break
        tail.insert(0, piece)
        total += w
    return tail
