"""The HTTP side of the remote engine: /v1/models and streamed /v1/chat/completions over httpx.

What it guarantees, because a key and private messages go through it:
- only the endpoint's origin is ever contacted: redirects are never followed (one to another
  host would carry the key there; one to the same origin is reported too, so the user fixes the
  URL instead of every request taking a detour), and no proxy from the environment is used;
- TLS is verified (the operating system's trust store through `truststore` when installed, else
  certifi's; SSL_CERT_FILE adds a private CA);
- every failure is a CairnError with a REMOTE_* code and a detail naming the cause: unreachable,
  key refused (401/403), unknown model (404), busy (429 / 5xx after `retries` attempts, honouring
  a short Retry-After), timeout, malformed answer;
- a set CancelToken shuts the connection down at once, even while the server is still reading
  the prompt (a watcher thread shuts the socket; the blocked read then ends).

Server-sent events are parsed here (data lines, [DONE]); the engine turns them into Chunks.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import ssl
import threading
from collections.abc import Iterator, Mapping
from typing import Any

from ...cancel import CancelToken
from ...errors import CairnError, ErrorCode
from .endpoint import Endpoint

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 300.0  # the longest silence between two pieces of an answer (a long prompt)
RETRIES = 3  # attempts for 429 and 5xx before giving up
BACKOFF_S = (0.5, 1.5, 3.0)
MAX_RETRY_AFTER_S = 10.0
USER_AGENT = "cairn"


class Cancelled(Exception):
    """The cancel token was set while a request was in flight (the connection is closed)."""


def _ssl_context(environ: Mapping[str, str]) -> ssl.SSLContext:
    try:
        import truststore

        ctx: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:
        import certifi

        ctx = ssl.create_default_context(cafile=certifi.where())
    extra = environ.get("SSL_CERT_FILE")
    if extra and os.path.isfile(extra):
        ctx.load_verify_locations(cafile=extra)
    return ctx


def _server_message(response: Any) -> str:
    """The error text a server put in its body (OpenAI's shape, FastAPI's, or plain text)."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        text = (response.text or "").strip()
        return text[:200]
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])[:200]
        if isinstance(err, str):
            return err[:200]
        if body.get("detail"):
            return str(body["detail"])[:200]
        if body.get("message"):
            return str(body["message"])[:200]
    return ""


