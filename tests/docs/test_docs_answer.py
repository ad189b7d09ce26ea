"""Prompts with numbered sources, [n] citations mapped to file and page, the not-found reply,
the whole-document path, and reciprocal-rank fusion with a second, dense list."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from inference.docs import Documents, Embedder, answer, plan_answer, rrf_fuse, wants_summary
from inference.docs.answer import QAOptions, _group
from inference.docs.dense import embed_missing
from inference.docs.prompt import Source, cited_numbers, parse_citations, qa_messages
from inference.docs.records import Hit
from inference.errors import CairnError, ErrorCode

SOURCES = [
    Source(1, Path("/d/a.pdf"), 3, "Adelina Vorster painted the tower crimson in 1911."),
    Source(2, Path("/d/plan.docx"), 2, "The annual budget is 42 million dollars.", "Budget"),
    Source(3, Path("/d/notes.txt"), None, "The pelican eats sardines at dawn."),
]


def test_citation_numbers_in_all_the_shapes_models_write():
    assert cited_numbers("A [2]. B [1, 3]. C [2][3].") == [2, 1, 3]
    assert cited_numbers("range [1-3] and [ 2 ]") == [1, 2, 3]
    assert cited_numbers("中文【3】和［1］") == [3, 1]
    assert cited_numbers("no citations, [x] or [] or a list [a, b]") == []


def test_citations_map_to_file_and_page():
    got = parse_citations("The budget is 42 million [2]; the tower was red [1] [9].", SOURCES)
    assert [(n, c.path.name, c.page) for n, c in got] == [(2, "plan.docx", 2), (1, "a.pdf", 3)]
    assert got[0][1].snippet == SOURCES[1].text  # [9] names no source: dropped


def test_prompt_numbers_every_source_with_its_page():
    system, user = qa_messages("How big is the budget?", SOURCES)
    assert system.role == "system" and "[1]" in system.content
    assert "[1] a.pdf, page 3\nAdelina" in user.content
    assert "[2] plan.docx, page 2 (Budget)\nThe annual" in user.content
    assert "[3] notes.txt\nThe pelican" in user.content
    assert user.content.rstrip().endswith("Question: How big is the budget?")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Summarize this document", True),
        ("Can you summarise report.pdf for me?", True),
        ("Give me an overview of the plan", True),
        ("What is this paper about?", True),
        ("请总结这份文件", True),
        ("What is the budget of the Quokka project?", False),
        ("Who painted the lighthouse?", False),
    ],
)
def test_summary_intent(question, expected):
    assert wants_summary(question) is expected


def test_plan_sources_map_to_real_chunks(indexed):
    store, _ = indexed
    plan = plan_answer(store, "Who painted the lighthouse tower crimson?")
    assert plan.mode == "qa" and plan.reply is None
    n = next(s.n for s in plan.sources if (s.path.name, s.page) == ("atlas.pdf", 3))
    # whatever the model writes, "[n]" maps back to a stored chunk of that file and page
    ((m, citation),) = parse_citations(f"It was Adelina Vorster [{n}].", list(plan.sources))
    assert m == n and (citation.path.name, citation.page) == ("atlas.pdf", 3)
    stored = " ".join(c.text for c in store.chunks_of(citation.path) if c.page == 3)
    assert citation.snippet.rstrip("…") in " ".join(stored.split())
    assert "Adelina Vorster" in plan.sources[n - 1].text


def test_nothing_relevant_means_no_model_call(indexed):
    store, _ = indexed
    for question in ("What is the capital of Mars?", "Who won the 1998 chess olympiad?"):
        plan = plan_answer(store, question)
        assert plan.reply is ErrorCode.DOC_NOT_IN_DOCUMENTS and plan.sources == ()
    # the engine is never touched: an object without generate() would raise if it were
    result = answer(object(), store, "What is the capital of Mars?")
    chunks = list(result)
    assert result.reply is ErrorCode.DOC_NOT_IN_DOCUMENTS
    assert [c.finish_reason.value for c in chunks] == ["stop"] and result.citations == []


def test_chinese_questions(indexed):
    store, _ = indexed
    plan = plan_answer(store, "北京是哪个国家的首都？")
    assert plan.mode == "qa" and plan.sources[0].path.name == "chine_gbk.txt"
    assert plan_answer(store, "上海的人口是多少？").reply is ErrorCode.DOC_NOT_IN_DOCUMENTS


def test_empty_collection_is_an_error(tmp_path):
    with Documents(tmp_path / "d.sqlite3") as store, pytest.raises(CairnError) as e:
        plan_answer(store, "anything")
    assert e.value.code is ErrorCode.DOC_COLLECTION_EMPTY


def test_summary_feeds_the_named_document_in_order(indexed):
    store, _ = indexed
    plan = plan_answer(store, "Summarize plan.docx please")
    assert plan.mode == "summary" and plan.document.name == "plan.docx"
    assert [(s.n, s.page) for s in plan.sources] == [(1, 1), (2, 2), (3, 3)]
    assert "42 million" in plan.sources[1].text
    # several documents and nothing to tell which: a reply code, not a guess
    assert plan_answer(store, "summarize it").reply is ErrorCode.DOC_AMBIGUOUS


def test_map_reduce_groups_consecutive_pages():
    pages = [Source(i, Path("/d/long.pdf"), i, "word " * 200) for i in range(1, 21)]
    parts = _group(pages, budget=1000)
    assert len(parts) >= 4
    assert parts[0].page == 1 and parts[-1].last_page == 20
    for a, b in zip(parts, parts[1:], strict=False):
        assert b.page == a.last_page + 1  # no page lost or repeated
    assert "pages 1-" in parts[0].label()


class HashingEmbedder:
    """A real, if simple, embedder: hashed bag of lower-cased word stems (first 5 letters).
    It stands where a Qwen3-Embedding model will; none exists on this machine."""

    name = "hash-bow-256"
    dim = 256

    def embed(self, texts, *, query=False):
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int(hashlib.md5(word[:5].encode()).hexdigest(), 16)
                out[row, h % self.dim] += 1.0
        return out

    def close(self) -> None:
        pass  # nothing loaded


def test_rrf_fusion_on_real_lists(indexed):
    store, _ = indexed
    embedder = HashingEmbedder()
    assert isinstance(embedder, Embedder)
    assert embed_missing(store.store, embedder, "default") == store.counts()["chunks"]
    from inference.docs.dense import dense_search
    from inference.docs.search import search

    query = "saffron finches migration"
    bm25 = search(store.store, query, "default", k=10)
    dense = dense_search(store.store, embedder, query, "default", 10)
    assert bm25 and dense
    fused = rrf_fuse([bm25, dense], k=60)
    # the fused score of each chunk is the sum of 1/(60 + rank) over the lists holding it
    for hit in fused:
        expected = sum(
            1 / (60 + r)
            for hits in (bm25, dense)
            for r, h in enumerate(hits, 1)
            if h.chunk_id == hit.chunk_id
        )
        assert hit.score == pytest.approx(expected)
    assert [h.score for h in fused] == sorted((h.score for h in fused), reverse=True)
    assert {h.chunk_id for h in fused} == {h.chunk_id for h in bm25} | {h.chunk_id for h in dense}
    top = store.search(query, k=3, embedder=embedder)
    assert (top[0].path.name, top[0].page) == ("plan.docx", 3)


def test_rrf_prefers_agreement():
    def hit(i):
        return Hit(Path(f"/d/{i}"), None, str(i), 1.0, chunk_id=i)

    a = [hit(1), hit(2), hit(3)]
    b = [hit(3), hit(4), hit(1)]
    assert [h.chunk_id for h in rrf_fuse([a, b])] == [1, 3, 2, 4]


@pytest.mark.slow
def test_answer_through_the_real_engine(indexed, tiny_text_ckpt):
    from inference.checkpoint import inspect_model
    from inference.engines import open_engine
    from inference.records import FinishReason, GenParams

    store, _ = indexed
    engine = open_engine(inspect_model(tiny_text_ckpt))
    try:
        question = "Who painted the lighthouse tower crimson?"
        result = answer(engine, store, question, params=GenParams(max_tokens=12, seed=0))
        chunks = list(result)
        assert result.reply is None and result.final is chunks[-1]
        assert result.final.finish_reason in (FinishReason.STOP, FinishReason.LENGTH)
        assert result.final.prompt_tokens > 50  # the sources were in the prompt
        assert result.text == "".join(c.text for c in chunks)
        numbers = {s.n for s in result.sources}
        assert all(n in numbers for n, _ in result.citations)  # gibberish may cite nothing

        # the whole-document path with a budget small enough to force map-reduce
        from inference.docs import QAOptions

        steps = []
        summary = answer(
            engine,
            store,
            "Summarize plan.docx",
            params=GenParams(max_tokens=8, seed=0),
            options=QAOptions(context_tokens=200),
            progress=steps.append,
        )
        list(summary)
        assert steps and steps[0].stage == "summarize_1"
        assert summary.plan.mode == "summary" and summary.final.finish_reason is not None
        assert all(s.path.name == "plan.docx" for s in summary.sources)
        # the final prompt holds part summaries (model text), not the pages themselves
        pages = {c.text for c in store.chunks_of(summary.sources[0].path)}
        assert not any(s.text in pages for s in summary.sources)
    finally:
        engine.close()


class SynonymEmbedder(HashingEmbedder):
    """Maps words to shared concepts first, so a question can match a passage with no word in
    common, as a real embedding model does."""

    name = "synonym-bow-256"
    CONCEPTS = {
        "birds": "finch",
        "finches": "finch",
        "travel": "migra",
        "migration": "migra",
        "yellow": "saffr",
        "saffron": "saffr",
        "seasonal": "migra",
        "journeys": "migra",
    }

    def embed(self, texts, *, query=False):
        mapped = [
            " ".join(self.CONCEPTS.get(w, w) for w in re.findall(r"\w+", t.lower())) for t in texts
        ]
        return super().embed(mapped, query=query)


def test_strong_dense_hit_is_an_answer_source_without_shared_words(indexed):
    store, _ = indexed
    embedder = SynonymEmbedder()
    store.embed_missing(embedder, "default")
    question = "yellow birds seasonal journeys"  # only "yellow" is in the documents, as filler
    plain = plan_answer(store, question)
    assert plain.reply is ErrorCode.DOC_NOT_IN_DOCUMENTS
    plan = plan_answer(store, question, options=QAOptions(embedder=embedder, min_similarity=0.15))
    assert plan.mode == "qa"
    assert ("plan.docx", 3) in [(s.path.name, s.page) for s in plan.sources]
    assert all(h.similarity is not None for h in plan.hits if h.coverage < 0.4)
    strict = plan_answer(store, question, options=QAOptions(embedder=embedder, min_similarity=0.99))
    assert strict.reply is ErrorCode.DOC_NOT_IN_DOCUMENTS
