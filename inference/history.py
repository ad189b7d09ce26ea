"""The conversation store: conversations and their messages in one SQLite file (WAL).

Plain SQLite, no Qt: the GUI and tests use it alike. An answer being streamed is written as it
grows (AnswerWriter, throttled), with status "streaming"; opening the store turns rows still
"streaming" into "interrupted", so a crash or a kill keeps the partial answer and says so.
One connection per thread: open a HistoryStore on the thread that uses it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

STREAMING = "streaming"
COMPLETE = "complete"
CANCELLED = "cancelled"
INTERRUPTED = "interrupted"
FAILED = "failed"


def _m1(db: sqlite3.Connection) -> None:
    db.executescript(
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            created REAL NOT NULL,
            updated REAL NOT NULL
        );
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL DEFAULT '',
            thinking TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'complete',
            attachments TEXT NOT NULL DEFAULT '[]',
            stats TEXT NOT NULL DEFAULT '{}',
            created REAL NOT NULL
        );
        CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
        """
    )


# Append-only: never edit a released migration, add a new function at the end.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_m1,)


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    created: float
    updated: float


@dataclass(frozen=True)
class StoredMessage:
    id: int
    conversation_id: int
    role: str
    content: str
    thinking: str = ""
    status: str = COMPLETE
    attachments: tuple[str, ...] = ()
    stats: dict = field(default_factory=dict, hash=False, compare=False)
    created: float = 0.0


class HistoryStore:
    """Conversations and messages; every write is its own short transaction."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=10, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        # Whatever was streaming when the last process died is kept, marked as interrupted.
        self._db.execute("UPDATE messages SET status=? WHERE status=?", (INTERRUPTED, STREAMING))

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._db:
                self._db.execute("BEGIN")
                migration(self._db)
                self._db.execute(f"PRAGMA user_version={number}")

    def close(self) -> None:
        self._db.close()

    # conversations

    def create_conversation(self, title: str) -> Conversation:
        now = time.time()
        cur = self._db.execute(
            "INSERT INTO conversations(title, created, updated) VALUES (?, ?, ?)", (title, now, now)
        )
        assert cur.lastrowid is not None  # always set after an INSERT
        return Conversation(cur.lastrowid, title, now, now)

    def conversation(self, conversation_id: int) -> Conversation | None:
        row = self._db.execute(
            "SELECT * FROM conversations WHERE id=?", (conversation_id,)
        ).fetchone()
        return (
            Conversation(row["id"], row["title"], row["created"], row["updated"]) if row else None
        )

    def conversations(self, search: str = "") -> list[Conversation]:
        """Newest first; `search` matches titles and message text (case-insensitive)."""
        if search:
            like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self._db.execute(
                """SELECT * FROM conversations c WHERE c.title LIKE ?1 ESCAPE '\\' OR EXISTS(
                       SELECT 1 FROM messages m WHERE m.conversation_id=c.id
                       AND m.content LIKE ?1 ESCAPE '\\')
                   ORDER BY updated DESC, id DESC""",
                (like,),
            ).fetchall()
        else:
            rows = self._db.execute(
                "SELECT * FROM conversations ORDER BY updated DESC, id DESC"
            ).fetchall()
        return [Conversation(r["id"], r["title"], r["created"], r["updated"]) for r in rows]

    def rename(self, conversation_id: int, title: str) -> None:
        self._db.execute("UPDATE conversations SET title=? WHERE id=?", (title, conversation_id))

    def delete(self, conversation_id: int) -> None:
        self._db.execute("DELETE FROM conversations WHERE id=?", (conversation_id,))

    # messages

    def add_message(
        self,
        conversation_id: int,
        role: str,
        content: str,
        *,
        status: str = COMPLETE,
        attachments: Iterable[str] = (),
        thinking: str = "",
    ) -> StoredMessage:
        now = time.time()
        atts = tuple(str(a) for a in attachments)
        with self._db:
            self._db.execute("BEGIN")
            cur = self._db.execute(
                """INSERT INTO messages(conversation_id, role, content, thinking, status,
                       attachments, created) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (conversation_id, role, content, thinking, status, json.dumps(atts), now),
            )
            self._db.execute(
                "UPDATE conversations SET updated=? WHERE id=?", (now, conversation_id)
            )
        assert cur.lastrowid is not None  # always set after an INSERT
        return StoredMessage(
            cur.lastrowid, conversation_id, role, content, thinking, status, atts, {}, now
        )

    def update_message(
        self,
        message_id: int,
        *,
        content: str | None = None,
        thinking: str | None = None,
        status: str | None = None,
        stats: dict | None = None,
    ) -> None:
        sets, args = [], []
        for column, value in (("content", content), ("thinking", thinking), ("status", status)):
            if value is not None:
                sets.append(f"{column}=?")
                args.append(value)
        if stats is not None:
            sets.append("stats=?")
            args.append(json.dumps(stats))
        if sets:
            self._db.execute(
                f"UPDATE messages SET {', '.join(sets)} WHERE id=?", (*args, message_id)
            )

    def messages(self, conversation_id: int) -> list[StoredMessage]:
        rows = self._db.execute(
            "SELECT * FROM messages WHERE conversation_id=? ORDER BY id", (conversation_id,)
        ).fetchall()
        return [_message(r) for r in rows]

    def message(self, message_id: int) -> StoredMessage | None:
        row = self._db.execute("SELECT * FROM messages WHERE id=?", (message_id,)).fetchone()
        return _message(row) if row else None

    def delete_from(self, conversation_id: int, message_id: int) -> None:
        """Delete a message and every later one (regenerate, edit-and-resend)."""
        self._db.execute(
            "DELETE FROM messages WHERE conversation_id=? AND id>=?", (conversation_id, message_id)
        )

    def export_markdown(self, conversation_id: int) -> str:
        """The conversation as a Markdown document (answers verbatim, thinking left out)."""
        conv = self.conversation(conversation_id)
        if conv is None:
            raise KeyError(conversation_id)
        parts = [f"# {conv.title}\n"]
        headings = {"user": "User", "assistant": "Assistant", "system": "System"}
        for m in self.messages(conversation_id):
            heading = headings.get(m.role, m.role.title())
            if m.status in (INTERRUPTED, CANCELLED):
                heading += f" ({m.status})"
            parts.append(f"## {heading}\n")
            for a in m.attachments:
                parts.append(f"- attachment: `{a}`")
            if m.attachments:
                parts.append("")
            parts.append(m.content.rstrip() + "\n")
        return "\n".join(parts)


