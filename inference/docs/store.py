"""The document store: one SQLite file (WAL) holding files, chunks, an FTS5 index and vectors.

Every SQL statement on documents lives here: ingest.py, search.py and dense.py sit above this
module and read and write only through its methods (one method per question or change), and the
facade (library.py) sits above them. The loaded-vectors cache is the store's own, dropped by its
writes. Over 400 lines because the schema and every query on it belong together.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CairnError, ErrorCode
from .chunking import has_cjk
from .pathtext import key_path, path_key, resolved, safe_text
from .records import DEFAULT_COLLECTION, FileInfo, FileStatus, Hit, TextChunk


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


@dataclass(frozen=True)
class FileRow:
    """What indexing needs to know of a file it saw before."""

    status: str
    size: int
    mtime_ns: int
    sha256: str
    error: str | None
    error_detail: str


def _file_info(row: Sequence[Any]) -> FileInfo:
    error = row[3]
    return FileInfo(
        path=key_path(row[0]),
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
        # (collection, model) -> (chunk ids, unit vectors): loaded once for dense search and
        # dropped by every write below, so no other module keeps or clears it
        self._vectors: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._vectors_lock = threading.Lock()
        self._generation = 0  # counts writes: a load that raced a write is not kept

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

    # -- files ----------------------------------------------------------------------------
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
            (collection, path_key(path)),
        ).fetchone()
        return _file_info(row) if row else None

    def collections(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT collection FROM files ORDER BY 1")]

    def remove(self, paths: Iterable[Path], collection: str = DEFAULT_COLLECTION) -> list[Path]:
        """Drop files (a folder drops everything under it). Returns the paths dropped."""
        removed: list[Path] = []
        with self.transaction() as db:
            for p in paths:
                p = resolved(p)
                prefix = path_key(str(p).rstrip("/\\") + os.sep)
                rows = db.execute(
                    """SELECT id, path FROM files WHERE collection = ?
                       AND (path = ? OR substr(path, 1, ?) = ?)""",
                    (collection, path_key(p), len(prefix), prefix),
                ).fetchall()
                for file_id, path in rows:
                    db.execute("DELETE FROM files WHERE id = ?", (file_id,))
                    removed.append(key_path(path))
        self._changed()
        return removed

    def chunks_of(self, path: Path, collection: str = DEFAULT_COLLECTION) -> list[TextChunk]:
        """A ready document's chunks in reading order (the whole-document path)."""
        rows = self.db.execute(
            """SELECT c.ordinal, c.text, c.page, c.heading FROM chunks c
               JOIN files f ON f.id = c.file_id
               WHERE f.collection = ? AND f.path = ? ORDER BY c.ordinal""",
            (collection, path_key(path)),
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
        return Hit(key_path(row[0]), row[1], row[2], 0.0, row[3], row[4], row[5])

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

    # -- indexing (ingest.py) ----------------------------------------------------------------
    def _changed(self) -> None:
        with self._vectors_lock:
            self._vectors.clear()
            self._generation += 1

    def file_rows(self, collection: str) -> dict[str, FileRow]:
        """Path -> what is known of each file of `collection`."""
        return {
            str(key_path(r[0])): FileRow(r[1], r[2], r[3], r[4], r[5], r[6] or "")
            for r in self.db.execute(
                """SELECT path, status, size, mtime_ns, sha256, error, error_detail FROM files
                   WHERE collection = ?""",
                (collection,),
            )
        }

    def touch(self, collection: str, path: Path, size: int, mtime_ns: int) -> None:
        """A ready file touched but not changed: remember its new size and mtime."""
        with self.transaction() as db:
            db.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE collection = ? AND path = ?",
                (size, mtime_ns, collection, path_key(path)),
            )

    def queue(self, collection: str, paths: Iterable[Path]) -> None:
        """Give each path a "queued" row (before any parsing: a killed run resumes from it)."""
        with self.transaction() as db:
            db.executemany(
                """INSERT INTO files (collection, path, status, queued_at)
                   VALUES (?, ?, 'queued', ?)
                   ON CONFLICT (collection, path) DO UPDATE SET status = 'queued', error = NULL,
                   error_detail = '', queued_at = excluded.queued_at""",
                [(collection, path_key(f), now()) for f in paths],
            )

    def pending(self, collection: str) -> list[Path]:
        """Files left queued or indexing, oldest first."""
        return [
            key_path(r[0])
            for r in self.db.execute(
                """SELECT path FROM files WHERE collection = ? AND status IN (?, ?)
                   ORDER BY queued_at""",
                (collection, FileStatus.QUEUED.value, FileStatus.INDEXING.value),
            )
        ]

    def set_status(self, collection: str, path: Path, status: FileStatus) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE files SET status = ? WHERE collection = ? AND path = ?",
                (status.value, collection, path_key(path)),
            )

    def mark_failed(
        self, collection: str, path: Path, error: CairnError, size: int, mtime_ns: int
    ) -> None:
        """`path` failed with `error`; its old chunks go (they no longer match the file)."""
        with self.transaction() as db:
            db.execute(
                """INSERT INTO files (collection, path, status, error, error_detail, size,
                   mtime_ns, queued_at) VALUES (?, ?, 'failed', ?, ?, ?, ?, ?)
                   ON CONFLICT (collection, path) DO UPDATE SET status = 'failed',
                   error = excluded.error, error_detail = excluded.error_detail, chunks = 0,
                   pages = NULL, sha256 = '', size = excluded.size, mtime_ns = excluded.mtime_ns""",
                (
                    collection,
                    path_key(path),
                    error.code.value,
                    safe_text(error.detail),
                    size,
                    mtime_ns,
                    now(),
                ),
            )
            db.execute(
                """DELETE FROM chunks WHERE file_id =
                   (SELECT id FROM files WHERE collection = ? AND path = ?)""",
                (collection, path_key(path)),
            )
        self._changed()

    def drop_vanished(
        self, collection: str, missing: Iterable[Path], roots: Iterable[Path], found: set[str]
    ) -> tuple[list[Path], list[Path]]:
        """Forget files that are gone: named but `missing`, or under one of `roots` and not in
        `found`. Returns (paths dropped, missing paths that were never indexed)."""
        removed: list[Path] = []
        unknown: list[Path] = []
        with self.transaction() as db:
            for m in missing:
                cur = db.execute(
                    "DELETE FROM files WHERE collection = ? AND path = ?", (collection, path_key(m))
                )
                (removed if cur.rowcount else unknown).append(m)
            for root in roots:
                prefix = path_key(str(root).rstrip("/\\") + os.sep)
                for file_id, path in db.execute(
                    "SELECT id, path FROM files WHERE collection = ? AND substr(path, 1, ?) = ?",
                    (collection, len(prefix), prefix),
                ).fetchall():
                    if str(key_path(path)) not in found:
                        db.execute("DELETE FROM files WHERE id = ?", (file_id,))
                        removed.append(key_path(path))
        if removed:
            self._changed()
        return removed, unknown

    def store_chunks(
        self,
        collection: str,
        path: Path,
        pieces: Sequence[TextChunk],
        pages: int | None,
        sha: str,
        size: int,
        mtime_ns: int,
    ) -> None:
        """Replace a file's chunks and mark it ready, all in one transaction."""
        with self.transaction() as db:
            file_id = db.execute(
                "SELECT id FROM files WHERE collection = ? AND path = ?",
                (collection, path_key(path)),
            ).fetchone()[0]
            db.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))
            for piece in pieces:
                cur = db.execute(
                    """INSERT INTO chunks (file_id, ordinal, page, heading, text)
                       VALUES (?, ?, ?, ?, ?)""",
                    (file_id, piece.ordinal, piece.page, piece.heading, piece.text),
                )
                if has_cjk(piece.text):
                    db.execute(
                        "INSERT INTO chunks_cjk (rowid, text) VALUES (?, ?)",
                        (cur.lastrowid, piece.text),
                    )
            db.execute(
                """UPDATE files SET status = 'ready', error = NULL, error_detail = '',
                   sha256 = ?, size = ?, mtime_ns = ?, pages = ?, chunks = ?, indexed_at = ?
                   WHERE id = ?""",
                (sha, size, mtime_ns, pages, len(pieces), now(), file_id),
            )
        self._changed()

    # -- keyword search (search.py) -----------------------------------------------------------
    def fts_candidates(
        self, match: str, collection: str, limit: int, text_weight: float, heading_weight: float
    ) -> list[tuple[Any, ...]]:
        """(chunk id, path, page, text, heading, ordinal, bm25 rank, text and heading with the
        matching tokens between \\x02 and \\x03) of ready chunks, best BM25 first."""
        return self.db.execute(
            f"""SELECT c.id, f.path, c.page, c.text, c.heading, c.ordinal,
                       bm25(chunks_fts, {float(text_weight)}, {float(heading_weight)}) AS rank,
                       highlight(chunks_fts, 0, char(2), char(3)),
                       highlight(chunks_fts, 1, char(2), char(3))
                FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid
                JOIN files f ON f.id = c.file_id
                WHERE chunks_fts MATCH ? AND f.collection = ? AND f.status = 'ready'
                ORDER BY rank LIMIT ?""",
            (match, collection, limit),
        ).fetchall()

    def chunk_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def fts_count(self, match: str) -> int:
        """Chunks matching an FTS5 query (document frequency, for IDF)."""
        return int(
            self.db.execute(
                "SELECT COUNT(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)
            ).fetchone()[0]
        )

    def cjk_candidates(self, match: str, limit: int) -> list[tuple[int, float]]:
        """(chunk id, bm25 rank) from the trigram index, best first."""
        return self.db.execute(
            """SELECT rowid, bm25(chunks_cjk) FROM chunks_cjk WHERE chunks_cjk MATCH ?
               ORDER BY bm25(chunks_cjk) LIMIT ?""",
            (match, limit),
        ).fetchall()

    def cjk_containing(self, run: str, limit: int) -> list[int]:
        """Ids of CJK chunks holding `run` (too short for trigrams) as a substring."""
        return [
            r[0]
            for r in self.db.execute(
                """SELECT id FROM chunks WHERE id IN (SELECT rowid FROM chunks_cjk)
                   AND instr(text, ?) > 0 LIMIT ?""",
                (run, limit),
            )
        ]

    def ready_chunks(
        self, ids: Sequence[int], collection: str
    ) -> list[tuple[int, str, int | None, str, str, int]]:
        """(chunk id, path, page, text, heading, ordinal) of those `ids` that are in a ready
        file of `collection`."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self.db.execute(
            f"""SELECT c.id, f.path, c.page, c.text, c.heading, c.ordinal FROM chunks c
                JOIN files f ON f.id = c.file_id
                WHERE c.id IN ({marks}) AND f.collection = ? AND f.status = 'ready'""",
            (*ids, collection),
        ).fetchall()

    # -- vectors (dense.py) -------------------------------------------------------------------
    def chunks_without_vector(self, model: str, collection: str) -> list[tuple[int, str, str]]:
        """(chunk id, heading, text) of every chunk of `collection` with no vector of `model`."""
        return self.db.execute(
            """SELECT c.id, c.heading, c.text FROM chunks c JOIN files f ON f.id = c.file_id
               LEFT JOIN vectors v ON v.chunk_id = c.id AND v.model = ?
               WHERE f.collection = ? AND v.chunk_id IS NULL ORDER BY c.id""",
            (model, collection),
        ).fetchall()

    def put_vectors(self, model: str, rows: Iterable[tuple[int, bytes]]) -> None:
        """Store (chunk id, float32 bytes) vectors of `model`, in one transaction."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (chunk_id, model, vec) VALUES (?, ?, ?)",
                [(cid, model, vec) for cid, vec in rows],
            )
        self._changed()

    def has_vectors(self, model: str) -> bool:
        """Whether any chunk has a vector of `model` (else loading the model is not worth it)."""
        row = self.db.execute("SELECT 1 FROM vectors WHERE model = ? LIMIT 1", (model,))
        return row.fetchone() is not None

    def vectors(self, model: str, collection: str, dim: int) -> tuple[Any, Any]:
        """(chunk ids, float32 matrix of `dim` columns) of the ready chunks of `collection`
        with a vector of `model`, loaded once and kept until the next write."""
        import numpy as np

        key = (collection, model)
        with self._vectors_lock:
            cached = self._vectors.get(key)
            generation = self._generation
        if cached is not None:
            return cached
        rows = self.db.execute(
            """SELECT v.chunk_id, v.vec FROM vectors v JOIN chunks c ON c.id = v.chunk_id
               JOIN files f ON f.id = c.file_id
               WHERE v.model = ? AND f.collection = ? AND f.status = 'ready'""",
            (model, collection),
        ).fetchall()
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        matrix = (
            np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(-1, dim)
            if rows
            else np.zeros((0, dim), np.float32)
        )
        with self._vectors_lock:
            if generation == self._generation:
                self._vectors[key] = (ids, matrix)
        return ids, matrix


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def now() -> float:
    return time.time()
