"""Download one catalog model into models/.partial/<id>/, verify it, then move it into place.

Layout while downloading (kept across kills, cancels and dropped connections):
    models/.partial/<id>/.cairn-download.json   repo, the commit sha resolved at the first start,
                                                the SHA-256 of each file already verified
    models/.partial/<id>/<file>.part            a file being fetched (a prefix of it)
    models/.partial/<id>/<file>                 a file fetched and verified
When every file is verified the manifest is written and the folder is renamed to models/<id>/
in one os.replace, so models/<id>/ never holds a half model.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections import deque
from collections.abc import Callable
from pathlib import Path

from ..cancel import CancelToken
from ..errors import CairnError, ErrorCode
from ..records import ModelSpec, Progress
from .files import choose_files, describe
from .hub import (
    RETRY_DELAYS,
    RemoteFile,
    RepoSnapshot,
    fetch_snapshot,
    file_url,
    plain_http_host,
    request_headers,
    to_cairn_error,
    use_proxy,
)
from .manifest import (
    FileRecord,
    Manifest,
    check_ready,
    git_blob_sha1,
    read_manifest,
    sha256_file,
    valid_model_id,
    write_manifest,
)
from .transfer import fetch_to_partial, fsync_file

PARTIAL_DIR = ".partial"
PLAN_NAME = ".cairn-download.json"

ProgressFn = Callable[[Progress], None]
FreeSpaceFn = Callable[[Path], int]


def free_space(path: Path) -> int:
    """Free bytes on the disk holding `path` (or its nearest existing parent)."""
    p = Path(path)
    while not p.exists() and p.parent != p:
        p = p.parent
    return shutil.disk_usage(p).free


def partial_dir(models_dir: Path, model_id: str) -> Path:
    return models_dir / PARTIAL_DIR / model_id


class _Meter:
    """Bytes done, speed over the last few seconds, time left; at most ~10 reports a second."""

    WINDOW_S = 5.0

    def __init__(self, total: int, done: int, callback: ProgressFn | None) -> None:
        self.total, self.done, self.callback = total, done, callback
        self.detail = ""
        self._start = (time.monotonic(), done)
        self._samples: deque[tuple[float, int]] = deque([self._start])
        self._last_emit = 0.0

    def add(self, n: int) -> None:
        self.done += n
        self.emit()

    def emit(self, force: bool = False, stage: str = "download") -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and now - self._last_emit < 0.1:
            return
        self._last_emit = now
        self._samples.append((now, self.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.WINDOW_S:
            self._samples.popleft()
        t0, d0 = self._samples[0]
        if now - t0 <= 0.2:  # too short a window: the average since this session started
            t0, d0 = self._start
        rate = (self.done - d0) / (now - t0) if now - t0 > 0 and self.done > d0 else None
        eta = 0.0 if self.done >= self.total else (self.total - self.done) / rate if rate else None
        self.callback(Progress(stage, self.done, self.total, self.detail, rate, eta))


def _read_plan(work: Path) -> dict:
    try:
        plan = json.loads((work / PLAN_NAME).read_text(encoding="utf-8"))
        return plan if isinstance(plan, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_plan(work: Path, plan: dict) -> None:
    tmp = work / (PLAN_NAME + ".tmp")
    tmp.write_text(json.dumps(plan, indent=1), encoding="utf-8")
    os.replace(tmp, work / PLAN_NAME)


def _verify(path: Path, remote: RemoteFile, pinned: str | None = None) -> str:
    """The file's SHA-256, after checking it against the Hub's LFS sha256 or git blob id, and
    against the SHA-256 the catalog pins for it (when it pins one)."""
    digest = sha256_file(path)
    if remote.sha256 is not None:
        ok = digest == remote.sha256.lower()
    else:
        ok = git_blob_sha1(path) == (remote.git_oid or "").lower()
    if pinned is not None and digest != pinned.lower():
        ok = False
    if not ok:
        raise CairnError(ErrorCode.CHECKSUM_MISMATCH, remote.path)
    return digest


def download_model(
    spec: ModelSpec,
    models_dir: Path,
    *,
    endpoint: str | None = None,
    token: str | None = None,
    proxy: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    free_space_fn: FreeSpaceFn = free_space,
    delays: tuple[float, ...] = RETRY_DELAYS,
) -> Path:
    """Fetch, verify and install `spec`; returns models/<id>/. Resumes a previous attempt.

    `endpoint` is a Hub mirror (HF_ENDPOINT's role), `proxy` an http(s) proxy URL; None for
    either: the Hugging Face Hub, the system's proxy settings."""
    if not valid_model_id(spec.id):
        raise CairnError(ErrorCode.INVALID_ARGUMENT, f"bad model id {spec.id!r}")
    final = models_dir / spec.id
    if final.is_dir() and check_ready(final)[0]:
        return final
    work = partial_dir(models_dir, spec.id)
    work.parent.mkdir(parents=True, exist_ok=True)
    from filelock import FileLock, Timeout

    lock = FileLock(str(work.parent / f"{spec.id}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise CairnError(
            ErrorCode.DOWNLOAD_FAILED, f"{spec.id} is being downloaded by another Cairn process"
        ) from None
    try:
        use_proxy(proxy)
        return _download_locked(
            spec, final, work, endpoint, token, progress, cancel, free_space_fn, delays
        )
    except OSError as e:  # a local write failed: disk full, read-only, permissions
        _drop_if_empty(work)
        raise to_cairn_error(e, spec.id) from None
    except BaseException:
        _drop_if_empty(work)  # a failure before any byte arrived leaves no "downloading" trace
        raise
    finally:
        lock.release()


def _drop_if_empty(work: Path) -> None:
    if not work.is_dir():
        return
    for p in work.rglob("*"):
        if p.is_file() and not p.name.startswith(PLAN_NAME) and p.stat().st_size > 0:
            return  # bytes worth keeping for a resume
    shutil.rmtree(work, ignore_errors=True)


def _download_locked(spec, final, work, endpoint, token, progress, cancel, free_space_fn, delays):
    plan = _read_plan(work)
    pinned = spec.revision
    if plan.get("repo_id") == spec.repo_id and (pinned is None or plan.get("requested") == pinned):
        revision = plan.get("revision") or pinned  # resume at the commit chosen the first time
    else:
        _clear_folder(work)
        plan, revision = {}, pinned
    revision = revision or _earlier_revision(spec, final)
    work.mkdir(exist_ok=True)
    insecure = plain_http_host(endpoint, token)
    if insecure is not None and progress is not None:  # said before the first request
        progress(Progress("insecure_token", 0, None, insecure))
    if progress is not None:
        progress(Progress("metadata", 0, None, spec.repo_id))

    def snapshot_at(rev: str | None) -> RepoSnapshot:  # the first request retries less: with no network, say so quickly
        return fetch_snapshot(
            spec.repo_id, rev, endpoint=endpoint, token=token, cancel=cancel, delays=delays[:3]
        )

    try:
        snapshot = snapshot_at(revision)
    except CairnError as e:
        if e.code is not ErrorCode.NOT_FOUND_ON_HUB or pinned is not None or revision is None:
            raise
        _clear_folder(work)  # the commit a paused download started from is gone: start over
        plan, revision = {}, None
        snapshot = snapshot_at(None)
    chosen = choose_files(spec, snapshot.files)
    if progress is not None:  # which files were taken from the listing, and at which commit
        progress(Progress("files", 0, None, f"{describe(chosen)} @ {snapshot.revision[:12]}"))
    files = [c.remote for c in chosen]
    expected = {c.remote.path: spec.sha256.get(c.expected or c.remote.path) for c in chosen}
    for f in files:
        if f.sha256 is None and f.git_oid is None:
            raise CairnError(ErrorCode.DOWNLOAD_FAILED, f"{spec.repo_id}: no checksum for {f.path}")
    verified: dict[str, str] = plan.get("verified", {}) if plan.get("revision") else {}
    plan = {
        "repo_id": spec.repo_id,
        "requested": pinned,
        "revision": snapshot.revision,
        "verified": verified,
    }
    _write_plan(work, plan)

    def present(f: RemoteFile) -> int:
        done = work / f.path
        if f.path in verified and done.is_file() and done.stat().st_size == f.size:
            return f.size
        part = done.with_name(done.name + ".part")
        return min(part.stat().st_size, f.size) if part.is_file() else 0

    total = sum(f.size for f in files)
    have = sum(present(f) for f in files)
    need, free = total - have, free_space_fn(work)
    if need > free:
        raise CairnError(
            ErrorCode.NO_SPACE,
            f"{_mb(need)} MB needed, {_mb(free)} MB free in {work.parent.parent}",
        )
    meter = _Meter(total, have, progress)
    headers = request_headers(token)
    records = []
    for f in files:
        dest = work / f.path
        meter.detail = f.path
        if present(f) == f.size and f.path in verified:
            records.append(FileRecord(f.path, f.size, verified[f.path]))
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        url = file_url(spec.repo_id, f.path, snapshot.revision, endpoint)
        fetch_to_partial(
            url, part, size=f.size, headers=headers, on_bytes=meter.add, cancel=cancel,
            delays=delays, what=f"{spec.repo_id}/{f.path}",
        )  # fmt: skip
        meter.emit(force=True, stage="verify")
        fsync_file(part)
        try:
            digest = _verify(part, f, expected.get(f.path))
        except CairnError:
            part.unlink(missing_ok=True)  # never keep bytes that failed their checksum
            raise CairnError(ErrorCode.CHECKSUM_MISMATCH, f"{spec.repo_id}/{f.path}") from None
        os.replace(part, dest)
        verified[f.path] = digest
        _write_plan(work, plan)
        records.append(FileRecord(f.path, f.size, digest))
    meter.emit(force=True)
    manifest = Manifest(spec.id, "hub", spec.repo_id, snapshot.revision, tuple(records))
    return install(work, final, manifest)


def _earlier_revision(spec: ModelSpec, final: Path) -> str | None:
    """The commit an earlier download of this model was fetched at (a damaged copy being
    replaced): every later file comes from that same commit, never a newer one."""
    manifest = read_manifest(final) if final.is_dir() else None
    if manifest is None or manifest.source != "hub" or manifest.repo_id != spec.repo_id:
        return None
    return manifest.revision


def install(work: Path, final: Path, manifest: Manifest) -> Path:
    """Write the manifest into `work` and move it to `final` atomically (replacing a damaged one)."""
    for stray in work.rglob("*.part"):
        stray.unlink()
    (work / PLAN_NAME).unlink(missing_ok=True)
    write_manifest(work, manifest)
    if final.exists():  # a damaged copy: set it aside, then swap, then delete it
        old = work.parent / f".old-{final.name}-{uuid.uuid4().hex[:8]}"
        os.replace(final, old)
        os.replace(work, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(work, final)
    return final


def _clear_folder(folder: Path) -> None:
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f}"
