"""The server's defences, as one pure ASGI middleware in front of every route.

In order: the Host header must name this server by a loopback name (or the --host address) and
its port: a DNS-rebinding page (attacker.example resolving to 127.0.0.1) is refused, as Ollama's
CVE-2024-28224 was not. A browser's Origin must be this server's own or the one --cors-origin
names, and `Sec-Fetch-Site: cross-site` is refused; CORS headers are sent only for that named
origin (never "*", never credentials). Then the bearer token; then the body limit by
Content-Length (the app also counts the bytes it reads, for chunked bodies). Refusals are
OpenAI-shaped JSON errors.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from .responses import error_response
from .token import bearer_matches

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
OPEN_PATHS = ("/health",)  # answered without the token (no model data in it)
CORS_HEADERS = "authorization, content-type"


@dataclass(frozen=True)
class Policy:
    token: str
    extra_hosts: tuple[str, ...] = ()  # --host when it is not a loopback address
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 32 * 1024 * 1024
    # --host 0.0.0.0 / ::: any IP-literal Host is fine (rebinding needs a DNS name); names are not
    ip_literal_hosts: bool = False


def _split_host(value: str) -> tuple[str, int | None]:
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return value, None
        name, rest = value[: end + 1], value[end + 1 :]
    else:
        name, _, port_text = value.partition(":")
        rest = f":{port_text}" if port_text else ""
    if not rest:
        return name, None
    if not rest.startswith(":") or not rest[1:].isdigit():
        return name, -1
    return name, int(rest[1:])


def _ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def host_allowed(
    host: str | None, port: int, names: Sequence[str], *, ip_literals: bool = False
) -> bool:
    if not host:
        return False
    name, given = _split_host(host)
    if name not in names and not (ip_literals and _ip_literal(name)):
        return False
    return given == port or (given is None and port == 80)


def _origin_allowed(origin: str, port: int, names: Sequence[str], cors: Sequence[str]) -> bool:
    origin = origin.strip().lower().rstrip("/")
    if origin in (o.lower().rstrip("/") for o in cors):
        return True
    if not origin.startswith("http://"):
        return False
    return host_allowed(origin[len("http://") :], port, names)  # this server's own pages


class Defences:
    def __init__(self, app: ASGIApp, policy: Policy) -> None:
        self.app = app
        self.policy = policy
        hosts = [*LOOPBACK_NAMES]
        for h in policy.extra_hosts:
            h = h.lower()
            hosts.append(f"[{h}]" if ":" in h and not h.startswith("[") else h)
        self.names = tuple(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._check(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        origin = Headers(scope=scope).get("origin")
        if origin is None:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message) -> None:  # only for an origin --cors-origin named
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"access-control-allow-origin", origin.encode("latin-1")))
                headers.append((b"vary", b"Origin"))
                message = {**message, "headers": headers}
            await send(message)

        cors = self._cors_allowed(origin)
        await self.app(scope, receive, send_with_cors if cors else send)

    def _port(self, scope: Scope) -> int:
        server = scope.get("server") or ("", 80)
        return int(server[1] or 80)

    def _cors_allowed(self, origin: str) -> bool:
        o = origin.strip().lower().rstrip("/")
        return any(o == c.lower().rstrip("/") for c in self.policy.cors_origins)

    def _check(self, scope: Scope):
        headers = Headers(scope=scope)
        port = self._port(scope)
        if not host_allowed(
            headers.get("host"), port, self.names, ip_literals=self.policy.ip_literal_hosts
        ):
            return error_response(
                403, "this Host is not allowed (DNS rebinding protection)", code="host_not_allowed"
            )
        origin = headers.get("origin")
        if origin is not None and not _origin_allowed(
            origin, port, self.names, self.policy.cors_origins
        ):
            return error_response(
                403, "requests from this Origin are not allowed", code="origin_not_allowed"
            )
        if headers.get("sec-fetch-site", "").lower() == "cross-site" and not (
            origin is not None and self._cors_allowed(origin)
        ):
            return error_response(403, "cross-site requests are not allowed", code="cross_site")
        if scope["method"] == "OPTIONS":
            return self._preflight(origin)
        if scope["path"] not in OPEN_PATHS and not bearer_matches(
            headers.get("authorization"), self.policy.token
        ):
            return error_response(
                401,
                "missing or wrong API token (send Authorization: Bearer TOKEN)",
                code="invalid_api_key",
                headers={"WWW-Authenticate": "Bearer"},
            )
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return error_response(400, "bad Content-Length", code="bad_request")
            if int(length) > self.policy.max_body_bytes:
                return error_response(
                    413,
                    f"the body is over {self.policy.max_body_bytes} bytes",
                    code="body_too_large",
                )
        return None

    def _preflight(self, origin: str | None):
        from starlette.responses import Response

        if origin is None or not self._cors_allowed(origin):
            # a same-origin page never preflights; anything else gets no CORS grant
            return error_response(
                403, "CORS is not enabled for this Origin", code="origin_not_allowed"
            )
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": CORS_HEADERS,
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            },
        )
