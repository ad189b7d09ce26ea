"""The preparation every engine makes of a request before any model work, in one place.

Both engines used to repeat these checks and had drifted apart (one read the presets from the
catalog swallowing errors, the other hard-coded them; neither used the catalog's thinking
default). Now an engine asks `model_defaults` once when it loads and `prepare` on every request:

    defaults = model_defaults(local, EngineName.MLX)          # at load: presets, thinking default
    ready = prepare(request, thinking_default=..., presets=..., vision=..., text_only=...)
    ready.images / ready.frames / ready.thinking / ready.params (every sampling field set)

Bad input raises CairnError here (UNSUPPORTED_INPUT, IMAGE_*, INVALID_ARGUMENT), before the
model is touched, with the same codes from every engine.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalog import load_catalog, thinking_default_for_size
from ..checkpoint import LocalModel, ModelRole
from ..errors import CairnError, ErrorCode
from ..media.images import load_image
from ..records import (
    DEFAULT_PRESETS,
    GenerationRequest,
    GenParams,
    ModelSpec,
    SamplingPreset,
    VideoFrame,
)
from .prompting import request_images

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

PRESET_KEYS = ("thinking", "instruct", "thinking_vision", "instruct_vision")


@dataclass(frozen=True)
class ModelDefaults:
    """What the model card says for a checkpoint: its thinking default and sampling presets."""

    thinking_default: bool
    presets: Mapping[str, SamplingPreset]
    spec_id: str | None  # the catalog entry they came from; None: the Qwen3.5 model card's


def catalog_spec(model: LocalModel, engine: str) -> ModelSpec | None:
    """The catalog's chat entry for a checkpoint of this size: the same engine's first, else any
    engine's (presets and the thinking default depend on the model, not its packaging)."""
    if not model.size:
        return None
    chat = [s for s in load_catalog() if s.role == ModelRole.CHAT and s.size == model.size]
    return next((s for s in chat if s.engine == engine), chat[0] if chat else None)


def model_defaults(model: LocalModel, engine: str) -> ModelDefaults:
    """The thinking default and presets for `model` run by `engine`, from the catalog.

    A checkpoint the catalog does not know (a size it does not list, a tiny test model) gets the
    Qwen3.5 model card's presets and the size rule (4B and up think first)."""
    spec = catalog_spec(model, engine)
    if spec is None:
        log.debug("%s: no catalog entry for size %s; model card defaults", model.name, model.size)
        return ModelDefaults(thinking_default_for_size(model.size), dict(DEFAULT_PRESETS), None)
    presets = {k: spec.preset(k.startswith("thinking"), k.endswith("_vision")) for k in PRESET_KEYS}
    return ModelDefaults(spec.thinking_default, presets, spec.id)


@dataclass(frozen=True)
class PreparedRequest:
    """A request checked and resolved: what an engine needs to start generating."""

    request: GenerationRequest
    images: tuple[Image, ...]  # decoded and checked, in placeholder order
    frames: tuple[VideoFrame, ...]
    thinking: bool  # always explicit: passed to the chat template as enable_thinking
    params: GenParams  # every sampling field resolved from the preset

    @property
    def has_media(self) -> bool:
        return bool(self.images or self.frames)


def prepare(
    request: GenerationRequest,
    *,
    thinking_default: bool,
    presets: Mapping[str, SamplingPreset],
    vision: bool,
    text_only: str,
) -> PreparedRequest:
    """Check `request` for an engine (`vision`: it takes images and video; `text_only`: the
    detail of the UNSUPPORTED_INPUT error when it does not) and resolve its settings."""
    paths = request_images(request)
    frames = tuple(request.video_frames)
    if (paths or frames) and not vision:
        raise CairnError(ErrorCode.UNSUPPORTED_INPUT, text_only)
    images = tuple(load_image(p) for p in paths)  # validate every file before any model work
    thinking = thinking_default if request.thinking is None else bool(request.thinking)
    key = ("thinking" if thinking else "instruct") + ("_vision" if paths or frames else "")
    # a table without the vision presets (an older caller) falls back to the model card's
    params = request.params.resolved(presets.get(key) or DEFAULT_PRESETS[key])
    if params.max_tokens < 1:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "max tokens must be at least 1")
    return PreparedRequest(request, images, frames, thinking, params)