def _message(r: sqlite3.Row) -> StoredMessage:
    return StoredMessage(
        id=r["id"],
        conversation_id=r["conversation_id"],
        role=r["role"],
        content=r["content"],
        thinking=r["thinking"],
        status=r["status"],
        attachments=tuple(json.loads(r["attachments"] or "[]")),
        stats=json.loads(r["stats"] or "{}"),
        created=r["created"],
    )


class AnswerWriter:
    """Saves an answer as it streams: at most one write per `interval` seconds, then the end.

    The row is created with status "streaming" so that a crash leaves it to be marked
    "interrupted" on the next open, with whatever text had been written.
    """

    def __init__(
        self,
        store: HistoryStore,
        conversation_id: int,
        *,
        interval: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.interval = interval
        self._clock = clock
        self._text: list[str] = []
        self._thinking: list[str] = []
        self._dirty = False
        self._last = clock()
        self.message_id = store.add_message(conversation_id, "assistant", "", status=STREAMING).id

    @property
    def text(self) -> str:
        return "".join(self._text)

    @property
    def thinking(self) -> str:
        return "".join(self._thinking)

    def append(self, text: str = "", thinking: str = "") -> None:
        if text:
            self._text.append(text)
        if thinking:
            self._thinking.append(thinking)
        self._dirty = self._dirty or bool(text or thinking)
        if self._dirty and self._clock() - self._last >= self.interval:
            self.flush()

    def flush(self) -> None:
        self.store.update_message(self.message_id, content=self.text, thinking=self.thinking)
        self._dirty = False
        self._last = self._clock()

    def finish(self, status: str, stats: dict | None = None) -> None:
        self.store.update_message(
            self.message_id, content=self.text, thinking=self.thinking, status=status, stats=stats
        )
        self._dirty = False
