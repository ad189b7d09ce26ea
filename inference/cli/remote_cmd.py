"""`cairn remote key URL [--clear]` and the remote engine for `chat`, `summarize`, `docs ask`.

The API key of a server comes from OPENAI_API_KEY, else from the keychain entry for that
endpoint (stored by `cairn remote key URL`, which reads the key from stdin so it never shows in
the shell history or the process list); never from a command-line argument. A plain-http
endpoint that is not this machine gets a warning: the key and the messages cross the network
unencrypted.
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
    from .streaming import CommandContext

KEY_ENV = "OPENAI_API_KEY"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remote", help="servers used with --engine remote")
    actions = p.add_subparsers(dest="remote_command", metavar="ACTION", required=True)
    key = actions.add_parser(
        "key", help="store the API key of a server in the keychain (read from stdin)"
    )
    key.add_argument("url", metavar="URL", help="the server's endpoint, e.g. https://host/v1")
    key.add_argument("--clear", action="store_true", help="forget the stored key")
    key.set_defaults(func=run_key)


def key_store(base_url: str) -> TokenStore:
    """The keychain entry of one endpoint (its normalised base URL)."""
    from ..models.secrets import endpoint_key_store

    return endpoint_key_store(base_url)


def find_key(base_url: str, environ: Mapping[str, str]) -> str | None:
    """OPENAI_API_KEY, else the keychain entry for the endpoint, else None (no key sent)."""
    return (environ.get(KEY_ENV) or "").strip() or key_store(base_url).get()


def run_key(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..engines.remote import parse_endpoint

    endpoint = parse_endpoint(args.url)
    store = key_store(endpoint.base)
    if args.clear:
        store.delete()
        print(f"forgot the key for {endpoint.base}")
        return 0
    if not store.persistent():
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT,
            f"no keychain on this system to keep the key in; set {KEY_ENV} instead",
        )
    if sys.stdin.isatty():
        import getpass

        key = getpass.getpass(f"API key for {endpoint.base}: ")
    else:
        key = sys.stdin.readline()
    key = key.strip()
    if not key:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "no key given on stdin")
    store.set(key)
    print(f"stored the key for {endpoint.base} in the keychain")
    return 0


def open_remote_engine(args: argparse.Namespace, ctx: CommandContext) -> Engine:
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
    timeout = ctx.environ.get("CAIRN_REMOTE_TIMEOUT")  # seconds of silence before giving up
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
        find_key(endpoint.base, ctx.environ),
        environ=ctx.environ,
        **options,
    )
