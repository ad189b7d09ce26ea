"""A question in another language than the documents is not refused by the keyword gate
(issue 16: "GPL v3 是什么?" over English licences was answered "the documents do not contain
this" although search ranked the GPL first)."""

from __future__ import annotations

import random

import pytest

from inference.docs import Documents, plan_answer
from inference.docs.answer import QAOptions
from inference.docs.scripts import foreign_scripts
from inference.errors import ErrorCode
from tests.docs import docs_fixtures as F
from tests.docs.test_docs_answer import HashingEmbedder

GPL_PARAGRAPH = (
    "This program is free software: you can redistribute it and/or modify it under the terms "
    "of the GNU GPL as published by the Free Software Foundation, either version 3 of the "
    "License, or any later version. The GNU GPL is a free, copyleft license for software."
)


@pytest.fixture(scope="module")
def licences(tmp_path_factory):
    """English licence texts, the GPL in many chunks (so "gpl" is a common, low-weight word)."""
    rng = random.Random(3)
    root = tmp_path_factory.mktemp("licences")
    folder = root / "docs"
    folder.mkdir()
    (folder / "gpl-v3.txt").write_text(
        "\n\n".join(GPL_PARAGRAPH + " " + F.filler(rng, 120) for _ in range(12)), "utf-8"
    )
    (folder / "artistic-license.html").write_text(
        "<html><body><h1>The Artistic License 2.0</h1><p>This license establishes the terms "
        "under which a given free software Package may be copied, modified, distributed.</p>"
        f"<p>{F.filler(rng, 200)}</p></body></html>",
        "utf-8",
    )
    (folder / "mit.txt").write_text(
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
        "software. " + F.filler(rng, 150),
        "utf-8",
    )
    store = Documents(root / "documents.sqlite3")
    report = store.add([folder])
    assert not report.failed, report.failed
    yield store
    store.close()


def test_scripts_of_question_and_documents():
    assert foreign_scripts("GPL v3 是什么?", ["GNU General Public License"]) == {"cjk"}
    assert foreign_scripts("What is GPL v3?", ["GNU General Public License"]) == set()
    assert foreign_scripts("GPL v3 是什么?", ["GPL 是自由软件许可证"]) == set()
    assert foreign_scripts("Что такое GPL?", ["GNU GPL"]) == {"cyrillic"}


def test_chinese_question_over_english_documents_is_answered_from_the_best_sources(licences):
    question = "GPL v3 是什么?"
    hits = licences.search(question, "default", k=6)
    assert hits and hits[0].path.name == "gpl-v3.txt"
    # the keyword gate alone refuses it: the Chinese words match nothing in English text
    assert all(h.coverage < QAOptions().min_coverage for h in hits)
    plan = plan_answer(licences, question)
    assert plan.mode == "qa" and plan.reply is None
    assert plan.loose  # the caller says the sources may not match the question
    assert plan.sources[0].path.name == "gpl-v3.txt"
    assert len(plan.sources) <= QAOptions().loose_sources


def test_same_language_questions_keep_the_strict_gate(licences):
    # English question, off topic: still "the documents do not contain this", no loose answer
    plan = plan_answer(licences, "What is the capital of Mars?")
    assert plan.reply is ErrorCode.DOC_NOT_IN_DOCUMENTS and not plan.loose
    # English question on topic: a plain answer
    plan = plan_answer(licences, "Which Free Software Foundation license is copyleft?")
    assert plan.mode == "qa" and not plan.loose


def test_foreign_question_matching_nothing_says_why(licences):
    plan = plan_answer(licences, "火星的首都是哪里？")
    assert plan.reply is ErrorCode.DOC_OTHER_LANGUAGE and plan.sources == ()


class TranslatingEmbedder(HashingEmbedder):
    """A multilingual embedder in miniature: Chinese words land on the English ones' vectors
    (what Qwen3-Embedding does for real)."""

    name = "hash-bow-zh"
    WORDS = {"通用公共许可证": "general public license gnu gpl copyleft", "火星": "mars"}

    def embed(self, texts, *, query=False):
        mapped = []
        for text in texts:
            for zh, en in self.WORDS.items():
                text = text.replace(zh, f" {en} ")
            mapped.append(text)
        return super().embed(mapped, query=query)


def test_the_embedding_model_decides_when_installed(licences):
    embedder = TranslatingEmbedder()
    licences.embed_missing(embedder, "default")
    question = "通用公共许可证是什么？"
    assert plan_answer(licences, question).reply is ErrorCode.DOC_OTHER_LANGUAGE  # no embedder
    plan = plan_answer(licences, question, options=QAOptions(embedder=embedder, min_similarity=0.2))
    assert plan.mode == "qa" and not plan.loose  # similar enough: a plain answer
    assert plan.sources[0].path.name == "gpl-v3.txt"
