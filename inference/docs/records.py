"""Records of the document store: what the parsers produce, what the store keeps and returns.

Frozen dataclasses, so that the GUI can hold them across threads.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CairnError, ErrorCode

DEFAULT_COLLECTION = "default"


class FileStatus(str, enum.Enum):
    QUEUED = "queued"  # listed, waiting for its turn (survives an interruption)
    INDEXING = "indexing"  # being parsed; found in this state after a crash, it is redone
    READY = "ready"
    FAILED = "failed"  # reason in FileInfo.error / error_detail


@dataclass(frozen=True)
class Block:
    """A run of text from a parser: one paragraph or page part, with where it sits.

    `page` is 1-based, None for formats without pages; `heading` is the heading path in force
    ("Report > Results"), "" when there is none.
    """

    text: str
    page: int | None = None
    heading: str = ""


@dataclass(frozen=True)
class Parsed:
    """A parsed document: its blocks in reading order and how many pages it has (None: no pages)."""

    blocks: tuple[Block, ...]
    pages: int | None


@dataclass(frozen=True)
class TextChunk:
    """A piece of a document sized for retrieval; never spans two pages."""

    ordinal: int
    text: str
    page: int | None
    heading: str


@dataclass(frozen=True)
class FileInfo:
    """A document known to the store, with its indexing state."""

    path: Path
    collection: str
    status: FileStatus
    error: ErrorCode | None = None
    error_detail: str = ""
    pages: int | None = None
    chunks: int = 0
    size: int = 0
    sha256: str = ""
    indexed_at: float | None = None


@dataclass(frozen=True)
class Hit:
    """A search result. Higher score is better; `coverage` is the share of query terms it holds."""

    path: Path
    page: int | None
    text: str
    score: float
    heading: str = ""
    chunk_id: int = 0
    ordinal: int = 0
    coverage: float = 1.0
    similarity: float | None = None  # cosine to the query, for hits found by dense search


@dataclass(frozen=True)
class IngestFailure:
    path: Path
    error: CairnError


@dataclass(frozen=True)
class IngestReport:
    """What one `Documents.add` did. `failed` lists each file that could not be indexed and why."""

    collection: str
    indexed: tuple[Path, ...] = ()
    unchanged: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()
    failed: tuple[IngestFailure, ...] = ()
    pages: int = 0
    chunks: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
