"""Indexing and search on a generated corpus: right file and page, re-index, removal, resume,
and every kind of bad input failing alone with its reason while the batch goes on."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inference.cancel import CancelToken
from inference.docs import DocStore, Documents, FileStatus
from inference.errors import ErrorCode
from tests.docs import docs_fixtures as F
from tests.docs.corpus import FACTS, build_corpus

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.file)
def test_search_finds_the_right_file_and_page(indexed, fact):
    store, folder = indexed
    hits = store.search(fact.query, k=3)
    assert hits, fact.query
    top = [(h.path.name, h.page) for h in hits]
    assert (fact.file, fact.page) in top, top
    best = next(h for h in hits if (h.path.name, h.page) == (fact.file, fact.page))
    assert fact.needle in best.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_chinese_text_in_gbk_file(indexed):
    store, _ = indexed
    for query in ("首都", "量子计算机的研究"):
        hits = store.search(query, k=3)
        assert hits and hits[0].path.name == "chine_gbk.txt", query


def test_stemming_stop_words_and_script_text(indexed):
    store, _ = indexed
    # "painting" / "painted" share a stem; "the" and "of" are not required to match
    assert store.search("painting of the tower", k=1)[0].page == 3
    # script and style content of HTML is not indexed
    assert store.search("scriptword", k=5) == []
    # a query of stop words only still searches (with those words) instead of returning nothing
    assert "the" in store.search("the of", k=1)[0].text.lower().split()
    headings = {h.heading for h in store.search("frobnicate", k=1)}
    assert headings == {"Guide > Install"}


def test_unchanged_files_are_skipped_and_changed_ones_reindexed(store, corpus):
    first = store.add([corpus])
    assert len(first.indexed) == 7 and not first.failed
    before = {f.path.name: f.indexed_at for f in store.files()}

    again = store.add([corpus])
    assert again.indexed == () and len(again.unchanged) == 7
    # touched but identical content: still skipped, by content hash
    os.utime(corpus / "guide.md", (time.time() + 5, time.time() + 5))
    assert store.add([corpus]).indexed == ()

    (corpus / "guide.md").write_text("# Guide\n\n## Install\n\nUse the zygomorphic wrench.\n")
    changed = store.add([corpus])
    assert [p.name for p in changed.indexed] == ["guide.md"]
    after = {f.path.name: f.indexed_at for f in store.files()}
    assert after["guide.md"] != before["guide.md"]
    assert all(after[n] == before[n] for n in before if n != "guide.md")
    assert store.search("zygomorphic wrench", k=1)[0].path.name == "guide.md"
    assert store.search("frobnicate", k=5) == []


def test_removed_files_are_dropped(store, corpus):
    store.add([corpus])
    (corpus / "fauna.html").unlink()
    report = store.add([corpus])
    assert [p.name for p in report.removed] == ["fauna.html"]
    assert store.search("axolotl", k=5) == []
    assert "fauna.html" not in {f.path.name for f in store.files()}

    dropped = store.remove([corpus / "atlas.pdf"])
    assert [p.name for p in dropped] == ["atlas.pdf"]
    assert store.search("Adelina Vorster lighthouse", k=5) == []
    assert store.remove([corpus]) and store.files() == []


def test_collections_are_separate(store, corpus):
    store.add([corpus / "guide.md"], "work")
    store.add([corpus / "fauna.html"], "home")
    assert [h.path.name for h in store.search("frobnicate", "work")] == ["guide.md"]
    assert store.search("frobnicate", "home") == []
    assert store.collections() == ["home", "work"]


def _bad_inputs(folder: Path) -> dict[str, ErrorCode]:
    folder.mkdir(parents=True, exist_ok=True)
    good = F.pdf_bytes(["good page one " * 20, "good page two " * 20])
    F.write_pdf(folder / "locked.pdf", ["secret text"], user_password="hunter2")
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(3000))
    F.write_zip_bomb_docx(folder / "bomb.docx", unpacked_mb=32)
    (folder / "notzip.docx").write_bytes(b"PK\x03\x04 this is not really a zip file at all")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (folder / "empty.md").write_text("   \n\n")
    return {
        "locked.pdf": ErrorCode.DOC_ENCRYPTED,
        "truncated.pdf": ErrorCode.DOC_MALFORMED,
        "garbage.pdf": ErrorCode.DOC_MALFORMED,
        "bomb.docx": ErrorCode.DOC_TOO_LARGE,
        "notzip.docx": ErrorCode.DOC_MALFORMED,
        "binary.txt": ErrorCode.DOC_UNSUPPORTED,
        "empty.md": ErrorCode.DOC_NO_TEXT,
    }


def test_bad_inputs_fail_alone_with_their_reason(store, tmp_path, corpus):
    expected = _bad_inputs(corpus)
    report = store.add([corpus])
    got = {f.path.name: f.error.code for f in report.failed}
    assert got == expected
    assert len(report.indexed) == 7  # the good files all went through
    listed = {f.path.name: f for f in store.files()}
    for name, code in expected.items():
        assert listed[name].status is FileStatus.FAILED and listed[name].error is code
    # unchanged bad files are not parsed again, but still reported
    again = store.add([corpus])
    assert {f.path.name: f.error.code for f in again.failed} == expected
    assert again.indexed == ()
    # until asked to try again: then they are parsed (and fail) again
    parsed = []

    def progress(p):
        if p.stage == "index":
            parsed.append(Path(p.detail).name)

    store.add([corpus / "locked.pdf"], progress=progress)
    assert parsed == []
    retried = store.add([corpus / "locked.pdf"], progress=progress, retry_failed=True)
    assert parsed == ["locked.pdf"]
    assert [f.error.code for f in retried.failed] == [ErrorCode.DOC_ENCRYPTED]


def test_file_deleted_between_listing_and_parsing(store, corpus):
    victim = corpus / "plan.docx"

    def progress(p):
        if p.stage == "index" and p.detail == str(victim):
            victim.unlink()

    report = store.add([corpus], progress=progress)
    assert [(f.path.name, f.error.code) for f in report.failed] == [
        ("plan.docx", ErrorCode.DOC_NOT_FOUND)
    ]
    assert len(report.indexed) == 6


def test_parser_timeout_kills_the_child_and_the_batch_goes_on(store, corpus):
    report = store.add([corpus / "atlas.pdf", corpus / "guide.md"], timeout_s=0.0)
    assert {f.error.code for f in report.failed} == {ErrorCode.DOC_TIMEOUT}
    report = store.add([corpus / "atlas.pdf", corpus / "guide.md"])  # timeouts are retried
    assert len(report.indexed) == 2 and not report.failed


def test_memory_limit_in_the_child(store, tmp_path):
    """A parse that needs more memory than the child may have fails with a code."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (50 * 1024 * 1024 // 5))  # 50 MB of text to read and decode
    report = store.add([big], memory_mb=128)
    assert [f.error.code for f in report.failed] in (
        [ErrorCode.DOC_TOO_LARGE],
        [ErrorCode.DOC_MALFORMED],  # the child died on the limit instead of raising
    )