class RemoteClient:
    """One server: its endpoint, its key (sent to that origin only) and one connection pool."""

    def __init__(
        self,
        endpoint: Endpoint,
        key: str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        read_timeout: float = READ_TIMEOUT_S,
        connect_timeout: float = CONNECT_TIMEOUT_S,
        retries: int = RETRIES,
        backoff: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        import httpx

        self.endpoint = endpoint
        self.retries = max(1, retries)
        self.backoff = backoff or (0.0,)
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self._has_key = bool(key)
        self._http = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            # a new connection per request: its socket is known from the start, so a cancel can
            # shut it even before the answer's first byte (a handshake is nothing next to an answer)
            limits=httpx.Limits(max_keepalive_connections=0),
            verify=_ssl_context(environ if environ is not None else os.environ),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: only the endpoint is contacted
        )

    def close(self) -> None:
        self._http.close()

    # -- requests ------------------------------------------------------------------------------

    def list_models(self, cancel: CancelToken | None = None) -> list[str]:
        """The ids /v1/models lists, in the server's order."""
        response = self._send("GET", "models", None, cancel or CancelToken(), stream=False)
        try:
            body = response.json()
            data = body["data"] if isinstance(body, dict) else body
            ids = [str(m["id"]) for m in data if isinstance(m, dict) and m.get("id")]
        except (ValueError, KeyError, TypeError):
            raise CairnError(
                ErrorCode.REMOTE_BAD_RESPONSE,
                f"{self.endpoint.url('models')} is not an OpenAI-compatible model list",
            ) from None
        return ids

    def stream_chat(self, payload: dict[str, Any], cancel: CancelToken) -> Iterator[dict[str, Any]]:
        """POST chat/completions with stream=true; yield each event's JSON object until [DONE].

        A server that answers with one JSON object instead of a stream yields that object once.
        Raises Cancelled when `cancel` is set (the connection is shut at once)."""
        import httpx

        sockets: list[Any] = []  # the connection's stream, once connected (see _trace)
        done = threading.Event()
        watcher = threading.Thread(
            target=_shut_on_cancel, args=(sockets, cancel, done), daemon=True, name="remote-cancel"
        )
        watcher.start()
        try:
            response = self._send(
                "POST", "chat/completions", payload, cancel, stream=True, sockets=sockets
            )
        except BaseException:
            done.set()
            raise
        try:
            kind = response.headers.get("content-type", "")
            if "text/event-stream" not in kind:
                response.read()
                yield self._whole(response)
                return
            for data in _sse_data(response.iter_lines()):
                if cancel.cancelled:
                    raise Cancelled()
                if data == "[DONE]":
                    return
                try:
                    event = json.loads(data)
                except ValueError:
                    raise CairnError(
                        ErrorCode.REMOTE_BAD_RESPONSE, f"not JSON in the stream: {data[:80]!r}"
                    ) from None
                if not isinstance(event, dict):
                    raise CairnError(
                        ErrorCode.REMOTE_BAD_RESPONSE, f"unexpected event {data[:80]!r}"
                    )
                if event.get("error"):
                    raise CairnError(
                        ErrorCode.REMOTE_BAD_RESPONSE,
                        f"the server stopped with an error: {_event_error(event['error'])}",
                    )
                yield event
        except httpx.TimeoutException:
            if cancel.cancelled:
                raise Cancelled() from None
            raise CairnError(
                ErrorCode.REMOTE_TIMEOUT, f"{self.endpoint.label} went silent mid-answer"
            ) from None
        except (httpx.TransportError, OSError):
            if cancel.cancelled:
                raise Cancelled() from None
            raise CairnError(
                ErrorCode.REMOTE_BAD_RESPONSE,
                f"the connection to {self.endpoint.label} broke mid-answer",
            ) from None
        finally:
            done.set()
            response.close()

    def _whole(self, response: Any) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("choices"), list):
            raise CairnError(
                ErrorCode.REMOTE_BAD_RESPONSE, "neither a stream nor a chat completion"
            )
        return body

    def _send(
        self,
        method: str,
        path: str,
        payload: dict[str, Any] | None,
        cancel: CancelToken,
        *,
        stream: bool,
        sockets: list[Any] | None = None,
    ) -> Any:
        """Send with bounded retries on 429 / 5xx; return a response with a 2xx status.
        `sockets` receives the network stream of each new connection (for cancel)."""
        import httpx

        url = self.endpoint.url(path)
        last = ""
        extensions = {"trace": _tracer(sockets)} if sockets is not None else None
        for attempt in range(self.retries):
            if cancel.cancelled:
                raise Cancelled()
            try:
                request = self._http.build_request(method, url, json=payload, extensions=extensions)
                response = self._http.send(request, stream=stream)
            except (httpx.TransportError, OSError) as e:
                if cancel.cancelled:  # the watcher shut the socket
                    raise Cancelled() from None
                raise self._transport_error(e) from None
            status = response.status_code
            if 200 <= status < 300:
                return response
            if stream:
                response.read()
            response.close()
            message = _server_message(response)
            if status == 429 or status >= 500:
                last = f"HTTP {status}" + (f": {message}" if message else "")
                if attempt + 1 < self.retries:
                    delay = self._delay(attempt, response.headers.get("retry-after"))
                    log.info("%s answered %s; retrying in %.1f s", url, status, delay)
                    if cancel.wait(delay):
                        raise Cancelled()
                continue
            raise self._refusal(status, message, response.headers.get("location"), path)
        raise CairnError(
            ErrorCode.REMOTE_BUSY, f"{self.endpoint.label} after {self.retries} attempts ({last})"
        )

    def _transport_error(self, e: Exception) -> CairnError:
        import httpx

        where = self.endpoint.label
        if isinstance(e, httpx.ConnectTimeout):
            return CairnError(
                ErrorCode.REMOTE_TIMEOUT, f"no connection to {where} within the time limit"
            )
        if isinstance(e, httpx.TimeoutException):
            return CairnError(ErrorCode.REMOTE_TIMEOUT, f"{where} did not answer in time")
        if isinstance(e, httpx.ConnectError):
            return CairnError(ErrorCode.REMOTE_UNREACHABLE, _connect_detail(self.endpoint, e))
        return CairnError(ErrorCode.REMOTE_UNREACHABLE, f"{where} ({type(e).__name__}: {e})")

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        base = self.backoff[min(attempt, len(self.backoff) - 1)]
        try:
            wanted = float(retry_after) if retry_after else 0.0
        except ValueError:
            wanted = 0.0
        return max(base, min(wanted, MAX_RETRY_AFTER_S))

    def _refusal(self, status: int, message: str, location: str | None, path: str) -> CairnError:
        where = self.endpoint.label
        said = f": {message}" if message else ""
        if status in (401, 403):
            how = "the key was refused" if self._has_key else "it wants a key and none was set"
            return CairnError(
                ErrorCode.REMOTE_KEY_REFUSED, f"{how} ({where} answered {status}{said})"
            )
        if 300 <= status < 400:
            return CairnError(
                ErrorCode.REMOTE_BAD_RESPONSE,
                f"{where} redirects to {location or '?'}; redirects are not followed (the key goes "
                "to the endpoint only): use the final address as the endpoint",
            )
        if status == 404 and path == "models":
            return CairnError(
                ErrorCode.REMOTE_BAD_RESPONSE,
                f"no OpenAI-compatible API at {self.endpoint.base} (404 on /models)",
            )
        if status == 404:
            return CairnError(ErrorCode.REMOTE_MODEL_UNKNOWN, f"{where} answered 404{said}")
        return CairnError(
            ErrorCode.INVALID_ARGUMENT, f"{where} refused the request ({status}){said}"
        )


def _connect_detail(endpoint: Endpoint, error: Exception) -> str:
    text = str(error)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
        return f"{endpoint.label}: its TLS certificate is not trusted ({text[:120]})"
    reason = text.split("]")[-1].strip() if text else type(error).__name__
    return f"{endpoint.base} ({reason or 'connection failed'})"


def _event_error(error: object) -> str:
    if isinstance(error, dict):
        return str(error.get("message") or error)[:200]
    return str(error)[:200]


def _sse_data(lines: Iterator[str]) -> Iterator[str]:
    """The data of each server-sent event (multi-line data joined by newlines)."""
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue  # a comment (keep-alive ping)
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
    if data:
        yield "\n".join(data)


def _tracer(sockets: list[Any]):
    """An httpcore trace hook that keeps the network stream of each new connection."""

    def trace(event: str, info: dict[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            sockets.append(info.get("return_value"))

    return trace


def _shut_on_cancel(sockets: list[Any], cancel: CancelToken, done: threading.Event) -> None:
    """Shut the connection's socket when `cancel` is set, waking a read blocked on the server
    (waiting for the first byte of the answer as much as between two pieces of it)."""
    while not done.is_set():
        if cancel.wait(0.1):
            break
    else:
        return
    for stream in sockets:
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                log.debug("socket already closed", exc_info=True)
