"""`cairn remote key URL [--clear]`: a server's API key into the keychain, or out of it.

The key is read from stdin (a prompt without echo on a terminal), so it never shows in the shell
history or the process list; the remote engine finds it there (cli/remote_open.py) when
OPENAI_API_KEY is not set.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..errors import CairnError, ErrorCode
from .remote_open import KEY_ENV, key_store

if TYPE_CHECKING:
    from .streaming import CommandContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("remote", help="servers used with --engine remote")
    actions = p.add_subparsers(dest="remote_command", metavar="ACTION", required=True)
    key = actions.add_parser(
        "key", help="store the API key of a server in the keychain (read from stdin)"
    )
    key.add_argument("url", metavar="URL", help="the server's endpoint, e.g. https://host/v1")
    key.add_argument("--clear", action="store_true", help="forget the stored key")
    key.set_defaults(func=run_key)


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
