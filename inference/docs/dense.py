"""Dense retrieval seam: the Embedder protocol, vector storage, and reciprocal-rank fusion.

When an embedding model is installed (a Qwen3-Embedding GGUF run through llama.cpp:
engines/embedding_llamacpp.py), an `Embedder` (engines/embedding.py) is passed to
`Documents.add(..., embedder=)` / `embed_missing` to fill the vectors table and to
`Documents.search(..., embedder=)`, which fuses the BM25 list with the vector list by reciprocal rank (Cormack et al., 2009):
score(d) = sum over lists of 1 / (k + rank of d in that list), rank counted from 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..cancel import CancelToken
from ..engines.embedding import Embedder
from ..records import Progress
from .records import Hit
from .store import DocStore

__all__ = ["BATCH", "Embedder", "dense_search", "embed_missing", "rrf_fuse"]

BATCH = 8  # chunks per embed() call and transaction: cancel is checked between batches (a
# 0.6B embedding model runs about 90 tokens/s on 2 laptop cores: 8 chunks take about 25 s)


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
        replace(best[key][1], score=score, coverage=coverage[key], similarity=similarity.get(key))
        for key, score in scores.items()
    ]
    fused.sort(key=lambda h: (-h.score, best[h.chunk_id][0]))
    return fused


def _normalised(vectors: Sequence[Sequence[float]], dim: int) -> Any:
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
    progress: Callable[[Progress], None] | None = None,
) -> int:
    """Embed every ready chunk of `collection` that has no vector from this embedder yet."""
    rows = store.chunks_without_vector(embedder.name, collection)
    done = 0
    for start in range(0, len(rows), BATCH):
        if cancel is not None and cancel.cancelled:
            break
        batch = rows[start : start + BATCH]
        texts = [f"{h}\n{t}" if h else t for _, h, t in batch]
        vecs = _normalised(embedder.embed(texts, query=False), embedder.dim)
        store.put_vectors(
            embedder.name, [(cid, v.tobytes()) for (cid, _, _), v in zip(batch, vecs, strict=True)]
        )
        done += len(batch)
        if progress is not None:
            progress(Progress("embed", done, len(rows)))
    return done


def dense_search(
    store: DocStore, embedder: Embedder, query: str, collection: str, limit: int
) -> list[Hit]:
    """Chunks by cosine similarity to the query (brute force over the collection's vectors)."""
    import numpy as np

    ids, matrix = store.vectors(embedder.name, collection, embedder.dim)
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
