"""Numbered-source prompts and the parsing of [n] citations back to files and pages.

The prompt builder and the citation parser are pure functions so that the mapping from "[2]" in
an answer to a file and page can be tested exactly, whatever a (possibly tiny, random) model says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..records import Citation, Message

SNIPPET_CHARS = 240

SYSTEM_QA = (
    "You answer questions using only the numbered sources below, which come from the user's own "
    "documents. After each statement, cite the sources that support it by their numbers in square "
    "brackets, like [1] or [2][3]. If the sources do not contain the answer, say that the "
    "documents do not contain it; do not guess and do not use outside knowledge. Answer in the "
    "language of the question."
)
SYSTEM_SUMMARY = (
    "You summarize the user's document from the numbered sources below, which are its parts in "
    "order. Cover the main points in order, keep names, numbers and dates exact, and cite the "
    "parts you draw on by their numbers in square brackets, like [1] or [2][3]. Use only the "
    "sources. Write in the language of the request."
)
SYSTEM_PART = (
    "Summarize this part of a document in a few sentences. Keep the key facts, names, numbers "
    "and dates exact. Use only the text given."
)


@dataclass(frozen=True)
class Source:
    """One numbered source in a prompt: a chunk, a page, or a summary of several pages."""

    n: int
    path: Path
    page: int | None
    text: str
    heading: str = ""
    last_page: int | None = None  # a summary of pages page..last_page

    def label(self) -> str:
        where = self.path.name
        if self.page is not None:
            if self.last_page is not None and self.last_page != self.page:
                where += f", pages {self.page}-{self.last_page}"
            else:
                where += f", page {self.page}"
        if self.heading:
            where += f" ({self.heading})"
        return where

    def citation(self) -> Citation:
        return Citation(path=self.path, page=self.page, snippet=snippet(self.text))


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def estimate_tokens(text: str) -> int:
    """A tokenizer-free estimate: about 4 ASCII characters per token, one token per other
    character (CJK). Used only to budget prompts, with a margin."""
    other = len(_NON_ASCII.findall(text))
    return (len(text) - other) // 4 + other + 1


def sources_block(sources: list[Source]) -> str:
    return "\n\n".join(f"[{s.n}] {s.label()}\n{s.text.strip()}" for s in sources)


def qa_messages(question: str, sources: list[Source]) -> tuple[Message, ...]:
    user = f"Sources:\n\n{sources_block(sources)}\n\nQuestion: {question.strip()}"
    return (Message("system", SYSTEM_QA), Message("user", user))


def summary_messages(request: str, sources: list[Source]) -> tuple[Message, ...]:
    name = sources[0].path.name if sources else "the document"
    user = f"Document: {name}\n\nSources:\n\n{sources_block(sources)}\n\nRequest: {request.strip()}"
    return (Message("system", SYSTEM_SUMMARY), Message("user", user))


def part_messages(source: Source) -> tuple[Message, ...]:
    user = f"Part of {source.label()}:\n\n{source.text.strip()}\n\nSummary of this part:"
    return (Message("system", SYSTEM_PART), Message("user", user))


# [1], [1, 2], [1-3], [1][2], 【1】 and the full-width ［1］ some models write in Chinese
_CITE = re.compile(r"[\[【［]\s*(\d+(?:\s*(?:[,，;；]|[-–—~])\s*\d+)*)\s*[\]】］]")
_MAX_RANGE = 20


def cited_numbers(text: str) -> list[int]:
    """Source numbers cited in `text`, in order of first appearance, without repeats."""
    seen: dict[int, None] = {}
    for m in _CITE.finditer(text):
        for part in re.split(r"\s*[,，;；]\s*", m.group(1)):
            bounds = re.split(r"\s*[-–—~]\s*", part)
            if len(bounds) == 2:
                a, b = int(bounds[0]), int(bounds[1])
                if a <= b and b - a <= _MAX_RANGE:
                    seen.update(dict.fromkeys(range(a, b + 1)))
            else:
                seen[int(bounds[0])] = None
    return list(seen)


def parse_citations(text: str, sources: list[Source]) -> list[tuple[int, Citation]]:
    """(n, Citation) for each [n] in `text` that names a source; numbers out of range are dropped."""
    by_number = {s.n: s for s in sources}
    return [(n, by_number[n].citation()) for n in cited_numbers(text) if n in by_number]


_SUMMARY = re.compile(
    r"\bsummar(?:y|ies|i[sz]e|i[sz]ing|i[sz]ation)\b|\btl;?dr\b|\boverview\b|\bgist\b"
    r"|\b(?:main|key) (?:points|ideas|takeaways)\b"
    r"|\bwhat(?: is|'s| are)\b.{0,40}\b(?:about)\s*\??\s*$"
    r"|总结|概括|摘要|概述|主要内容|大意|要点",
    re.IGNORECASE,
)


def wants_summary(question: str) -> bool:
    """True for requests about a whole document ("summarize report.pdf", "what is this about?"),
    which top-k retrieval answers badly: they take the whole-document path instead."""
    return _SUMMARY.search(question.strip()) is not None
