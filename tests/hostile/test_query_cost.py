"""Item 6 of issue 15: the cost of a docs search is bounded whatever the query (a 25,000-character
Chinese query took 100 s over 2,000 chunks). Speed itself is measured by bench/docs.py
--long-query; here the bounds are checked by counting the store calls a query makes."""

from __future__ import annotations

import random

import pytest

from bench.docs import chinese_text
from inference.docs import search as search_mod
from inference.docs.library import Documents
from tests.hostile.conftest import cairn


@pytest.fixture(scope="module")
def chinese_docs(tmp_path_factory):
    root = tmp_path_factory.mktemp("zh")
    folder = root / "corpus"
    folder.mkdir()
    rng = random.Random(1)
    for i in range(6):
        (folder / f"d{i}.txt").write_text("\n\n".join(chinese_text(rng, 800) for _ in range(4)))
    (folder / "target.txt").write_text("北京是中国的首都。长城很长。")
    docs = Documents(root / "docs.sqlite3")
    assert not docs.add([folder]).failed
    yield docs, root
    docs.close()


def test_long_query_makes_a_bounded_number_of_scans(chinese_docs, monkeypatch):
    docs, _ = chinese_docs
    store = docs.store
    calls = {"short": 0, "grams": 0}
    real_short, real_grams = store.cjk_containing, store.cjk_candidates

    def short(run, limit):
        calls["short"] += 1
        return real_short(run, limit)

    def grams(match, limit):
        calls["grams"] += 1
        assert match.count(" OR ") < search_mod.MAX_CJK_GRAMS
        return real_grams(match, limit)

    monkeypatch.setattr(store, "cjk_containing", short)
    monkeypatch.setattr(store, "cjk_candidates", grams)
    query = chinese_text(random.Random(2), 25_000)
    docs.search(query)
    assert calls["short"] <= search_mod.MAX_CJK_SHORT_RUNS and calls["grams"] <= 1
    # repeated runs are looked up once: a query of one run said 5,000 times makes one scan
    calls["short"] = 0
    docs.search("首都的" * 5_000)
    assert calls["short"] <= 1


def test_a_short_query_still_finds_its_chunk(chinese_docs):
    docs, _ = chinese_docs
    assert docs.search("北京的首都")[0].path.name == "target.txt"
    # a long query is searched by its first 2,000 characters: the same hits as that head alone
    long = chinese_text(random.Random(3), 30_000)
    head = long[: search_mod.MAX_QUERY_CHARS]
    assert [h.chunk_id for h in docs.search(long)] == [h.chunk_id for h in docs.search(head)]
    assert docs.search(long)


def test_cli_notes_the_cut(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("北京是中国的首都。")
    home = tmp_path / "home"
    assert cairn("docs", "add", str(folder), env_home=home).returncode == 0
    run = cairn("docs", "search", "首都" * 3_000, env_home=home)
    err = run.stderr.decode()
    assert run.returncode == 0
    assert "note: the query is 6,000 characters long; only the first 2,000 are searched" in err
    assert "a.txt" in run.stdout.decode()
