"""The remote engine for `chat`, `summarize` and `docs ask` (--engine remote --endpoint URL), and
where its API key comes from: OPENAI_API_KEY, else the keychain entry for the endpoint (stored by
`cairn remote key URL`, cli/remote_cmd.py); never a command-line argument. A plain-http endpoint
that is not this machine gets a warning: the key and the messages cross the network unencrypted.

Apart from remote_cmd.py so that cli/streaming.py's load_engine can use it without a cycle.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..errors import CairnError, ErrorCode

if TYPE_CHECKING:
    from ..engine import Engine
    from ..models.secrets import TokenStore

KEY_ENV = "OPENAI_API_KEY"


def key_store(base_url: str) -> TokenStore:
    """The keychain entry of one endpoint (its normalised base URL)."""
    from ..models.secrets import endpoint_key_store

    return endpoint_key_store(base_url)


def find_key(base_url: str, environ: Mapping[str, str]) -> str | None:
    """OPENAI_API_KEY, else the keychain entry for the endpoint, else None (no key sent)."""
    return (environ.get(KEY_ENV) or "").strip() or key_store(base_url).get()


def open_remote_engine(args: argparse.Namespace, environ: Mapping[str, str]) -> Engine:
    """The remote engine for a command's --engine remote --endpoint URL [--model NAME]."""
    from ..engines.remote import open_remote, parse_endpoint

    url = getattr(args, "endpoint", None)
    if getattr(args, "engine", None) != "remote":
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--endpoint goes with --engine remote")
    if not url:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--engine remote needs --endpoint URL")
    endpoint = parse_endpoint(url)
    if endpoint.cleartext:
        print(
            f"warning: {endpoint.base} is plain http to another machine: the key and the "
            "messages cross the network unencrypted; use https",
            file=sys.stderr,
        )
    options: dict[str, float] = {}
    timeout = environ.get("CAIRN_REMOTE_TIMEOUT")  # seconds of silence before giving up
    if timeout:
        try:
            options["read_timeout"] = options["connect_timeout"] = float(timeout)
        except ValueError:
            raise CairnError(
                ErrorCode.INVALID_ARGUMENT, "CAIRN_REMOTE_TIMEOUT must be seconds"
            ) from None
    return open_remote(
        endpoint.base,
        getattr(args, "model", None),
        find_key(endpoint.base, environ),
        environ=environ,
        **options,
    )
