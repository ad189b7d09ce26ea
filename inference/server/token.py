"""The server's bearer token: kept in the OS keychain, set by CAIRN_API_TOKEN for scripts.

Created on first use (secrets.token_urlsafe). With no usable keychain the token lives in this
process's memory only (a new one each start), never in a plain file: see models/secrets.py,
whose TokenStore does the keychain part. Compared in constant time (hmac.compare_digest).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from ..models.secrets import TokenStore

SERVICE = "cairn"
USERNAME = "api-server-token"
ENV_VAR = "CAIRN_API_TOKEN"


@dataclass(frozen=True)
class ApiToken:
    value: str
    source: str  # "environment", "keychain" or "memory"


def api_token(environ: Mapping[str, str], *, service: str = SERVICE) -> ApiToken:
    """The token clients must send as `Authorization: Bearer ...`."""
    from_env = (environ.get(ENV_VAR) or "").strip()
    if from_env:
        return ApiToken(from_env, "environment")
    store = TokenStore(service, USERNAME)
    existing = store.get()
    if existing:
        return ApiToken(existing, "keychain")
    token = secrets.token_urlsafe(32)
    kept = store.set(token)
    return ApiToken(token, "keychain" if kept else "memory")


def bearer_matches(header: str | None, token: str) -> bool:
    """True if an Authorization header carries exactly `token` (constant-time comparison)."""
    if not header or not token:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8"))
