"""Dense retrieval through the real llama.cpp embedding path, on a tiny random Qwen3 GGUF.

The model is random, so these tests check the plumbing and its invariants (unit vectors of the
model's size, determinism, the query instruction, fusion, which models count as embedding
models), not the quality of the ranking.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from inference.catalog import load_catalog
from inference.checkpoint import ModelRole, inspect_embedding_model
from inference.cli.main import main
from inference.docs import DocStore
from inference.docs.library import Documents
from inference.engines.embedding import EmbedderCache, open_embedder
from inference.engines.embedding_llamacpp import LlamaCppEmbedder, query_text
from inference.errors import CairnError, ErrorCode
from inference.models.manifest import FileRecord, Manifest, sha256_file, write_manifest
from inference.models.recommend import recommend
from inference.models.resolve import resolve_model
from inference.models.store import ModelStore, is_chat_model, role_of
from inference.paths import data_dirs
from tests.docs.tiny_embedding_gguf import FILE_NAME, write_embedding_gguf

pytest.importorskip("llama_cpp")

CATALOG_ID = "qwen3-embedding-0.6b-gguf-q8_0"
NO_OVERLAP = "zyzzyva qwxplor"  # in no document: keyword search finds nothing


@pytest.fixture(scope="module")
def gguf(tmp_path_factory) -> Path:
    return write_embedding_gguf(tmp_path_factory.mktemp("emb") / FILE_NAME)


@pytest.fixture(scope="module")
def embedder(gguf):
    e = open_embedder(inspect_embedding_model(gguf), threads=1)  # opened like open_engine
    assert isinstance(e, LlamaCppEmbedder)
    yield e
    e.close()


def install_ready(models_dir: Path, gguf: Path, model_id: str = CATALOG_ID) -> Path:
    """A models-folder entry as a finished download leaves it: the file plus its manifest."""
    folder = models_dir / model_id
    folder.mkdir(parents=True)
    dst = folder / "Qwen3-Embedding-0.6B-Q8_0.gguf"
    dst.write_bytes(gguf.read_bytes())
    record = FileRecord(dst.name, dst.stat().st_size, sha256_file(dst))
    write_manifest(
        folder, Manifest(model_id, "hub", "Qwen/Qwen3-Embedding-0.6B-GGUF", "0" * 40, (record,))
    )
    return folder


# -- the embedder -----------------------------------------------------------------------------


def test_vectors_have_the_model_size_and_unit_norm(embedder):
    vectors = np.asarray(embedder.embed(["a cat on a mat", "budget for the quokka project"]))
    assert embedder.dim == 64 and vectors.shape == (2, 64)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vectors[0], vectors[1])
    assert embedder.name == f"{FILE_NAME}:64"


def test_identical_texts_identical_vectors_and_deterministic(embedder):
    a, b, _ = embedder.embed(["the same words", "the same words", "other words here"])
    assert np.array_equal(a, b)
    again = embedder.embed(["the same words"])[0]
    assert np.allclose(a, again, atol=1e-6)


def test_query_instruction_changes_the_vector(embedder):
    doc = np.asarray(embedder.embed(["where is the budget"])[0])
    query = np.asarray(embedder.embed(["where is the budget"], query=True)[0])
    assert not np.allclose(doc, query, atol=1e-4)
    # the query form is exactly the instruction text embedded as a document
    spelled = np.asarray(embedder.embed([query_text("where is the budget")])[0])
    assert np.allclose(query, spelled, atol=1e-6)


def test_batches_split_by_context_give_the_same_vectors(gguf, embedder):
    texts = [f"sentence number {i} about topic {i % 7}" for i in range(30)]
    small = LlamaCppEmbedder(
        inspect_embedding_model(gguf), threads=1, context_tokens=64
    )  # several decodes
    try:
        split = np.asarray(small.embed(texts))
    finally:
        small.close()
    whole = np.asarray(embedder.embed(texts))
    assert np.allclose(split, whole, atol=1e-5)


def test_inspect_embedding_model(tmp_path, gguf):
    from tests.fixtures.tiny_gguf import write_text_gguf

    found = inspect_embedding_model(gguf)
    assert (found.architecture, found.dim, found.pooling) == ("qwen3", 64, 3)
    chat35 = write_text_gguf(tmp_path / "chat35.gguf")
    with pytest.raises(CairnError) as e:
        inspect_embedding_model(chat35)
    assert e.value.code is ErrorCode.NOT_EMBEDDING_MODEL  # not worded as "not a Qwen3.5 model"
    plain = write_embedding_gguf(tmp_path / "qwen3-chat.gguf", pooling=False, name="qwen3-chat")
    with pytest.raises(CairnError):  # a Qwen3 chat model is not taken for an embedding model
        inspect_embedding_model(plain)
    assert inspect_embedding_model(plain, known_embedding=True).dim == 64


# -- the document store -----------------------------------------------------------------------


def test_add_with_embedder_fills_every_chunk(store, corpus, embedder):
    report = store.add([corpus], embedder=embedder)
    assert report.indexed and not report.failed
    chunks = store.store.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
    vectors = store.store.db.execute(
        "SELECT COUNT(*) FROM vectors WHERE model = ?", (embedder.name,)
    ).fetchone()[0]
    assert chunks > 0 and vectors == chunks
    assert store.embed_missing(embedder, "default") == 0  # nothing left to embed


def test_search_fuses_the_dense_list(store, corpus, embedder):
    store.add([corpus], embedder=embedder)
    assert store.search(NO_OVERLAP, k=5) == []
    dense_only = store.search(NO_OVERLAP, k=5, embedder=embedder)
    assert len(dense_only) == 5  # found through the vector list alone

    query = "Quokka budget"
    lexical = store.search(query, k=200)
    fused = store.search(query, k=200, embedder=embedder)
    chunks = store.store.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
    assert len(lexical) < len(fused) == chunks  # every chunk is in the dense list
    lexical_ids = {h.chunk_id for h in lexical}
    assert any(h.chunk_id not in lexical_ids for h in fused)
    # reciprocal-rank scores: a hit in both lists outranks one in the dense list only
    both = [h for h in fused if h.chunk_id in lexical_ids]
    assert fused[0].chunk_id in lexical_ids and both[0].score > 1 / 61


# -- which models are embedding models ----------------------------------------------------------


def test_catalog_entry_is_an_embedding_model():
    spec = next(s for s in load_catalog() if s.id == CATALOG_ID)
    assert spec.role is ModelRole.EMBEDDING and spec.engine == "llamacpp"
    assert all(s.role is ModelRole.CHAT for s in load_catalog() if s.family == "qwen3.5")


def test_embedding_model_never_recommended_as_chat():
    catalog = load_catalog()
    for apple in (False, True):
        for ram in (2**28, 2**30, 2**33, 2**36):  # from far too little memory to plenty
            for cores in (2, 8, None):
                pick = recommend(
                    catalog,
                    ram_bytes=ram,
                    free_disk_bytes=2**40,
                    apple_silicon=apple,
                    cpu_cores=cores,
                )
                assert pick.role is ModelRole.CHAT, (apple, ram, cores, pick.id)


def test_installed_embedding_model_found_and_never_picked_for_chat(tmp_path, gguf):
    models = tmp_path / "models"
    install_ready(models, gguf)
    docs = Documents(tmp_path / "d.sqlite3", models_dir=models)
    found = docs.embedder()
    assert found is not None and found.dim == 64
    assert found.name == "Qwen3-Embedding-0.6B-Q8_0.gguf:64"
    assert docs.embedder() is found  # opened once per Documents (its own cache)
    other = Documents(tmp_path / "e.sqlite3", models_dir=models)
    assert other.embedder() is not found  # nothing shared process-wide behind anyone's back
    docs.close()
    other.close()
    entry = ModelStore(models).entry(CATALOG_ID)
    assert role_of(entry) is ModelRole.EMBEDDING and not is_chat_model(entry)
    assert ModelStore(models).chat_models() == []
    with pytest.raises(CairnError) as e:
        resolve_model(None, models)  # the only ready model is not a chat model
    assert e.value.code is ErrorCode.MODEL_NOT_FOUND
    with pytest.raises(CairnError) as e:
        resolve_model(CATALOG_ID, models)
    assert e.value.code is ErrorCode.NOT_QWEN35
    assert ModelStore(tmp_path / "empty").embedding_model() is None


def test_cli_import_and_list_an_embedding_model(tmp_path, capsys, gguf):
    assert main(["models", "import", str(gguf)]) == 0
    model_id = capsys.readouterr().out.strip()
    assert main(["models", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["models"]}
    assert rows[model_id]["state"] == "ready" and rows[model_id]["role"] == "embedding"
    assert rows[CATALOG_ID]["role"] == "embedding"
    assert rows["qwen3.5-0.8b-gguf-q8_0"]["role"] == "chat"
    assert not rows[model_id]["recommended"]
    models = Path(os.environ["CAIRN_HOME"]) / "models"
    found = ModelStore(models).embedding_model()
    assert found is not None and found.gguf == models / model_id / FILE_NAME
    assert main(["models", "list"]) == 0
    assert "embedding" in capsys.readouterr().out


# -- the command line with an embedding model installed -----------------------------------------


def test_cli_docs_with_an_embedding_model(tmp_path, capsys, corpus, gguf):
    models = Path(os.environ["CAIRN_HOME"]) / "models"
    install_ready(models, gguf)
    assert main(["docs", "add", str(corpus)]) == 0
    capsys.readouterr()
    name = "Qwen3-Embedding-0.6B-Q8_0.gguf:64"
    with DocStore(data_dirs(os.environ).docs_db) as s:
        chunks = s.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        vectors = s.db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", (name,))
        assert chunks > 0 and vectors.fetchone()[0] == chunks

    assert main(["docs", "search", "--json", "-k", "3", "Quokka budget"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"hits"} and len(doc["hits"]) == 3
    assert all(set(h) == {"path", "page", "text", "score"} for h in doc["hits"])

    assert main(["docs", "search", "--json", "-k", "3", NO_OVERLAP]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 3  # the dense list
    assert main(["docs", "search", "--json", "--no-dense", NO_OVERLAP]) == 0
    assert json.loads(capsys.readouterr().out) == {"hits": []}


def test_cli_no_dense_then_backfill(capsys, corpus, gguf):
    """Documents indexed before (or without) the embedding model get their vectors on the next
    `docs add`, even when no file changed; until then search stays keyword-only."""
    install_ready(Path(os.environ["CAIRN_HOME"]) / "models", gguf)
    assert main(["docs", "add", "--no-dense", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["docs", "search", "--json", NO_OVERLAP]) == 0
    assert json.loads(capsys.readouterr().out) == {"hits": []}  # no vectors yet
    with DocStore(data_dirs(os.environ).docs_db) as s:
        assert s.db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == 0
    assert main(["docs", "add", str(corpus)]) == 0
    assert "0 indexed" in capsys.readouterr().err  # nothing re-parsed
    with DocStore(data_dirs(os.environ).docs_db) as s:
        chunks = s.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        assert s.db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == chunks
    assert main(["docs", "search", "--json", "-k", "2", NO_OVERLAP]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 2


def test_download_catalog_embedding_model_from_a_fake_hub(tmp_path, monkeypatch, gguf):
    """The catalog entry downloads like any GGUF entry, is ready, found and used for search."""
    from huggingface_hub import constants

    from tests.models.fakehub import FakeHub, FakeRepo

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)  # tests/conftest.py sets it
    import dataclasses
    import hashlib

    pinned = next(s for s in load_catalog() if s.id == CATALOG_ID)
    assert pinned.revision and pinned.sha256.get(pinned.files[0])  # the real file is pinned
    # the tiny stand-in has its own SHA-256: pin that, at the catalog's commit
    data = gguf.read_bytes()
    spec = dataclasses.replace(pinned, sha256={pinned.files[0]: hashlib.sha256(data).hexdigest()})
    hub = FakeHub().start()
    try:
        repo = FakeRepo(spec.repo_id, {spec.files[0]: data, "README.md": b"x"}, commit="f" * 40)
        repo.old_commits = {spec.revision}
        hub.add(repo)
        models = tmp_path / "models"
        store = ModelStore(models, catalog=(spec,), endpoint=hub.url, retry_delays=(0.05,))
        local = store.download(CATALOG_ID)
    finally:
        hub.stop()
    assert all(f"/resolve/{spec.revision}/" in e.path for e in hub.resolve_requests())
    assert local.path == models / CATALOG_ID and local.gguf == models / CATALOG_ID / spec.files[0]
    assert sorted(p.name for p in local.path.glob("*.gguf")) == [spec.files[0]]
    model = ModelStore(models).embedding_model()
    assert model is not None
    found = EmbedderCache().get(model)
    assert found.name == f"{spec.files[0]}:64"
    assert len(found.embed(["a question"], query=True)[0]) == 64
