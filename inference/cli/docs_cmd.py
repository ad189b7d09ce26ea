"""`cairn docs add | list | remove | search | ask`: document Q&A from the command line.

Progress and per-file results go to stderr, results to stdout; --json prints one JSON object
(for `ask`, on the last line). A batch that ran exits 0 even when some files failed; the
failures are listed one per line.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CairnError, ErrorCode
from ..records import ENGINE_CHOICES
from .chat_cmd import add_endpoint_option
from .messages import describe
from .streaming import CommandContext, end_text, load_engine, stream
from .terminal import shown, undecodable_replaced

if TYPE_CHECKING:
    from ..docs.library import Documents
    from ..docs.records import FileInfo
    from ..engines.embedding import Embedder
    from ..records import Progress

DEFAULT_COLLECTION = "default"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    docs = subparsers.add_parser("docs", help="index documents and ask questions about them")
    sub = docs.add_subparsers(dest="docs_command", metavar="ACTION", required=True)

    def with_collection(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--collection", "-c", default=DEFAULT_COLLECTION, help="collection name")
        return p

    add = with_collection(sub.add_parser("add", help="index files and folders (recursive)"))
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--timeout", type=float, default=120.0, help="seconds per file (default 120)")
    add.add_argument(
        "--retry-failed", action="store_true", help="parse again files that failed before"
    )
    with_dense(add)
    add.set_defaults(func=cmd_add)

    ls = with_collection(sub.add_parser("list", help="indexed files with their status"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    rm = with_collection(sub.add_parser("remove", help="forget files or folders"))
    rm.add_argument("paths", nargs="+", metavar="PATH")
    rm.set_defaults(func=cmd_remove)

    se = with_collection(sub.add_parser("search", help="search the indexed documents"))
    se.add_argument("-k", type=int, default=5, help="number of hits (default 5)")
    se.add_argument("--json", action="store_true")
    with_dense(se)
    se.add_argument("query", nargs="+", metavar="QUERY")
    se.set_defaults(func=cmd_search)

    ask = with_collection(sub.add_parser("ask", help="answer a question from the documents"))
    ask.add_argument("--model", default=None, metavar="ID|DIR")
    ask.add_argument("--engine", default="auto", choices=ENGINE_CHOICES)
    add_endpoint_option(ask)
    ask.add_argument("--max-tokens", type=int, default=1024)
    ask.add_argument("--json", action="store_true")
    with_dense(ask)
    ask.add_argument("question", nargs="+", metavar="QUESTION")
    ask.set_defaults(func=cmd_ask)


def with_dense(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-dense",
        action="store_true",
        help="keyword search only, even with an embedding model installed",
    )


def _embedder(
    args: argparse.Namespace, docs: Documents, *, searching: bool = False
) -> Embedder | None:
    """The installed embedding model, loaded, or None (none installed, --no-dense, or it
    failed to load: then a warning and keyword search only). When `searching`, also None while
    no chunk has a vector from that model, so the model is not loaded for nothing."""
    if getattr(args, "no_dense", False):
        return None
    embedder = docs.embedder()
    if embedder is None:
        return None
    if searching and not docs.has_vectors(embedder):
        return None
    load = getattr(embedder, "load", None)  # the llama.cpp engine loads lazily: fail here, once
    if load is not None:
        try:
            load()
        except CairnError as e:
            print(f"warning: keyword search only: {describe(e)}", file=sys.stderr)
            return None
    return embedder


def _documents(ctx: CommandContext) -> Documents:
    from ..docs.library import Documents

    ctx.dirs.root.mkdir(parents=True, exist_ok=True)
    return Documents(ctx.dirs.docs_db, models_dir=ctx.dirs.models)


def _reason(code: ErrorCode | None, detail: str, path: Path | None = None) -> str:
    """The worded reason; with `path`, the path is not repeated in it."""
    if not code:
        return ""
    if path is not None:
        if detail.startswith(str(path)):
            detail = detail[len(str(path)) :].lstrip(": ")
        detail = detail or path.name
    return describe(CairnError(code, detail))


def cmd_add(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.timeout <= 0:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--timeout must be positive")
    docs = _documents(ctx)
    embedder = _embedder(args, docs)
    state = {"total": 0}

    def progress(p: Progress) -> None:
        if p.stage == "index":
            state["total"] = int(p.total or 0)
            state["n"] = int(p.done) + 1

    def on_file(info: FileInfo) -> None:
        n, total = state.get("n", 0), state["total"]
        if info.status.value == "ready":
            pages = f"{info.pages} pages, " if info.pages else ""
            print(
                f"[{n}/{total}] ok  {shown(info.path)} ({pages}{info.chunks} chunks)",
                file=sys.stderr,
            )
        else:
            reason = _reason(info.error, info.error_detail, info.path)
            print(f"[{n}/{total}] failed  {shown(info.path)}: {shown(reason)}", file=sys.stderr)

    try:
        report = docs.add(
            [Path(p) for p in args.paths],
            args.collection,
            progress=progress,
            on_file=on_file,
            timeout_s=args.timeout,
            retry_failed=args.retry_failed,
            embedder=embedder,
        )
        if embedder is not None:  # chunks indexed before the embedding model was installed
            docs.embed_missing(embedder, args.collection)
    finally:
        docs.close()
    print(
        f"collection {args.collection}: {len(report.indexed)} indexed, "
        f"{len(report.unchanged)} unchanged, {len(report.removed)} removed, "
        f"{len(report.failed)} failed ({report.pages} pages, {report.chunks} chunks, "
        f"{report.seconds:.1f} s)",
        file=sys.stderr,
    )
    for failure in report.failed:
        reason = _reason(failure.error.code, failure.error.detail, failure.path)
        print(f"failed: {shown(failure.path)}: {shown(reason)}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace, ctx: CommandContext) -> int:
    docs = _documents(ctx)
    try:
        files = docs.files(args.collection)
    finally:
        docs.close()
    if args.json:
        rows = [
            {
                "path": undecodable_replaced(str(f.path)),
                "collection": f.collection,
                "status": f.status.value,
                "reason": f.error.value if f.error else None,
                "message": undecodable_replaced(_reason(f.error, f.error_detail)) or None,
                "pages": f.pages,
                "chunks": f.chunks,
            }
            for f in files
        ]
        print(json.dumps({"files": rows}, ensure_ascii=False))
        return 0
    if not files:
        print(f"no documents in collection {args.collection}", file=sys.stderr)
        return 0
    for f in files:
        pages = "-" if f.pages is None else str(f.pages)
        line = f"{f.status.value:<9} {pages:>5} p {f.chunks:>6} ch  {shown(f.path)}"
        if f.error:
            line += f"  ({shown(_reason(f.error, f.error_detail, f.path))})"
        print(line)
    return 0


def cmd_remove(args: argparse.Namespace, ctx: CommandContext) -> int:
    docs = _documents(ctx)
    try:
        removed = docs.remove([Path(p) for p in args.paths], args.collection)
    finally:
        docs.close()
    for p in removed:
        print(f"removed {shown(p)}", file=sys.stderr)
    for named in args.paths:
        reason = _not_removed(Path(named), removed)
        if reason:
            print(f"not removed: {shown(named)}: {shown(reason)}", file=sys.stderr)
    print(f"{len(removed)} removed from collection {args.collection}", file=sys.stderr)
    return 0


def _note_long_query(query: str) -> None:
    """Search reads only the start of a very long query (its cost is bounded): say so."""
    from ..docs.search import MAX_QUERY_CHARS, truncated_query

    if truncated_query(query)[1]:
        print(
            f"note: the query is {len(query):,} characters long; only the first "
            f"{MAX_QUERY_CHARS:,} are searched",
            file=sys.stderr,
        )


def _not_removed(named: Path, removed: list[Path]) -> str | None:
    """Why a path named to `remove` dropped nothing (None when it dropped something)."""
    from ..docs.pathtext import resolved

    target = resolved(named)
    if any(p == target or target in p.parents for p in removed):
        return None
    try:
        named.expanduser().stat()
    except RuntimeError:
        return "a loop of symbolic links"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "a loop of symbolic links"
        if not isinstance(e, FileNotFoundError):
            return f"{e.strerror or e}"
    return "not in the collection"


def cmd_search(args: argparse.Namespace, ctx: CommandContext) -> int:
    if args.k < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "-k must be at least 1")
    docs = _documents(ctx)
    try:
        embedder = _embedder(args, docs, searching=True)
        query = " ".join(args.query)
        _note_long_query(query)
        hits = docs.search(query, args.collection, k=args.k, embedder=embedder)
    finally:
        docs.close()
    if args.json:
        out = [
            {
                "path": undecodable_replaced(str(h.path)),
                "page": h.page,
                "text": h.text,
                "score": round(h.score, 6),
            }
            for h in hits
        ]
        print(json.dumps({"hits": out}, ensure_ascii=False))
        return 0
    if not hits:
        print("no matches", file=sys.stderr)
    for i, h in enumerate(hits, 1):
        where = shown(h.path) + (f", page {h.page}" if h.page is not None else "")
        print(f"{i}. {where}  (score {h.score:.3f})")
        print(f"   {shown(_short(h.text))}")
    return 0


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(path: Path, page: int | None) -> str:
    return f"{shown(path)}, page {page}" if page is not None else shown(path)


def cmd_ask(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..cancel import CancelToken
    from ..docs.answer import QAOptions
    from ..records import GenParams

    if args.max_tokens < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--max-tokens must be at least 1")
    question = " ".join(args.question)
    _note_long_query(question)
    docs = _documents(ctx)
    try:
        options = QAOptions(embedder=_embedder(args, docs, searching=True))
        plan = docs.plan(question, args.collection, options)
        if plan.reply is not None:
            text = _reason(plan.reply, plan.reply_detail)
            if args.json:
                print(json.dumps(_ask_json(text, [], "stop", None, None, plan.reply.value)))
            else:
                print(text)
            return 0
        if plan.loose and not args.json:
            print(
                "note: the question is in another language than the documents; "
                "these sources may not match it",
                file=sys.stderr,
            )
        engine = load_engine(args, ctx)  # offline first, then resolve --model and load it
        try:
            cancel = CancelToken()
            result = docs.ask(
                engine,
                question,
                args.collection,
                GenParams(max_tokens=args.max_tokens),
                cancel,
                options=options,
                plan=plan,
                progress=None if args.json else _summary_progress,
            )
            stream(result, cancel, echo=not args.json, dim_thinking=False)
            final = result.final
            reason = final.finish_reason.value if final and final.finish_reason else "stop"
            citations = result.citations
            if args.json:
                cites = [
                    {
                        "n": n,
                        "path": undecodable_replaced(str(c.path)),
                        "page": c.page,
                        "snippet": c.snippet,
                    }
                    for n, c in citations
                ]
                print(
                    json.dumps(
                        _ask_json(result.text, cites, reason, engine.name, engine.model_name, None),
                        ensure_ascii=False,
                    )
                )
                return 0
            end_text(final)
            if citations:
                print("\nSources:")
                for n, c in citations:
                    print(f"[{n}] {_where(c.path, c.page)}")
            else:
                print("\nSources consulted (none cited):")
                for s in result.sources:
                    print(f"[{s.n}] {_where(s.path, s.page)}")
            return 0
        finally:
            engine.close()
    finally:
        docs.close()


def _summary_progress(p: Progress) -> None:
    """Map-reduce summaries of long documents take several model calls: say where we are."""
    print(f"summarizing part {int(p.done) + 1} of {p.total} ({shown(p.detail)})", file=sys.stderr)


def _ask_json(
    text: str,
    citations: list[dict[str, Any]],
    finish_reason: str,
    engine: str | None,
    model: str | None,
    reply: str | None,
) -> dict[str, Any]:
    return {
        "text": text,
        "citations": citations,
        "finish_reason": finish_reason,
        "engine": engine,
        "model": model,
        "reply": reply,
    }
