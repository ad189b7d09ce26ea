"""The conversation store: plain SQLite, WAL, partial answers survive a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from inference import history as H

ROOT = Path(__file__).resolve().parents[2]


def test_conversations_messages_and_search(tmp_path):
    store = H.HistoryStore(tmp_path / "h.sqlite3")
    a = store.create_conversation("Trip to Lisbon")
    b = store.create_conversation("Python help")
    store.add_message(a.id, "user", "Where should I eat?")
    store.add_message(b.id, "user", "How do I sort a dict by value?", attachments=["/x/a.png"])
    assert [c.title for c in store.conversations()] == ["Python help", "Trip to Lisbon"]
    assert [c.id for c in store.conversations("lisbon")] == [a.id]
    assert [c.id for c in store.conversations("SORT a dict")] == [b.id]
    assert store.conversations("100%") == []
    store.rename(a.id, "Lisbon food")
    assert store.conversation(a.id).title == "Lisbon food"
    assert store.messages(b.id)[0].attachments == ("/x/a.png",)
    store.delete(b.id)
    assert [c.id for c in store.conversations()] == [a.id]
    assert store.messages(b.id) == []  # cascade


def test_delete_from_drops_later_messages(tmp_path):
    store = H.HistoryStore(tmp_path / "h.sqlite3")
    c = store.create_conversation("c")
    ids = [
        store.add_message(c.id, r, t).id
        for r, t in (("user", "1"), ("assistant", "2"), ("user", "3"), ("assistant", "4"))
    ]
    store.delete_from(c.id, ids[2])
    assert [m.content for m in store.messages(c.id)] == ["1", "2"]


def test_answer_writer_throttles_and_finishes(tmp_path):
    store = H.HistoryStore(tmp_path / "h.sqlite3")
    c = store.create_conversation("c")
    now = [0.0]
    w = H.AnswerWriter(store, c.id, interval=0.5, clock=lambda: now[0])
    w.append("Hel")
    assert store.message(w.message_id).content == ""  # not yet: within the interval
    now[0] = 0.6
    w.append("lo")
    row = store.message(w.message_id)
    assert (row.content, row.status) == ("Hello", H.STREAMING)
    w.append(" world", thinking="hmm")
    w.finish(H.COMPLETE, {"tokens": 3})
    row = store.message(w.message_id)
    assert (row.content, row.thinking, row.status, row.stats) == (
        "Hello world",
        "hmm",
        "complete",
        {"tokens": 3},
    )


def test_streaming_rows_become_interrupted_on_open(tmp_path):
    path = tmp_path / "h.sqlite3"
    store = H.HistoryStore(path)
    c = store.create_conversation("c")
    w = H.AnswerWriter(store, c.id)
    w.append("partial")
    w.flush()
    store.close()
    again = H.HistoryStore(path)
    row = again.message(w.message_id)
    assert (row.content, row.status) == ("partial", H.INTERRUPTED)


def test_export_markdown(tmp_path):
    store = H.HistoryStore(tmp_path / "h.sqlite3")
    c = store.create_conversation("Code")
    store.add_message(c.id, "user", "Show me a loop", attachments=["/tmp/x.png"])
    store.add_message(
        c.id, "assistant", "```python\nfor i in range(3):\n    print(i)\n```", status=H.CANCELLED
    )
    md = store.export_markdown(c.id)
    assert md.startswith("# Code\n")
    assert "## User" in md and "## Assistant (cancelled)" in md
    assert "- attachment: `/tmp/x.png`" in md
    assert "```python\nfor i in range(3):\n    print(i)\n```" in md


def test_process_killed_mid_answer_keeps_partial_answer(tmp_path):
    """A child streams an answer into the store and is SIGKILLed mid-answer."""
    db = tmp_path / "h.sqlite3"
    child = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from inference.history import HistoryStore, AnswerWriter
        store = HistoryStore({str(db)!r})
        c = store.create_conversation("crash")
        store.add_message(c.id, "user", "tell me a story")
        w = AnswerWriter(store, c.id, interval=0.05)
        for i in range(100000):
            w.append(f"word{{i}} ")
            if i == 200:
                print("streaming", flush=True)
            time.sleep(0.001)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "streaming"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    store = H.HistoryStore(db)
    conv = store.conversations()[0]
    msgs = store.messages(conv.id)
    assert [m.role for m in msgs] == ["user", "assistant"]
    answer = msgs[1]
    assert answer.status == H.INTERRUPTED
    assert answer.content.startswith("word0 word1 ")
    assert len(answer.content.split()) >= 100  # saved as it grew, not only at the end
