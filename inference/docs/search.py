"""Retrieval: BM25 over the FTS5 index with stemming, stop words and a proximity bonus.

Steps: the question's words minus stop words become an OR query (Porter-stemmed by FTS5, so
"indexing" finds "indexed"); the best candidates by BM25 are then re-scored by how much of the
query they hold (coverage: the share of the query terms' IDF weight), whether neighbouring query
terms occur within six words of each other, and whether all of them occur in order as a phrase.
Which terms a chunk holds, and where, comes from FTS5's highlight() of the candidates (so the
stemming is FTS5's own), computed in the same query. Text in Chinese, Japanese or Korean goes
through a trigram index. With an embedder (dense.py) the BM25 list and the vector list are fused
by reciprocal rank.
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..engines.embedding import Embedder
from .chunking import CJK_RUN as _CJK_RUN
from .chunking import has_cjk
from .dense import dense_search, rrf_fuse
from .pathtext import key_path
from .records import Hit
from .store import DocStore

__all__ = ["has_cjk", "query_terms", "search", "truncated_query"]

CANDIDATES = 60  # BM25 candidates re-scored per query
MAX_TERMS = 16
# Query cost bounds (a 25,000-character Chinese query took 100 s over 2,000 chunks): only the
# first MAX_QUERY_CHARS characters are searched (callers say so: `truncated_query`); CJK
# trigrams and short runs are de-duplicated and capped, since each short run is a scan.
MAX_QUERY_CHARS = 2_000
MAX_CJK_GRAMS = 64
MAX_CJK_SHORT_RUNS = 16
TEXT_WEIGHT, HEADING_WEIGHT = 1.0, 0.5

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren as at be because been before
    being below between both but by can cannot could couldn did didn do does doesn doing don down
    during each few for from further had hadn has hasn have haven having he her here hers herself
    him himself his how i if in into is isn it its itself just let me more most mustn my myself no
    nor not now of off on once only or other ought our ours ourselves out over own same shan she
    should shouldn so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was wasn we were weren what when where which
    while who whom why will with won would wouldn you your yours yourself yourselves s t d ll m re
    ve y also may might must shall us please tell say says said according explain describe give
    show find know document documents text file files page pages mention mentioned""".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)


# Chinese question and function words: the query is cut at them, as stop words are dropped in
# English ("北京是哪个国家的首都" -> 北京 / 国家 / 首都). Longest first.
_CJK_STOP = re.compile(
    "为什么|怎么样|什么|哪个|哪些|哪里|哪儿|怎么|如何|多少|是否|有没有|没有|请问|一下|这个|那个|"
    "[的了吗呢吧是在和与及或也都就还又被把对从这那谁哪几个有请问]"
)


def query_terms(query: str) -> list[str]:
    """Lower-cased words of `query` without stop words and CJK runs, in order, without repeats."""
    latin = _CJK_RUN.sub(" ", query)
    seen: dict[str, None] = {}
    for word in _WORD.findall(latin.lower()):
        if word not in STOP_WORDS and word not in seen:
            seen[word] = None
    terms = list(seen)
    if not terms:  # a query of stop words only ("what is it") still deserves an attempt
        terms = list(dict.fromkeys(_WORD.findall(latin.lower())))
    return terms[:MAX_TERMS]


def truncated_query(query: str) -> tuple[str, bool]:
    """(the part of `query` that is searched, whether it was cut)."""
    if len(query) <= MAX_QUERY_CHARS:
        return query, False
    return query[:MAX_QUERY_CHARS], True


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(
    store: DocStore,
    query: str,
    collection: str,
    k: int = 8,
    *,
    embedder: Embedder | None = None,
    rrf_k: int = 60,
) -> list[Hit]:
    """The k best chunks for `query` in `collection`, best first. Higher score is better."""
    lists: list[list[Hit]] = []
    query, _ = truncated_query(query)
    terms = query_terms(query)
    if terms:
        lists.append(_bm25(store, terms, collection, max(CANDIDATES, k)))
    if has_cjk(query):
        lists.append(_cjk(store, query, collection, max(CANDIDATES, k)))
    if embedder is not None:
        dense = dense_search(store, embedder, query, collection, max(CANDIDATES, k))
        if dense:
            lists.append(dense)
    lists = [hits for hits in lists if hits]
    if not lists:
        return []
    if len(lists) == 1:
        return lists[0][:k]
    return rrf_fuse(lists, k=rrf_k)[:k]


def _bm25(store: DocStore, terms: list[str], collection: str, limit: int) -> list[Hit]:
    rows = store.fts_candidates(
        " OR ".join(_quote(t) for t in terms), collection, limit, TEXT_WEIGHT, HEADING_WEIGHT
    )
    if not rows:
        return []
    weights = _idf(store, terms) if len(terms) > 1 else {terms[0]: 1.0}
    total_weight = sum(weights.values()) or 1.0
    pairs = max(1, len(terms) - 1)
    folded = [_fold(t) for t in terms]
    memo: dict[str, int] = {}
    hits = []
    for chunk_id, path, page, text, heading, ordinal, rank, marked_text, marked_heading in rows:
        in_text = _marked_terms(marked_text, folded, memo)
        in_heading = _marked_terms(marked_heading, folded, memo)
        found = {t for _, t in in_text} | {t for _, t in in_heading}
        coverage = sum(weights[terms[t]] for t in found) / total_weight
        near, phrase = _proximity(in_text, len(terms))
        score = -rank * (0.25 + 0.75 * coverage) * (1 + 0.5 * near / pairs)
        if phrase:
            score *= 1.5
        hits.append(_hit(path, page, text, score, heading, chunk_id, ordinal, coverage))
    hits.sort(key=lambda h: -h.score)
    return hits


