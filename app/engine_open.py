"""The real opener: the one module of app/ that imports the engines (inference.engines).

app/main.py hands it to the window, which only ever calls it through the engine thread; the
widgets and controllers see an `Opener` (app/model_controller.py), so none of them reaches an
engine, mlx or llama_cpp even indirectly (the import contract in pyproject.toml checks it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from inference.engine import Engine

from .seams import Opener


@dataclass(frozen=True)
class StateOptions:
    """The settings for model-state checkpoints: memory (None: the engines' default from the
    RAM; 0: no reuse), and a folder with its budget for conversations' last checkpoints."""

    memory: int | None = None
    folder: Path | None = None
    disk: int = 0


def open_model(
    ref: str | None, engine: str, models_dir: Path, state: StateOptions = StateOptions()
) -> Engine:
    """Resolve `ref` in the models folder and load it (heavy imports here, on the engine thread)."""
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


def opener_for(models_dir: Path, state: StateOptions = StateOptions()) -> Opener:
    """(model ref, engine choice) -> Engine, for the models in `models_dir`."""
    return functools.partial(open_model, models_dir=models_dir, state=state)
