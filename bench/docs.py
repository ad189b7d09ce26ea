"""Document Q&A benchmark: indexing throughput, search latency and retrieval quality.

    .venv/bin/python bench/docs.py [--files 220] [--pages 12] [--facts 200] [--keep DIR]
                                   [--dense [GGUF]]

Builds a corpus of generated PDFs (filler text with facts planted on known pages, plus
distractor sentences that reuse each fact's surname and object elsewhere; surnames are shared by
about two people), indexes it through the real pipeline (sandboxed child parser, SQLite FTS5),
then asks one question per fact in four styles (plain, paraphrased, keywords, inverse).

Baselines measured in the same run:
- indexing: parsing + chunking the same files in-process (no child process, no database);
- search: plain FTS5 BM25 over the same index (OR of the query words, no stop words removed,
  no coverage or proximity re-scoring).

--dense adds dense retrieval through llama.cpp (inference/engines/embedding_llamacpp.py): the time
to embed every chunk, and search latency with the embedder (BM25 + vectors fused by reciprocal
rank) against Cairn's BM25-only search in the same run. Without a GGUF it uses the tiny random
Qwen3 model of the tests: that measures the plumbing (batching, storage, fusion), not a real
model's cost, and its quality figures mean nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SYLLABLES = "ka lo mi ra ven dor thu sel bri quo zan pel tor vish gra mu nel ost fae lin".split()
OBJECTS = (
    "astrolabe hourglass sextant telescope compass barometer chronometer theodolite "
    "metronome gyroscope periscope sundial abacus orrery quadrant"
).split()
PLACES = (
    "granary chapel boathouse observatory library armoury cellar tower mill "
    "lighthouse bakery foundry stable greenhouse"
).split()


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


QUESTIONS = (
    "Where did {surname} store the {obj}?",
    "In which year was the brass {obj} of {first} {surname} put away, and in what building?",
    "{surname} {obj} {place}",
    "What did {first} {surname} keep in the {place}?",
)


def build(folder: Path, files: int, pages: int, n_facts: int, seed: int = 11):
    """Plant n_facts facts, each with a distractor elsewhere that shares its surname and object.
    Surnames are drawn from a pool half the number of facts, so most are shared by two people."""
    from tests.docs.docs_fixtures import filler, write_pdf

    rng = random.Random(seed)
    texts = [[filler(rng, 480) for _ in range(pages)] for _ in range(files)]
    facts = []
    surnames = [word(rng) for _ in range(max(1, n_facts // 2))]
    slots = rng.sample([(f, p) for f in range(files) for p in range(pages)], n_facts * 2)
    for i in range(n_facts):
        first, surname = word(rng), rng.choice(surnames)
        obj, place = rng.choice(OBJECTS), rng.choice(PLACES)
        year = rng.randint(1700, 1990)
        (f, p), (df, dp) = slots[2 * i], slots[2 * i + 1]
        fact = f"{first} {surname} stored the brass {obj} in the {place} in {year}."
        distractor = (
            f"{surname} once wrote a letter about an old {obj} and the {rng.choice(PLACES)}."
        )
        for (ff, pp), sentence in (((f, p), fact), ((df, dp), distractor)):
            words = texts[ff][pp].split(" ")
            at = rng.randint(0, len(words))
            texts[ff][pp] = " ".join(words[:at] + [sentence] + words[at:])
        template = QUESTIONS[i % len(QUESTIONS)]
        question = template.format(first=first, surname=surname, obj=obj, place=place)
        facts.append((question, f"doc{f:04d}.pdf", p + 1))
    for i, pages_text in enumerate(texts):
        write_pdf(folder / f"doc{i:04d}.pdf", pages_text)
    return facts


def plain_bm25(store, query: str, k: int):
    import re

    words = [w for w in re.findall(r"\w+", query.lower())]
    match = " OR ".join(f'"{w}"' for w in words)
    return store.db.execute(
        """SELECT f.path, c.page FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid
           JOIN files f ON f.id = c.file_id WHERE chunks_fts MATCH ? AND f.collection = ?
           ORDER BY bm25(chunks_fts) LIMIT ?""",
        (match, "default", k),
    ).fetchall()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=220)
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument("--facts", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the questions for latency")
    ap.add_argument("--keep", type=Path, default=None, help="keep the corpus and index here")
    ap.add_argument(
        "--dense",
        nargs="?",
        const="tiny",
        default=None,
        metavar="GGUF",
        help="also measure dense retrieval (an embedding GGUF; default: the tiny test model)",
    )
    ap.add_argument(
        "--long-query",
        action="store_true",
        help="only the long-query bench: 25,000-character Chinese queries over 2,000 Chinese chunks",
    )
    ap.add_argument("--query-chars", type=int, default=25_000)
    ap.add_argument("--chunks", type=int, default=2_000)
    args = ap.parse_args()
    if args.long_query:
        return long_query_bench(args.chunks, args.query_chars, args.repeat)

    from inference.docs import Documents
    from inference.docs.chunking import chunk_blocks
    from inference.docs.extract import extract

    work = args.keep or Path(tempfile.mkdtemp(prefix="cairn-bench-docs-"))
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    t = time.perf_counter()
    facts = build(corpus, args.files, args.pages, args.facts)
    print(f"corpus: {args.files} PDFs x {args.pages} pages in {time.perf_counter() - t:.1f} s")
    total_pages = args.files * args.pages

    # baseline: parse + chunk in-process
    t = time.perf_counter()
    raw_chunks = 0
    for pdf in sorted(corpus.glob("*.pdf")):
        raw_chunks += len(chunk_blocks(extract(pdf).blocks))
    raw_s = time.perf_counter() - t

    db = work / "documents.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Documents(db)
    t = time.perf_counter()
    report = store.add([corpus])
    index_s = time.perf_counter() - t
    assert not report.failed, report.failed[:3]
    chunks = store.counts()["chunks"]

    ours_lat: list[float] = []
    base_lat: list[float] = []
    ours_top1 = ours_top5 = base_top1 = base_top5 = 0
    for rep in range(args.repeat):
        for question, file, page in facts:
            t = time.perf_counter()
            hits = store.search(question, k=5)
            ours_lat.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            base = plain_bm25(store.store, question, 5)
            base_lat.append((time.perf_counter() - t) * 1000)
            if rep == 0:
                got = [(h.path.name, h.page) for h in hits]
                ours_top1 += got[:1] == [(file, page)]
                ours_top5 += (file, page) in got
                got_b = [(Path(p).name, pg) for p, pg in base]
                base_top1 += got_b[:1] == [(file, page)]
                base_top5 += (file, page) in got_b
    # worst case for latency: questions made of words that occur in nearly every chunk
    from tests.docs.docs_fixtures import FILLER_WORDS

    rng = random.Random(3)
    common = [" ".join(rng.sample(FILLER_WORDS, rng.randint(3, 10))) for _ in range(100)]
    common_lat: list[float] = []
    common_base: list[float] = []
    for question in common:
        t = time.perf_counter()
        store.search(question, k=5)
        common_lat.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        plain_bm25(store.store, question, 5)
        common_base.append((time.perf_counter() - t) * 1000)
    store.close()
    n = len(facts)

    rows = [
        ("indexing pages/s (sandbox + SQLite)", f"{total_pages / index_s:.0f}",
         f"{total_pages / raw_s:.0f}", f"{raw_s / index_s:.2f}"),
        ("search p50 ms", f"{pct(ours_lat, 0.5):.2f}", f"{pct(base_lat, 0.5):.2f}",
         f"{pct(ours_lat, 0.5) / pct(base_lat, 0.5):.2f}"),
        ("search p95 ms", f"{pct(ours_lat, 0.95):.2f}", f"{pct(base_lat, 0.95):.2f}",
         f"{pct(ours_lat, 0.95) / pct(base_lat, 0.95):.2f}"),
        ("search p95 ms, common-word queries", f"{pct(common_lat, 0.95):.2f}",
         f"{pct(common_base, 0.95):.2f}", f"{pct(common_lat, 0.95) / pct(common_base, 0.95):.2f}"),
        ("right file+page in top 5", f"{ours_top5 / n:.1%}", f"{base_top5 / n:.1%}",
         f"{ours_top5 / max(1, base_top5):.2f}"),
        ("right file+page at top 1", f"{ours_top1 / n:.1%}", f"{base_top1 / n:.1%}",
         f"{ours_top1 / max(1, base_top1):.2f}"),
    ]  # fmt: skip
    print(
        f"\n{total_pages} pages, {chunks} chunks ({raw_chunks} in the in-process baseline), "
        f"{n} questions, {len(ours_lat)} timed searches; indexing took {index_s:.1f} s"
    )
    head = ("measure", "cairn", "baseline", "ratio")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
    for r in [head] + rows:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    print("\nbaselines: indexing = parse + chunk in-process; search = plain FTS5 BM25 OR-query")
    if args.dense:
        dense_bench(db, work, facts, args.dense, args.repeat)
    print(f"command: {Path(sys.executable).name} bench/docs.py " + " ".join(sys.argv[1:]))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


# Common Chinese characters: queries and documents share them, as real Chinese text does, so
# 1-2 character runs (between stop characters) match many chunks.
HANZI = (
    "天地人山水火木金土日月风云雨雪花草树林田车马牛羊鱼鸟春夏秋冬东西南北上下左右大小多少"
    "长短高低新旧红黄蓝白黑书画字文学校家国城市村路河海湖江门窗桌椅灯纸笔刀工农商医"
)
CJK_STOPS = "的了是在和也都就"


def chinese_text(rng: random.Random, n: int) -> str:
    """n characters of runs of 1-6 common characters cut by stop characters and full stops."""
    out: list[str] = []
    while len(out) < n:
        out.extend(rng.choice(HANZI) for _ in range(rng.randint(1, 6)))
        out.append(rng.choice(CJK_STOPS) if rng.random() < 0.8 else "。")
    return "".join(out[:n])


def long_query_bench(n_chunks: int, query_chars: int, repeat: int) -> int:
    """p50/p95 of search for long Chinese queries against short ones, on the same index."""
    from inference.docs import Documents

    rng = random.Random(5)
    work = Path(tempfile.mkdtemp(prefix="cairn-bench-longq-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        per_file = 67  # 20 paragraphs of 850 characters make about 67 chunks (CJK weighs more)
        for i in range(max(1, round(n_chunks / per_file))):
            paragraphs = [chinese_text(rng, 850) for _ in range(20)]
            (corpus / f"doc{i:04d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
        store = Documents(work / "documents.sqlite3")
        t = time.perf_counter()
        report = store.add([corpus])
        assert not report.failed, report.failed[:3]
        chunks = store.counts()["chunks"]
        print(f"{chunks} Chinese chunks indexed in {time.perf_counter() - t:.1f} s")
        long_lat: list[float] = []
        short_lat: list[float] = []
        for _ in range(max(1, repeat)):
            query = chinese_text(rng, query_chars)
            t = time.perf_counter()
            store.search(query, k=5)
            long_lat.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            store.search(query[:100], k=5)
            short_lat.append((time.perf_counter() - t) * 1000)
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = pct(long_lat, 0.95) / max(pct(short_lat, 0.95), 1e-9)
    print(
        f"long-query search ({query_chars:,} characters) p50 {pct(long_lat, 0.5):.1f} ms, "
        f"p95 {pct(long_lat, 0.95):.1f} ms; baseline (its first 100 characters) "
        f"p95 {pct(short_lat, 0.95):.1f} ms; ratio {ratio:.2f} over {len(long_lat)} queries"
    )
    print(f"command: {Path(sys.executable).name} bench/docs.py " + " ".join(sys.argv[1:]))
    return 0


def dense_bench(db: Path, work: Path, facts, gguf: str, repeat: int) -> None:
    """Embed every chunk, then time fused search against BM25-only search (same store)."""
    from inference.checkpoint import inspect_embedding_model
    from inference.docs import Documents
    from inference.engines.embedding_llamacpp import LlamaCppEmbedder

    if gguf == "tiny":
        from tests.docs.tiny_embedding_gguf import FILE_NAME, write_embedding_gguf

        path = write_embedding_gguf(work / FILE_NAME)
    else:
        path = Path(gguf)
    embedder = LlamaCppEmbedder(inspect_embedding_model(path))
    store = Documents(db)
    t = time.perf_counter()
    embedder.load()
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    n = store.embed_missing(embedder, "default")
    embed_s = time.perf_counter() - t
    fused: list[float] = []
    lexical: list[float] = []
    top5 = base5 = 0
    for rep in range(repeat):
        for question, file, page in facts:
            t = time.perf_counter()
            hits = store.search(question, k=5, embedder=embedder)
            fused.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            base = store.search(question, k=5)
            lexical.append((time.perf_counter() - t) * 1000)
            if rep == 0:
                top5 += (file, page) in [(h.path.name, h.page) for h in hits]
                base5 += (file, page) in [(h.path.name, h.page) for h in base]
    store.close()
    embedder.close()
    print(
        f"\ndense ({path.name}, {embedder.dim} dims): load {load_s:.2f} s, {n} chunks embedded in "
        f"{embed_s:.1f} s ({n / embed_s:.0f} chunks/s)"
    )
    rows = [
        ("search p50 ms", pct(fused, 0.5), pct(lexical, 0.5)),
        ("search p95 ms", pct(fused, 0.95), pct(lexical, 0.95)),
    ]
    print(f"{'measure':<16}{'fused':>10}{'bm25 only':>12}{'ratio':>8}")
    for name, a, b in rows:
        print(f"{name:<16}{a:>10.2f}{b:>12.2f}{a / b:>8.2f}")
    print(f"{'right in top 5':<16}{top5 / len(facts):>10.1%}{base5 / len(facts):>12.1%}")


if __name__ == "__main__":
    sys.exit(main())
