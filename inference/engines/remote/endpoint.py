"""A server's address as the user gives it, checked and normalised once.

`http://gpu-box:8000`, `http://gpu-box:8000/v1` and `http://gpu-box:8000/v1/` all name the same
OpenAI-compatible API; the base URL kept here always ends in the API's root (`/v1` unless the
user gave another path, as a gateway like `https://gw.example/openai/v1` needs). Credentials in
the URL, queries and fragments are refused: the key travels in a header, never in an address.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from ...errors import CairnError, ErrorCode


@dataclass(frozen=True)
class Endpoint:
    """An OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1."""

    base: str  # scheme://host[:port]/path, no trailing slash
    scheme: str  # "http" or "https"
    host: str  # the host name or address, without port or brackets
    port: int | None

    @property
    def origin(self) -> tuple[str, str, int]:
        """(scheme, host, port) with the default port filled in: what a redirect is compared to."""
        return (self.scheme, self.host, self.port or (443 if self.scheme == "https" else 80))

    @property
    def label(self) -> str:
        """host, or host:port when the port was given (what the model picker shows)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}" if self.port else host

    @property
    def is_loopback(self) -> bool:
        return is_loopback_host(self.host)

    @property
    def cleartext(self) -> bool:
        """True for plain http to another machine: key and messages cross the network unencrypted."""
        return self.scheme == "http" and not self.is_loopback

    def url(self, path: str) -> str:
        return self.base + "/" + path.lstrip("/")


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_endpoint(url: str) -> Endpoint:
    """Check and normalise `url`; CairnError(INVALID_ARGUMENT) says what is wrong with it."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT, f"not a valid endpoint URL: {text!r}"
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT,
            f"the endpoint must be an http:// or https:// URL with a host, not {text!r}",
        )
    if parts.username is not None or parts.password is not None:
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT,
            "the endpoint URL must not carry a user name or password; the key is kept apart",
        )
    if parts.query or parts.fragment:
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT, f"the endpoint URL has a query or fragment: {text!r}"
        )
    path = parts.path.rstrip("/") or "/v1"
    host = parts.hostname
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return Endpoint(
        base=f"{parts.scheme}://{netloc}{path}", scheme=parts.scheme, host=host, port=port
    )
