"""The `remote` engine: Cairn's chat, video and document features answered by an
OpenAI-compatible server (vLLM, llama.cpp's server, Ollama, another `cairn serve`).

    engine = open_remote("http://gpu-box:8000/v1", model=None, key=key)   # lists /v1/models
    for chunk in engine.generate(request, cancel=token): ...

endpoint.py checks the address, client.py speaks HTTP (only to that origin, TLS verified,
redirects never followed, bounded retries, cancel closes the connection), payload.py builds the
request body (images and video frames as data URLs) and engine.py turns the stream into Chunks.
The key is a parameter: the command line and the app look it up (environment, keychain).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...cancel import CancelToken
from ...errors import CairnError, ErrorCode
from .client import RemoteClient
from .endpoint import Endpoint, is_loopback_host, parse_endpoint
from .engine import RemoteEngine

__all__ = [
    "Endpoint",
    "RemoteClient",
    "RemoteEngine",
    "is_loopback_host",
    "list_models",
    "open_remote",
    "parse_endpoint",
]


def list_models(
    url: str,
    key: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cancel: CancelToken | None = None,
    **client_options: float,
) -> list[str]:
    """The model ids the server at `url` offers (a connection test for the settings)."""
    client = RemoteClient(parse_endpoint(url), key, environ=environ, **client_options)  # type: ignore[arg-type]
    try:
        return client.list_models(cancel)
    finally:
        client.close()


def open_remote(
    url: str,
    model: str | None = None,
    key: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    **client_options: float,
) -> RemoteEngine:
    """Connect to the server at `url` and pick `model` (a server id; None: the first it lists).

    Contacts the server once (/v1/models), so a dead endpoint, a refused key or an unknown model
    fail here with one CairnError, before any question is asked."""
    client = RemoteClient(parse_endpoint(url), key, environ=environ, **client_options)  # type: ignore[arg-type]
    try:
        offered = client.list_models()
        if not offered:
            raise CairnError(
                ErrorCode.REMOTE_MODEL_UNKNOWN, f"{client.endpoint.label} lists no models"
            )
        if model is None:
            model = offered[0]
        elif model not in offered:
            shown = ", ".join(offered[:8]) + (", ..." if len(offered) > 8 else "")
            raise CairnError(
                ErrorCode.REMOTE_MODEL_UNKNOWN,
                f"{model!r} is not among the models of {client.endpoint.label} ({shown})",
            )
    except BaseException:
        client.close()
        raise
    return RemoteEngine(client, model)