_MARKED = re.compile(r"\x02(.*?)\x03|\w+", re.S)


def _marked_terms(marked: str, terms: list[str], memo: dict[str, int]) -> list[tuple[int, int]]:
    """(token position, query term index) for each token FTS5 marked as matching.

    FTS5 marks the tokens whose stems equal a query term's stem; which term a marked token
    stands for is the one sharing the longest prefix with it (stems share a prefix).
    """
    out: list[tuple[int, int]] = []
    position = 0
    for m in _MARKED.finditer(marked or ""):
        if m.group(1) is None:
            position += 1
            continue
        for token in _WORD.findall(m.group(1)):
            term = memo.get(token)
            if term is None:
                term = memo[token] = _closest_term(_fold(token), terms)
            out.append((position, term))
            position += 1
    return out


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _closest_term(token: str, terms: list[str]) -> int:
    def shared(term: str) -> int:
        n = 0
        for a, b in zip(token, term, strict=False):
            if a != b:
                break
            n += 1
        return n

    return max(range(len(terms)), key=lambda i: shared(terms[i]))


def _proximity(marked: list[tuple[int, int]], n_terms: int) -> tuple[int, bool]:
    """(neighbouring query-term pairs found within 6 tokens of each other, whether all the
    terms occur in query order with at most two words between neighbours)."""
    if n_terms < 2 or not marked:
        return 0, False
    at: dict[int, list[int]] = {}
    for position, term in marked:
        at.setdefault(term, []).append(position)
    near = sum(
        1
        for t in range(n_terms - 1)
        if any(abs(a - b) <= 6 for a in at.get(t, ()) for b in at.get(t + 1, ()))
    )
    phrase = any(_chain(start, 1, at, n_terms) for start in at.get(0, ()))
    return near, phrase


def _chain(position: int, term: int, at: dict[int, list[int]], n_terms: int) -> bool:
    if term == n_terms:
        return True
    return any(
        0 < nxt - position <= 3 and _chain(nxt, term + 1, at, n_terms) for nxt in at.get(term, ())
    )


def _idf(store: DocStore, terms: list[str]) -> dict[str, float]:
    """Inverse document frequency per term. A term found nowhere counts as if found once, so
    that a question word the documents never use weighs like their rarest word."""
    n = store.chunk_count()
    out = {}
    for term in terms:
        df = store.fts_count(_quote(term))
        out[term] = math.log(1 + n / (max(df, 1) + 0.5))
    return out


def _cjk(store: DocStore, query: str, collection: str, limit: int) -> list[Hit]:
    """Trigram search for CJK text: each run of the query gives its trigrams (or a substring
    scan for runs of one or two characters); chunks holding more of them rank higher."""
    runs = _CJK_RUN.findall(_CJK_STOP.sub(" ", query)) or _CJK_RUN.findall(query)
    runs = list(dict.fromkeys(r for r in runs if len(r) > 1)) or list(dict.fromkeys(runs))
    grams = list(
        dict.fromkeys(r[i : i + 3] for r in runs if len(r) >= 3 for i in range(len(r) - 2))
    )[:MAX_CJK_GRAMS]
    short = [r for r in runs if len(r) < 3][:MAX_CJK_SHORT_RUNS]
    scored: dict[int, float] = {}
    if grams:
        match = " OR ".join(_quote(g) for g in grams)
        for chunk_id, rank in store.cjk_candidates(match, limit * 4):
            scored[chunk_id] = -rank
    for run in short:
        for chunk_id in store.cjk_containing(run, limit * 4):
            scored[chunk_id] = scored.get(chunk_id, 0.0) + 1.0
    if not scored:
        return []
    pieces = grams + short

    def coverage(text: str) -> float:  # the share of the query's trigrams the chunk holds
        return sum(p in text for p in pieces) / len(pieces)

    hits = [
        _hit(path, page, text, scored[cid], heading, cid, ordinal, coverage(text))
        for cid, path, page, text, heading, ordinal in store.ready_chunks(list(scored), collection)
    ]
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]


def _hit(
    path: str,
    page: int | None,
    text: str,
    score: float,
    heading: str,
    chunk_id: int,
    ordinal: int,
    coverage: float,
) -> Hit:
    return Hit(
        path=key_path(path),
        page=page,
        text=text,
        score=float(score) if math.isfinite(score) else 0.0,
        heading=heading,
        chunk_id=chunk_id,
        ordinal=ordinal,
        coverage=coverage,
    )
