"""The document store: one SQLite file (WAL) holding files, chunks, an FTS5 index and vectors.

One connection per thread (the GUI searches while an ingest thread writes; WAL lets readers run
beside the one writer). The schema grows only through MIGRATIONS, a list of functions applied in
order and counted in PRAGMA user_version: never edit one that has shipped, append a new one.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..cancel import CancelToken
from ..errors import ErrorCode
from .records import DEFAULT_COLLECTION, FileInfo, FileStatus, Hit, IngestReport, TextChunk


def _m001_initial(db: sqlite3.Connection) -> None:
    for sql in (
        """CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            collection TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            mtime_ns INTEGER NOT NULL DEFAULT 0,
            sha256 TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            error TEXT,
            error_detail TEXT NOT NULL DEFAULT '',
            pages INTEGER,
            chunks INTEGER NOT NULL DEFAULT 0,
            queued_at REAL,
            indexed_at REAL,
            UNIQUE (collection, path)
        )""",
        """CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            page INTEGER,
            heading TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL
        )""",
        "CREATE INDEX chunks_by_file ON chunks (file_id, ordinal)",
        # Porter stemming over unicode61 words; text weighs more than the heading (see search.py).
        """CREATE VIRTUAL TABLE chunks_fts USING fts5 (
            text, heading, content='chunks', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        # Chinese, Japanese and Korean have no spaces between words: trigrams find substrings.
        # Only chunks holding such characters are put here (rowid = chunks.id).
        "CREATE VIRTUAL TABLE chunks_cjk USING fts5 (text, tokenize='trigram')",
        """CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
        END""",
        """CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts (chunks_fts, rowid, text, heading)
                VALUES ('delete', old.id, old.text, old.heading);
            DELETE FROM chunks_cjk WHERE rowid = old.id;
        END""",
        # Dense vectors, one per chunk and embedding model (float32 bytes, L2-normalised).
        """CREATE TABLE vectors (
            chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vec BLOB NOT NULL,
            PRIMARY KEY (chunk_id, model)
        )""",
    ):
        db.execute(sql)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_m001_initial,)

_FILE_COLUMNS = (
    "path, collection, status, error, error_detail, pages, chunks, size, sha256, indexed_at"
)


def _file_info(row: Sequence) -> FileInfo:
    error = row[3]
    return FileInfo(
        path=Path(row[0]),
        collection=row[1],
        status=FileStatus(row[2]),
        error=ErrorCode(error) if error else None,
        error_detail=row[4] or "",
        pages=row[5],
        chunks=row[6],
        size=row[7],
        sha256=row[8],
        indexed_at=row[9],
    )


class DocStore:
    """Documents, chunks and their index in one SQLite file. Safe to share between threads."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate(self.db)
        self.vector_cache: dict = {}  # search.py keeps loaded vectors here

    # -- connections -----------------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (autocommit; write through `transaction()`)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.db_path, timeout=30, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> DocStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with _Transaction(db):
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")

    # -- the API the CLI and the GUI use -----------------------------------------------------
    def add(
        self,
        paths: Iterable[Path],
        collection: str = DEFAULT_COLLECTION,
        progress=None,
        cancel: CancelToken | None = None,
        **options,
    ) -> IngestReport:
        """Index files and folders (recursively); see ingest.add_paths for the options."""
        from .ingest import add_paths

        return add_paths(self, paths, collection, progress=progress, cancel=cancel, **options)

    def resume(self, collection: str | None = None, progress=None, cancel=None, **options):
        """Finish files left queued or half-indexed by an interrupted run (call at start-up)."""
        from .ingest import add_paths

        collections = [collection] if collection else self.collections()
        return [
            add_paths(self, [], c, progress=progress, cancel=cancel, **options) for c in collections
        ]

    def search(self, query: str, collection: str = DEFAULT_COLLECTION, k: int = 8, **options):
        """Best chunks for `query`, best first (higher score is better). See search.search."""
        from .search import search

        return search(self, query, collection, k, **options)

    def files(self, collection: str | None = DEFAULT_COLLECTION) -> list[FileInfo]:
        """Files of a collection (all collections with None), by path."""
        if collection is None:
            rows = self.db.execute(f"SELECT {_FILE_COLUMNS} FROM files ORDER BY collection, path")
        else:
            rows = self.db.execute(
                f"SELECT {_FILE_COLUMNS} FROM files WHERE collection = ? ORDER BY path",
                (collection,),
            )
        return [_file_info(r) for r in rows]

    def file(self, path: Path, collection: str = DEFAULT_COLLECTION) -> FileInfo | None:
        row = self.db.execute(
            f"SELECT {_FILE_COLUMNS} FROM files WHERE collection = ? AND path = ?",
            (collection, str(path)),
        ).fetchone()
        return _file_info(row) if row else None

    def collections(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT collection FROM files ORDER BY 1")]

    def remove(self, paths: Iterable[Path], collection: str = DEFAULT_COLLECTION) -> list[Path]:
        """Drop files (a folder drops everything under it). Returns the paths dropped."""
        removed: list[Path] = []
        with self.transaction() as db:
            for p in paths:
                p = Path(p).expanduser().resolve()
                prefix = str(p).rstrip("/\\") + os.sep
                rows = db.execute(
                    """SELECT id, path FROM files WHERE collection = ?
                       AND (path = ? OR substr(path, 1, ?) = ?)""",
                    (collection, str(p), len(prefix), prefix),
                ).fetchall()
                for file_id, path in rows:
                    db.execute("DELETE FROM files WHERE id = ?", (file_id,))
                    removed.append(Path(path))
        self.vector_cache.clear()
        return removed

    def chunks_of(self, path: Path, collection: str = DEFAULT_COLLECTION) -> list[TextChunk]:
        """A ready document's chunks in reading order (the whole-document path)."""
        rows = self.db.execute(
            """SELECT c.ordinal, c.text, c.page, c.heading FROM chunks c
               JOIN files f ON f.id = c.file_id
               WHERE f.collection = ? AND f.path = ? ORDER BY c.ordinal""",
            (collection, str(path)),
        )
        return [TextChunk(*r) for r in rows]

    def hit_for(self, chunk_id: int) -> Hit | None:
        row = self.db.execute(
            """SELECT f.path, c.page, c.text, c.heading, c.id, c.ordinal FROM chunks c
               JOIN files f ON f.id = c.file_id WHERE c.id = ?""",
            (chunk_id,),
        ).fetchone()
        if row is None:
            return None
        return Hit(Path(row[0]), row[1], row[2], 0.0, row[3], row[4], row[5])

    def counts(self, collection: str = DEFAULT_COLLECTION) -> dict[str, int]:
        """Files per status plus the number of chunks, for status lines."""
        out = {s.value: 0 for s in FileStatus}
        for status, n in self.db.execute(
            "SELECT status, COUNT(*) FROM files WHERE collection = ? GROUP BY status", (collection,)
        ):
            out[status] = n
        out["chunks"] = self.db.execute(
            "SELECT COUNT(*) FROM chunks c JOIN files f ON f.id = c.file_id WHERE f.collection = ?",
            (collection,),
        ).fetchone()[0]
        return out


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def now() -> float:
    return time.time()
