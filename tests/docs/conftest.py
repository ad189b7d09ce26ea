"""Fixtures for the document tests: a corpus with known facts, and a documents facade per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from inference.docs.library import Documents
from tests.docs.corpus import build_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return build_corpus(tmp_path / "corpus")


@pytest.fixture
def store(tmp_path: Path):
    s = Documents(tmp_path / "home" / "documents.sqlite3")
    yield s
    s.close()


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """A store with the corpus indexed once, shared by read-only tests of a module."""
    root = tmp_path_factory.mktemp("indexed")
    folder = build_corpus(root / "corpus")
    s = Documents(root / "documents.sqlite3")
    report = s.add([folder])
    assert not report.failed, report.failed
    yield s, folder
    s.close()
