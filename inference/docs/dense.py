"""Dense retrieval seam: the Embedder protocol, vector storage, and reciprocal-rank fusion.

When an embedding model is installed (a Qwen3-Embedding GGUF run through llama.cpp:
embedder_llamacpp.py), an object implementing `Embedder` is passed to `DocStore.add(...,
embedder=)` / `embed_missing` to fill the vectors table and to `DocStore.search(..., embedder=)`,
which fuses the BM25 list with the vector list by reciprocal rank (Cormack et al., 2009):
score(d) = sum over lists of 1 / (k + rank of d in that list), rank counted from 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

from ..cancel import CancelToken
from .records import Hit
from .store import DocStore

BATCH = 8  # chunks per embed() call and transaction: cancel is checked between batches (a
# 0.6B embedding model runs about 90 tokens/s on 2 laptop cores: 8 chunks take about 25 s)


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors of one fixed size. Qwen3-Embedding wants an instruction in front
    of queries but not of documents, hence the `query` flag."""

    name: str  # stored with each vector: vectors of another model are never compared
    dim: int

    def embed(self, texts: Sequence[str], *, query: bool = False) -> Sequence[Sequence[float]]: ...


def rrf_fuse(lists: Sequence[Sequence[Hit]], k: int = 60) -> list[Hit]:
    """Fuse ranked lists of hits (best first) into one by reciprocal rank.

    Hits are the same document when their chunk_id is equal. The fused hit keeps the fields of
    its best-ranked appearance (the first list wins ties) with the fused score, and the highest
    coverage seen.
    """
    scores: dict[int, float] = {}
    best: dict[int, tuple[int, Hit]] = {}
    coverage: dict[int, float] = {}
    similarity: dict[int, float] = {}
    for hits in lists:
        for rank, hit in enumerate(hits, start=1):
            key = hit.chunk_id
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, hit)
            coverage[key] = max(coverage.get(key, 0.0), hit.coverage)
            if hit.similarity is not None:
                similarity[key] = max(similarity.get(key, -1.0), hit.similarity)
    fused = [
        replace(
            best[key][1], score=score, coverage=coverage[key], similarity=similarity.get(key)
        )
        for key, score in scores.items()
    ]
    fused.sort(key=lambda h: (-h.score, best[h.chunk_id][0]))
    return fused


def _normalised(vectors, dim: int):
    import numpy as np

    arr = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return arr / np.maximum(norms, 1e-12)


def embed_missing(
    store: DocStore,
    embedder: Embedder,
    collection: str,
    *,
    cancel: CancelToken | None = None,
    progress=None,
) -> int:
    """Embed every ready chunk of `collection` that has no vector from this embedder yet."""
    from ..records import Progress

    rows = store.db.execute(
        """SELECT c.id, c.heading, c.text FROM chunks c JOIN files f ON f.id = c.file_id
           LEFT JOIN vectors v ON v.chunk_id = c.id AND v.model = ?
           WHERE f.collection = ? AND v.chunk_id IS NULL ORDER BY c.id""",
        (embedder.name, collection),
    ).fetchall()
    done = 0
    for start in range(0, len(rows), BATCH):
        if cancel is not None and cancel.cancelled:
            break
        batch = rows[start : start + BATCH]
        texts = [f"{h}\n{t}" if h else t for _, h, t in batch]
        vecs = _normalised(embedder.embed(texts, query=False), embedder.dim)
        with store.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors (chunk_id, model, vec) VALUES (?, ?, ?)",
                [
                    (cid, embedder.name, v.tobytes())
                    for (cid, _, _), v in zip(batch, vecs, strict=True)
                ],
            )
        done += len(batch)
        if progress is not None:
            progress(Progress("embed", done, len(rows)))
    store.vector_cache.clear()
    return done


def dense_search(
    store: DocStore, embedder: Embedder, query: str, collection: str, limit: int
) -> list[Hit]:
    """Chunks by cosine similarity to the query (brute force over the collection's vectors)."""
    import numpy as np

    key = (collection, embedder.name)
    cached = store.vector_cache.get(key)
    if cached is None:
        rows = store.db.execute(
            """SELECT v.chunk_id, v.vec FROM vectors v JOIN chunks c ON c.id = v.chunk_id
               JOIN files f ON f.id = c.file_id
               WHERE v.model = ? AND f.collection = ? AND f.status = 'ready'""",
            (embedder.name, collection),
        ).fetchall()
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        matrix = (
            np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(-1, embedder.dim)
            if rows
            else np.zeros((0, embedder.dim), np.float32)
        )
        cached = store.vector_cache[key] = (ids, matrix)
    ids, matrix = cached
    if not len(ids):
        return []
    q = _normalised(embedder.embed([query], query=True), embedder.dim)[0]
    sims = matrix @ q
    top = np.argsort(-sims)[:limit]
    hits = []
    for i in top:
        hit = store.hit_for(int(ids[i]))
        if hit is not None:
            sim = float(sims[i])
            hits.append(replace(hit, score=sim, coverage=0.0, similarity=sim))
    return hits
