"""Talking to the Hub (or a mirror) through huggingface_hub: repository metadata and error codes.

The library does the metadata call (HfApi.model_info with files_metadata: the commit sha plus
every file's size, git id and LFS SHA-256 in one request), the URLs (hf_hub_url), the headers
(build_hf_headers) and the HTTP client (get_session: httpx with the environment's proxies, or
the proxy the caller passes: use_proxy); what its hf_hub_download lacks for us (resume across
restarts, cancel, hashing) is in transfer.py.
"""

from __future__ import annotations

import errno
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..cancel import Cancelled, CancelToken
from ..errors import CairnError, ErrorCode

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0, 8.0)  # seconds between attempts that made no progress


_proxy_lock = threading.Lock()
_proxy_in_use: str | None = None


def use_proxy(proxy: str | None) -> None:
    """Route huggingface_hub's shared HTTP client through `proxy` (None: the system's settings).

    huggingface_hub keeps one client per process, made by its client factory
    (set_client_factory, its documented hook for proxies); it is replaced only when the proxy
    changes. Cairn downloads one model at a time, so one proxy per process is enough."""
    global _proxy_in_use
    with _proxy_lock:
        if proxy == _proxy_in_use:
            return
        from huggingface_hub.utils import set_client_factory
        from huggingface_hub.utils._http import default_client_factory, hf_request_event_hook

        if proxy is None:
            set_client_factory(default_client_factory)
        else:
            import httpx2

            def factory() -> httpx2.Client:  # the library's default client, plus the proxy
                return httpx2.Client(
                    event_hooks={"request": [hf_request_event_hook]},
                    follow_redirects=True,
                    timeout=None,
                    proxy=proxy,
                )

            set_client_factory(factory)
        _proxy_in_use = proxy


@dataclass(frozen=True)
class RemoteFile:
    """A file in a repository at a fixed commit, as the Hub describes it."""

    path: str
    size: int
    sha256: str | None  # LFS files: the content's SHA-256
    git_oid: str | None  # non-LFS files: the git blob id (SHA-1 of 'blob <size>\0' + content)


@dataclass(frozen=True)
class RepoSnapshot:
    repo_id: str
    revision: str  # a commit sha: every file is fetched at this exact commit
    files: tuple[RemoteFile, ...]


def is_transient(e: BaseException) -> bool:
    """Worth another attempt: the connection failed or dropped, or the server is overloaded."""
    import httpx2
    from huggingface_hub.errors import HfHubHTTPError, OfflineModeIsEnabled

    if isinstance(e, OfflineModeIsEnabled):
        return False
    if isinstance(e, HfHubHTTPError):
        return e.response is not None and e.response.status_code in RETRY_STATUS
    if isinstance(e, httpx2.HTTPStatusError):
        return e.response.status_code in RETRY_STATUS
    return isinstance(e, httpx2.TransportError) and not isinstance(e, httpx2.UnsupportedProtocol)


def to_cairn_error(e: BaseException, what: str) -> CairnError:
    """Word a library or OS failure as one of Cairn's codes; `what` names the repo or file."""
    import httpx2
    from huggingface_hub.errors import GatedRepoError, HfHubHTTPError, OfflineModeIsEnabled

    if isinstance(e, CairnError):
        return e
    if isinstance(e, OfflineModeIsEnabled):
        return CairnError(ErrorCode.NO_NETWORK, f"{what}: offline mode is on (HF_HUB_OFFLINE)")
    if isinstance(e, GatedRepoError):
        return CairnError(ErrorCode.UNAUTHORIZED, f"{what}: gated model, accept its terms first")
    status = None
    if isinstance(e, HfHubHTTPError) and e.response is not None:
        status = e.response.status_code
    elif isinstance(e, httpx2.HTTPStatusError):
        status = e.response.status_code
    if status is not None:
        if status in (401, 403):
            return CairnError(ErrorCode.UNAUTHORIZED, f"{what} (HTTP {status})")
        if status == 404:
            return CairnError(ErrorCode.NOT_FOUND_ON_HUB, what)
        return CairnError(ErrorCode.DOWNLOAD_FAILED, f"{what}: HTTP {status}")
    if isinstance(e, httpx2.TransportError):
        return CairnError(ErrorCode.NO_NETWORK, f"{what}: {type(e).__name__}: {e}".rstrip(": "))
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return CairnError(ErrorCode.NO_SPACE, f"{what}: {e.strerror}")
    return CairnError(ErrorCode.DOWNLOAD_FAILED, f"{what}: {type(e).__name__}: {e}")


def with_retries(
    call: Callable[[], object],
    what: str,
    *,
    cancel: CancelToken | None = None,
    delays: tuple[float, ...] = RETRY_DELAYS,
):
    """Run `call`, retrying transient failures with growing pauses (cancel cuts a pause short)."""
    for attempt in range(len(delays) + 1):
        try:
            return call()
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001 - classified: transient ones retry, others raise
            if attempt >= len(delays) or not is_transient(e):
                raise to_cairn_error(e, what) from None
            log.info("%s: %s; retrying", what, e)
            if cancel is not None:
                if cancel.wait(delays[attempt]):
                    raise Cancelled() from None
            else:
                time.sleep(delays[attempt])
    raise AssertionError("unreachable")


def fetch_snapshot(
    repo_id: str,
    revision: str | None,
    *,
    endpoint: str | None,
    token: str | None,
    cancel: CancelToken | None = None,
    delays: tuple[float, ...] = RETRY_DELAYS,
) -> RepoSnapshot:
    """Every file of the repo at `revision` (None: the current commit, resolved once here)."""
    from huggingface_hub import HfApi

    api = HfApi(endpoint=endpoint, token=token or False)

    def call():
        return api.model_info(repo_id, revision=revision, files_metadata=True, timeout=30)

    info = with_retries(call, repo_id, cancel=cancel, delays=delays)
    sha = getattr(info, "sha", None)
    if not sha:
        raise CairnError(ErrorCode.DOWNLOAD_FAILED, f"{repo_id}: the server sent no commit id")
    files = []
    for s in info.siblings or ():
        lfs = s.lfs
        size = s.size if s.size is not None else (lfs.size if lfs else None)
        if size is None:
            continue  # without a size nothing can be checked; such a file is never fetched
        files.append(
            RemoteFile(
                path=s.rfilename,
                size=int(size),
                sha256=(lfs.sha256 if lfs else None),
                git_oid=(None if lfs else s.blob_id),
            )
        )
    return RepoSnapshot(repo_id=repo_id, revision=sha, files=tuple(files))


def file_url(repo_id: str, path: str, revision: str, endpoint: str | None) -> str:
    from huggingface_hub import hf_hub_url

    return hf_hub_url(repo_id, path, revision=revision, endpoint=endpoint)


def request_headers(token: str | None) -> dict[str, str]:
    from huggingface_hub.utils import build_hf_headers

    return dict(build_hf_headers(token=token or False, library_name="cairn"))


def plain_http_host(endpoint: str | None, token: str | None) -> str | None:
    """The host a token would be sent to unencrypted: a plain-http `endpoint` (a mirror) that is
    not this machine. None when there is no token, the endpoint is https, or it is loopback."""
    if not token or not endpoint:
        return None
    import ipaddress
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint.strip())
    if parts.scheme.lower() != "http":
        return None
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass  # a name: only "localhost" is known to be this machine
    return host or endpoint
