"""Indexing: list files, skip the unchanged ones, parse the rest in the sandbox, store the chunks.

Every file gets a row before any parsing starts (status "queued"), and each file's chunks are
written in one transaction together with its "ready" status. A run that is killed therefore
leaves done files ready and the rest queued (or "indexing" for the one in flight); the next run
(`add` again, or `Documents.resume`) picks those up and never re-parses a ready file whose
content hash is unchanged.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..cancel import Cancelled, CancelToken
from ..engines.embedding import Embedder
from ..errors import CairnError, ErrorCode
from ..records import Progress
from .chunking import chunk_blocks
from .dense import embed_missing
from .extract import is_supported
from .records import FileInfo, FileStatus, IngestFailure, IngestReport
from .sandbox import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, SandboxedParser
from .store import DocStore

ProgressFn = Callable[[Progress], None]
_CODES = {c.value for c in ErrorCode}
_RETRY = {ErrorCode.DOC_TIMEOUT.value, ErrorCode.DOC_NOT_FOUND.value}  # may pass another time


def discover(
    paths: Iterable[Path],
) -> tuple[list[Path], list[Path], list[Path], list[IngestFailure]]:
    """(files, folders, missing, refused): folders are walked recursively for supported, visible
    files. A named path that cannot be looked at (a symlink loop, no permission) is refused with
    its reason and the others go on."""
    files: dict[Path, None] = {}
    roots: list[Path] = []
    missing: list[Path] = []
    refused: list[IngestFailure] = []
    for p in paths:
        named = Path(p).expanduser()
        try:
            p = named.resolve()
            st = p.stat()
        except FileNotFoundError:
            missing.append(Path(os.path.abspath(named)))
            continue
        except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop (Python 3.11)
            refused.append(IngestFailure(named, CairnError(ErrorCode.DOC_NOT_FOUND, _why(named, e))))
            continue
        if stat.S_ISDIR(st.st_mode):
            roots.append(p)
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    f = Path(dirpath) / name
                    if not name.startswith(".") and is_supported(f) and _is_regular(f):
                        files[f] = None
        else:
            files[p] = None  # named explicitly: an unsupported or odd file fails with a reason
    return list(files), roots, missing, refused


def _why(path: Path, error: BaseException) -> str:
    """`path` and why it cannot be read, in one line."""
    if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
        return f"{path}: a loop of symbolic links"
    return f"{path}: {getattr(error, 'strerror', None) or error}"


def _is_regular(path: Path) -> bool:
    """Regular files only: a FIFO or device named .txt would block the hashing forever."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def add_paths(
    store: DocStore,
    paths: Iterable[Path],
    collection: str,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    on_file: Callable[[FileInfo], None] | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
    embedder: Embedder | None = None,
    retry_failed: bool = False,
) -> IngestReport:
    """Index `paths` into `collection` plus anything left pending there by an earlier run.

    Files that fail are marked failed with their code and the batch goes on. With `cancel` set
    the run stops between files (the file in flight goes back to queued) and the report says
    cancelled=True. `on_file` is called with each file's new state as soon as it is known.
    Unchanged files that failed before are reported again without re-parsing, unless
    `retry_failed` (e.g. after raising `memory_mb` or `timeout_s`); timeouts are always retried.
    """
    started = time.monotonic()
    cancel = cancel or CancelToken()
    report_progress = progress or (lambda p: None)
    files, roots, missing, refused = discover(paths)
    failed: list[IngestFailure] = list(refused)
    unchanged: list[Path] = []
    removed = _drop_vanished(store, collection, files, roots, missing, failed)

    # 1. plan: one row per file, "queued" unless its content is already indexed
    planned: dict[Path, tuple[str, int, int]] = {}
    rows = store.file_rows(collection)
    for i, f in enumerate(files):
        if cancel.cancelled:
            break
        report_progress(Progress("scan", i, len(files), str(f)))
        row = rows.get(str(f))
        try:
            st = f.stat()
            if not stat.S_ISREG(st.st_mode):
                error = CairnError(ErrorCode.DOC_UNSUPPORTED, f"{f}: not a regular file")
                failed.append(_fail(store, collection, f, error))
                continue
            same = row is not None and (row.size, row.mtime_ns) == (st.st_size, st.st_mtime_ns)
            if same and row is not None and row.status == "ready":
                unchanged.append(f)
                continue
            known = row is not None and row.error in _CODES and row.error not in _RETRY
            if same and row is not None and row.status == "failed" and known and not retry_failed:
                # the same bytes would fail the same way: report it again, do not re-parse
                code = ErrorCode(row.error)
                failed.append(IngestFailure(f, CairnError(code, row.error_detail)))
                continue
            sha = sha256_file(f)
        except OSError as e:
            error = CairnError(ErrorCode.DOC_NOT_FOUND, _why(f, e))
            failed.append(_fail(store, collection, f, error))
            continue
        if row is not None and row.status == "ready" and row.sha256 == sha:
            store.touch(collection, f, st.st_size, st.st_mtime_ns)  # touched, not changed
            unchanged.append(f)
            continue
        planned[f] = (sha, st.st_size, st.st_mtime_ns)
    store.queue(collection, planned)
    work = list(planned)
    work += [p for p in store.pending(collection) if p not in planned]

    # 2. parse and store, one file at a time, in the sandbox
    indexed: list[Path] = []
    pages = chunks = 0
    cancelled = cancel.cancelled
    with SandboxedParser(timeout_s=timeout_s, memory_mb=memory_mb) as parser:
        for n, f in enumerate(work):
            if cancel.cancelled:
                cancelled = True
                break
            elapsed = time.monotonic() - started
            rate = n / elapsed if n and elapsed > 0 else None
            eta = (len(work) - n) / rate if rate else None
            report_progress(Progress("index", n, len(work), str(f), rate=rate, eta_s=eta))
            store.set_status(collection, f, FileStatus.INDEXING)
            try:
                if not is_supported(f):
                    raise CairnError(ErrorCode.DOC_UNSUPPORTED, str(f))
                if f in planned:
                    sha, size, mtime_ns = planned[f]
                else:
                    st = f.stat()
                    sha, size, mtime_ns = sha256_file(f), st.st_size, st.st_mtime_ns
                parsed = parser.parse(f, cancel)
                pieces = chunk_blocks(parsed.blocks)
                store.store_chunks(collection, f, pieces, parsed.pages, sha, size, mtime_ns)
                if embedder is not None:
                    embed_missing(store, embedder, collection, cancel=cancel)
                indexed.append(f)
                pages += parsed.pages or 1
                chunks += len(pieces)
            except Cancelled:
                store.set_status(collection, f, FileStatus.QUEUED)
                cancelled = True
                break
            except CairnError as e:
                if e.code is ErrorCode.INTERNAL:  # the parser itself is broken: stop, keep queue
                    store.set_status(collection, f, FileStatus.QUEUED)
                    raise
                failed.append(_fail(store, collection, f, e))
            except OSError as e:
                error = CairnError(ErrorCode.DOC_NOT_FOUND, _why(f, e))
                failed.append(_fail(store, collection, f, error))
            if on_file is not None:
                info = store.file(f, collection)
                if info is not None:
                    on_file(info)
    work_set = set(work)
    processed = len(indexed) + sum(1 for x in failed if x.path in work_set)
    report_progress(Progress("done", processed, len(work)))
    return IngestReport(
        collection=collection,
        indexed=tuple(indexed),
        unchanged=tuple(unchanged),
        removed=tuple(removed),
        failed=tuple(failed),
        pages=pages,
        chunks=chunks,
        seconds=time.monotonic() - started,
        cancelled=cancelled,
    )


def _drop_vanished(
    store: DocStore,
    collection: str,
    files: list[Path],
    roots: list[Path],
    missing: list[Path],
    failed: list[IngestFailure],
) -> list[Path]:
    """Forget files that are gone: named but missing, or no longer under an added folder."""
    removed, unknown = store.drop_vanished(collection, missing, roots, {str(f) for f in files})
    failed.extend(IngestFailure(m, CairnError(ErrorCode.DOC_NOT_FOUND, str(m))) for m in unknown)
    return removed


def _fail(store: DocStore, collection: str, path: Path, error: CairnError) -> IngestFailure:
    """Mark `path` failed with its reason. Size and mtime are kept so that an unchanged file is
    not parsed again to fail again."""
    try:
        st = path.stat()
        size, mtime_ns = st.st_size, st.st_mtime_ns
    except OSError:
        size, mtime_ns = 0, 0
    store.mark_failed(collection, path, error, size, mtime_ns)
    return IngestFailure(path, error)
