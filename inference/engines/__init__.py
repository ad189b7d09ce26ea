"""Engine back ends and the choice between them.

`open_engine` loads a LocalModel with the engine that suits the files and the machine:
GGUF files go to llama.cpp, Hugging Face folders to MLX (Metal on Apple Silicon, CPU elsewhere).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from ..checkpoint import LocalModel
from ..engine import Engine
from ..errors import CairnError, ErrorCode
from ..records import ENGINE_CHOICES, EngineName

__all__ = ["ENGINE_CHOICES", "EngineName", "choose_engine", "is_apple_silicon", "open_engine"]


def is_apple_silicon() -> bool:
    return sys.platform == "darwin" and platform.machine() == "arm64"


def choose_engine(model: LocalModel, requested: str = "auto") -> EngineName:
    """The engine that will run `model`: the files decide, the user's choice must fit them."""
    if requested not in ENGINE_CHOICES:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, f"unknown engine {requested!r}")
    if requested == EngineName.REMOTE:  # a server's model: engines.remote.open_remote
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "the remote engine needs an endpoint URL")
    natural = EngineName.LLAMACPP if model.format == "gguf" else EngineName.MLX
    if requested == "auto" or requested == natural:
        return natural
    kind = "GGUF" if model.format == "gguf" else "Hugging Face (MLX)"
    raise CairnError(
        ErrorCode.ENGINE_UNAVAILABLE,
        f"{model.path} is a {kind} checkpoint; the {requested} engine cannot run it",
    )


def open_engine(
    model: LocalModel,
    *,
    engine: str = "auto",
    device: str | None = None,
    n_threads: int | None = None,
    state_budget: int | None = None,
    state_dir: Path | None = None,
    state_disk_budget: int | None = None,
) -> Engine:
    """Load `model` and return a ready Engine. Call on the thread that will generate.

    `state_budget`: bytes the engine may keep in checkpoints of its model state to reuse a
    conversation's prefix (None: state_cache.default_budget_bytes(); 0: none). `state_dir`: a
    folder where llama.cpp keeps each conversation's last checkpoint across runs (None: none),
    within `state_disk_budget` bytes (None: the engine's default, 1 GiB)."""
    chosen = choose_engine(model, engine)
    if chosen is EngineName.MLX:
        from .mlx_engine import MLXEngine

        return MLXEngine.load(model, device=device, state_budget=state_budget)
    from .llamacpp_engine import DEFAULT_DISK_BUDGET, LlamaCppEngine

    return LlamaCppEngine.load(
        model,
        device=device,
        n_threads=n_threads,
        state_budget=state_budget,
        state_dir=state_dir,
        state_disk_budget=DEFAULT_DISK_BUDGET if state_disk_budget is None else state_disk_budget,
    )
