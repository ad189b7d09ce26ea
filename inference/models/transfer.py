"""Fetch one file over HTTP into a partial file that survives anything: kill, drop, Ctrl-C.

Why our own loop rather than hf_hub_download: in huggingface_hub 2.4 it downloads into a
process-unique temporary file that it deletes on any failure (so a killed or cancelled download
starts from zero next time), it has no cancel hook, and it checks sizes but no hashes. Its
http_get does retry with Range inside one call. Here the partial file has a fixed name and is
only ever appended to, so whatever reached the disk is a prefix of the file and the next attempt
(a retry in this process, or a new process after a kill) asks for the rest with HTTP Range.
The HTTP client is huggingface_hub's own session (httpx, honouring HTTP(S)_PROXY / NO_PROXY).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from ..cancel import Cancelled, CancelToken
from ..errors import CairnError, ErrorCode
from .hub import RETRY_DELAYS, is_transient, to_cairn_error

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 30.0


def fetch_to_partial(
    url: str,
    part: Path,
    *,
    size: int,
    headers: dict[str, str],
    on_bytes: Callable[[int], None] | None = None,
    cancel: CancelToken | None = None,
    delays: tuple[float, ...] = RETRY_DELAYS,
    what: str = "",
) -> None:
    """Make `part` hold the file's first `size` bytes, resuming from what it already holds.

    Attempts that receive bytes reset the retry budget; only attempts in a row that make no
    progress count against it. Raises CairnError (NO_NETWORK, UNAUTHORIZED, NOT_FOUND_ON_HUB,
    NO_SPACE, DOWNLOAD_FAILED) or Cancelled; the partial file is kept in every case.
    """
    what = what or part.name
    failures = 0
    last_error: BaseException | None = None
    while True:
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        have = _size_of(part)
        if have > size:  # not a prefix of this file (the repo changed?): start over
            part.unlink()
            have = 0
        if have == size:
            return
        try:
            _one_attempt(url, part, have, size, headers, on_bytes, cancel)
        except (Cancelled, CairnError):
            raise
        except Exception as e:  # noqa: BLE001 - classified: disk full ... is not transient
            if not is_transient(e):
                raise to_cairn_error(e, what) from None
            log.info("%s: %s; resuming", what, e)
            last_error = e
        now = _size_of(part)
        if now == size:
            return
        failures = 0 if now > have else failures + 1
        if failures > len(delays):
            if last_error is not None:
                raise to_cairn_error(last_error, what) from None
            raise CairnError(ErrorCode.DOWNLOAD_FAILED, f"{what}: the server keeps ending early")
        pause = delays[max(failures - 1, 0)]
        if cancel is not None:
            if cancel.wait(pause):
                raise Cancelled()
        else:
            time.sleep(pause)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _one_attempt(
    url: str,
    part: Path,
    have: int,
    size: int,
    headers: dict[str, str],
    on_bytes: Callable[[int], None] | None,
    cancel: CancelToken | None,
) -> int:
    """One GET from byte `have`; returns the number of bytes appended."""
    import httpx2
    from huggingface_hub.utils import get_session, hf_raise_for_status

    req_headers = dict(headers)
    # Identity encoding: byte offsets must be offsets in the file, not in a gzip stream.
    req_headers["Accept-Encoding"] = "identity"
    if have:
        req_headers["Range"] = f"bytes={have}-"
    timeout = httpx2.Timeout(READ_TIMEOUT_S, connect=15.0)
    got = 0
    with get_session().stream("GET", url, headers=req_headers, timeout=timeout) as r:
        if r.status_code == 416:  # the server's file is shorter than its metadata says
            part.unlink(missing_ok=True)
            raise CairnError(ErrorCode.DOWNLOAD_FAILED, f"{part.name}: shorter than announced")
        if r.status_code >= 400:
            r.read()
            hf_raise_for_status(r)
        if have and r.status_code == 200:
            if on_bytes is not None:
                on_bytes(-have)  # the server ignored Range: take the whole body from the start
            have = 0
            mode = "wb"
        elif have and r.status_code == 206:
            start = _content_range_start(r.headers.get("Content-Range"))
            if start != have:
                raise CairnError(
                    ErrorCode.DOWNLOAD_FAILED, f"{part.name}: server resumed at {start}, not {have}"
                )
            mode = "ab"
        else:
            mode = "wb"
        # Unbuffered: every chunk handed to the OS survives a kill of this process.
        with open(part, mode, buffering=0) as f:
            for chunk in r.iter_bytes():
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                if not chunk:
                    continue
                if have + got + len(chunk) > size:
                    chunk = chunk[: size - have - got]
                f.write(chunk)
                got += len(chunk)
                if on_bytes is not None:
                    on_bytes(len(chunk))
                if have + got >= size:
                    break
    return got


def _content_range_start(value: str | None) -> int | None:
    # "bytes 100-999/1000"
    if not value or not value.startswith("bytes "):
        return None
    try:
        return int(value[6:].split("-", 1)[0])
    except ValueError:
        return None


def fsync_file(path: Path) -> None:
    """Push a finished file to the disk before it is declared verified."""
    with open(path, "rb+") as f:
        os.fsync(f.fileno())