def test_cancel_then_resume_skips_done_files(store, corpus):
    cancel = CancelToken()
    done = []

    def on_file(info):
        done.append(info.path)
        if len(done) == 3:
            cancel.cancel()

    report = store.add([corpus], cancel=cancel, on_file=on_file)
    assert report.cancelled and len(report.indexed) == 3
    states = {f.path: f for f in store.files()}
    assert sum(f.status is FileStatus.READY for f in states.values()) == 3
    assert sum(f.status is FileStatus.QUEUED for f in states.values()) == 4

    (resumed,) = store.resume()
    assert len(resumed.indexed) == 4 and not resumed.failed
    after = {f.path: f for f in store.files()}
    assert all(f.status is FileStatus.READY for f in after.values())
    for path in done:
        assert after[path].indexed_at == states[path].indexed_at  # not parsed again


def test_killed_indexing_resumes(tmp_path):
    """Kill a real `cairn docs add` mid-way; the next run indexes the rest only."""
    folder = tmp_path / "many"
    folder.mkdir()
    import random

    rng = random.Random(5)
    for i in range(39):
        F.write_pdf(folder / f"doc{i:02d}.pdf", [F.filler(rng, 250) for _ in range(12)])
    # a slow file early in the order keeps the window for the kill open on a busy machine
    (folder / "doc03big.txt").write_text(F.filler(rng, 1_000_000))
    home = tmp_path / "home"
    env = dict(os.environ, CAIRN_HOME=str(home), PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "inference.cli.main", "docs", "add", str(folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    db_path = home / "documents.sqlite3"
    ready = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db_path.exists():
                try:
                    with sqlite3.connect(db_path, timeout=5) as db:
                        ready = db.execute(
                            "SELECT COUNT(*) FROM files WHERE status = 'ready'"
                        ).fetchone()[0]
                except sqlite3.OperationalError:
                    ready = 0
                if ready >= 3:
                    break
            time.sleep(0.01)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert 3 <= ready < 40, f"could not interrupt mid-way (ready={ready})"

    store = Documents(db_path)
    try:
        before = {f.path: f for f in store.files()}
        done = {p for p, f in before.items() if f.status is FileStatus.READY}
        assert len(before) == 40 and 3 <= len(done) < 40
        report = store.add([folder])
        assert len(report.indexed) == 40 - len(done)
        assert set(report.unchanged) == done
        after = {f.path: f for f in store.files()}
        assert all(f.status is FileStatus.READY for f in after.values())
        assert all(after[p].indexed_at == before[p].indexed_at for p in done)
    finally:
        store.close()


def test_corpus_builder_is_deterministic(tmp_path):
    a = build_corpus(tmp_path / "a")
    b = build_corpus(tmp_path / "b")
    for name in ("atlas.pdf", "guide.md", "menu_cp1252.txt"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_schema_migrations_are_counted(tmp_path):
    from inference.docs.store import MIGRATIONS

    path = tmp_path / "d.sqlite3"
    with DocStore(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with DocStore(path) as store:  # reopening applies nothing twice
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_search_from_another_thread_while_indexing(store, tmp_path):
    """One connection per thread, WAL: a reader thread is never blocked by the writer."""
    import random
    import threading

    folder = tmp_path / "many"
    folder.mkdir()
    rng = random.Random(2)
    for i in range(15):
        F.write_pdf(folder / f"d{i}.pdf", [F.filler(rng, 200) + f" marker{i}" for _ in range(4)])
    store.add([folder / "d0.pdf"])
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def reader():
        try:
            while not stop.is_set():
                seen.append(len(store.search("marker0", k=3)))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        report = store.add([folder])
    finally:
        stop.set()
        thread.join(10)
    assert not errors and seen and all(n >= 1 for n in seen)
    assert len(report.indexed) == 14


def test_proximity_and_coverage_order_the_hits(store, tmp_path):
    """Same words, same length: the chunk with the query as a phrase wins, then the one with
    the words close together; a chunk missing a rare query word ranks below both."""
    import random

    rng = random.Random(9)
    folder = tmp_path / "prox"
    folder.mkdir()
    pad = [F.filler(rng, 35) for _ in range(3)]  # one chunk per file
    texts = {
        "far.txt": f"The granite viaduct stood. {pad[0]} Everyone admired it. {pad[1]} Zephyr.",
        "near.txt": f"The granite old zephyr viaduct stood. {pad[0]} Everyone admired it. {pad[1]}",
        "phrase.txt": f"The granite zephyr viaduct stood. {pad[0]} Everyone admired it. {pad[1]}",
        "partial.txt": f"The granite stood. {pad[0]} Everyone admired it. {pad[1]} Viaduct.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text)
    store.add([folder])
    hits = store.search("granite zephyr viaduct", k=4)
    assert [h.path.name for h in hits] == ["phrase.txt", "near.txt", "far.txt", "partial.txt"]
    assert [round(h.coverage, 2) for h in hits][:3] == [1.0, 1.0, 1.0]
    assert hits[3].coverage < 0.7
