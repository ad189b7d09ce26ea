"""`cairn serve`: the loaded model as a local OpenAI-compatible API, safe by default.

Loads the model on a dedicated engine thread, binds 127.0.0.1 (another address only with --host,
with a warning), then prints one line: the URL, or with --json
`{"url": "http://127.0.0.1:PORT/v1", "token": "...", "model": "ID"}`. Runs until SIGINT or
SIGTERM, which stop it at once (generations in flight are cancelled). See docs/server.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CairnError, ErrorCode
from ..records import LOCAL_ENGINE_CHOICES
from .chat_cmd import add_model_options
from .streaming import go_offline

if TYPE_CHECKING:
    from ..engines.embedding import Embedder

log = logging.getLogger(__name__)

DEFAULT_PORT = 8080


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve a local model through an OpenAI-compatible API")
    add_model_options(p, LOCAL_ENGINE_CHOICES)  # a server's model is not served again
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1 only)"
    )
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (0: any free port)")
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="URL",
        help="allow browser pages from this origin (repeatable; default: none)",
    )
    p.add_argument(
        "--max-body-mb", type=float, default=32.0, metavar="MB", help="largest request body"
    )
    p.add_argument(
        "--queue", type=int, default=8, metavar="N", help="requests running or waiting before 429"
    )
    p.add_argument(
        "--max-tokens",
        type=int,
        default=1024,
        metavar="N",
        help="answer length when a request gives none",
    )
    p.add_argument(
        "--json", action="store_true", help="print the URL, token and model as one JSON line"
    )
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> None:
    if not 0 <= args.port <= 65535:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--port must be between 0 and 65535")
    if args.queue < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--queue must be at least 1")
    if args.max_body_mb <= 0:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--max-body-mb must be more than 0")
    if args.max_tokens < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "--max-tokens must be at least 1")
    for origin in args.cors_origin:
        if (
            not origin.startswith(("http://", "https://"))
            or origin.count("/") > 3
            or origin.endswith("*")
        ):
            raise CairnError(
                ErrorCode.INVALID_ARGUMENT,
                f"--cors-origin wants an origin like https://example.org, not {origin!r}",
            )


def run(args: argparse.Namespace, ctx) -> int:
    from ..server.app import ServedModel, ServerConfig, create_app
    from ..server.defences import Policy
    from ..server.jobs import EngineThread
    from ..server.run import bind, is_loopback, serve_blocking, url_for
    from ..server.token import api_token

    _check(args)
    go_offline(ctx.environ)
    from ..engines import open_engine
    from ..models import resolve_model
    from ..models.inuse import held_while_open

    local = resolve_model(args.model, ctx.dirs.models)  # fails fast, before the port and the load
    model_id = (
        args.model if args.model and not Path(args.model).expanduser().exists() else local.name
    )
    try:
        sock = bind(args.host, args.port)
    except OSError as e:
        raise CairnError(
            ErrorCode.INVALID_ARGUMENT,
            f"cannot listen on {args.host}:{args.port} ({e.strerror or e})",
        ) from None
    try:
        token = api_token(ctx.environ)
        # the model is marked in use while served: `cairn models remove` refuses it meanwhile
        worker = EngineThread(
            lambda: held_while_open(
                open_engine(local, engine=args.engine, device=args.device), local.path
            )
        )
        engine = worker.start()
        embedder = None
        try:
            embedder = find_embedder(ctx.dirs.models)
        except CairnError as e:  # /v1/embeddings then answers 404; chat is unaffected
            log.warning("no embedding model for /v1/embeddings: %s", e)
            embedder = None
        host = args.host.strip("[]")
        policy = Policy(
            token=token.value,
            extra_hosts=() if host in ("127.0.0.1", "::1", "localhost") else (host,),
            ip_literal_hosts=host in ("0.0.0.0", "::"),
            cors_origins=tuple(args.cors_origin),
            max_body_bytes=int(args.max_body_mb * 1024 * 1024),
        )
        caps = frozenset(getattr(engine, "capabilities", ()))
        config = ServerConfig(
            policy=policy,
            max_jobs=args.queue,
            default_max_tokens=args.max_tokens,
            embedder=embedder,
        )
        app = create_app(worker, ServedModel(lambda: (model_id, caps)), config)
        url = url_for(sock)
        if not is_loopback(host):
            print(
                f"warning: listening on {args.host}, reachable from other machines; the token still applies",
                file=sys.stderr,
            )
        if token.source == "memory":
            print(
                "note: no keychain here: this token lasts until the server stops", file=sys.stderr
            )
        if args.json:
            print(json.dumps({"url": url, "token": token.value, "model": model_id}), flush=True)
        else:
            print(f"Serving {model_id} at {url} (token: {token.value}); Ctrl-C stops.", flush=True)
        try:
            serve_blocking(app, sock, on_stop=app.state.gate.cancel_all)
        finally:
            app.state.gate.cancel_all()
            worker.stop()
            if embedder is not None:
                embedder.close()
    finally:
        sock.close()
    return 0


def find_embedder(models_dir: Path) -> Embedder | None:
    """An installed embedding model for /v1/embeddings, or None (found from headers; the
    engine loads it on first use)."""
    from ..engines.embedding import open_embedder
    from ..models.store import ModelStore

    model = ModelStore(models_dir).embedding_model()
    return None if model is None else open_embedder(model)
