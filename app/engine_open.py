"""The real opener: the one module of app/ that imports the engines (inference.engines).

app/main.py hands it to the window, which only ever calls it through the engine thread; the
widgets and controllers see an `Opener` (app/model_controller.py), so none of them reaches an
engine, mlx or llama_cpp even indirectly (the import contract in pyproject.toml checks it).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inference.cancel import CancelToken
from inference.engine import Engine
from inference.errors import CairnError, ErrorCode

from .seams import Opener
from .servers_settings import host_label, parse_remote_ref


@dataclass(frozen=True)
class StateOptions:
    """The settings for model-state checkpoints: memory (None: the engines' default from the
    RAM; 0: no reuse), and a folder with its budget for conversations' last checkpoints."""

    memory: int | None = None
    folder: Path | None = None
    disk: int = 0


def open_model(
    ref: str | None,
    engine: str,
    models_dir: Path,
    state: StateOptions = StateOptions(),
    offline_only: Callable[[], bool] | None = None,
) -> Engine:
    """Resolve `ref` in the models folder and load it (heavy imports here, on the engine thread).
    A server's model ("remote:URL MODEL", app/servers_settings.py) is refused while
    `offline_only()` is true."""
    remote = parse_remote_ref(ref)
    if remote is not None:
        if offline_only is not None and offline_only():
            raise CairnError(ErrorCode.OFFLINE_ONLY, host_label(remote[0]))
        return open_server_model(*remote)
    from inference.engines import open_engine
    from inference.models import resolve_model
    from inference.models.inuse import held_while_open
    from inference.models.speed import probe_at_first_load

    local = resolve_model(ref, models_dir)
    opened = open_engine(
        local,
        engine=engine,
        state_budget=state.memory,
        state_dir=state.folder if state.disk > 0 else None,
        state_disk_budget=state.disk,
    )
    # marked loaded until the engine closes: removing it meanwhile is refused (models/inuse.py)
    loaded = held_while_open(opened, local.path)
    probe_at_first_load(loaded, models_dir)  # once per model: the recommender's speed figure
    return loaded


def opener_for(
    models_dir: Path,
    state: StateOptions = StateOptions(),
    offline_only: Callable[[], bool] | None = None,
) -> Opener:
    """(model ref, engine choice) -> Engine, for the models in `models_dir` and on servers."""
    return functools.partial(
        open_model, models_dir=models_dir, state=state, offline_only=offline_only
    )


def server_key(url: str) -> str | None:
    """The key stored for a server in Settings -> Servers, else OPENAI_API_KEY, else None."""
    from inference.models.secrets import endpoint_key_store

    return endpoint_key_store(url).get() or (os.environ.get("OPENAI_API_KEY") or "").strip() or None


def open_server_model(url: str, model: str) -> Engine:
    from inference.engines.remote import open_remote

    return open_remote(url, model, server_key(url))


def probe_server(url: str, key: str | None, cancel: CancelToken) -> tuple[str, list[str], bool]:
    """Settings -> Servers' connection test: (normalised endpoint, the model ids it lists,
    whether it is plain http to another machine)."""
    from inference.engines.remote import list_models, parse_endpoint

    endpoint = parse_endpoint(url)
    models = list_models(endpoint.base, key or server_key(endpoint.base), cancel=cancel)
    return endpoint.base, models, endpoint.cleartext
