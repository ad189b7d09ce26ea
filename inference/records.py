"""Plain records passed between the engines, the command line and the GUI.

Frozen dataclasses so that a record handed to another thread can never be changed under it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class EngineName(enum.StrEnum):
    """The engine back ends, named once. A StrEnum so that "mlx" == EngineName.MLX and JSON,
    settings and argparse choices keep the plain strings."""

    MLX = "mlx"
    LLAMACPP = "llamacpp"
    REMOTE = "remote"  # an OpenAI-compatible server (inference/engines/remote)


ENGINE_CHOICES: tuple[str, ...] = ("auto", *(e.value for e in EngineName))
# the engines that run a model on this machine (the window's engine picker; a server's models
# are chosen in the model picker instead)
LOCAL_ENGINE_CHOICES: tuple[str, ...] = tuple(c for c in ENGINE_CHOICES if c != EngineName.REMOTE)


class Modality(str, enum.Enum):
    TEXT = "text"
    IMAGE = "image"
    VIDEO = "video"


class FinishReason(str, enum.Enum):
    STOP = "stop"  # the model ended its answer (an end-of-turn token)
    LENGTH = "length"  # max_tokens reached
    CANCELLED = "cancelled"  # the cancel token was set; the partial text is kept


@dataclass(frozen=True)
class SamplingPreset:
    """One row of a model card's recommended sampling settings."""

    temperature: float
    top_p: float
    top_k: int
    presence_penalty: float = 0.0
    min_p: float = 0.0
    repetition_penalty: float = 1.0  # the cards: 1.0 (none) in every mode


@dataclass(frozen=True)
class ModelSpec:
    """A catalog entry: what a model is, where it comes from, what it needs."""

    id: str
    family: str
    size: str
    engine: str  # an EngineName value
    repo_id: str
    revision: str | None  # None: not pinned yet (see the catalog's notes)
    quantization: str
    download_bytes: int | None
    ram_bytes: int | None
    capabilities: frozenset[Modality]
    thinking_default: bool
    license: str
    files: tuple[str, ...] = ()  # GGUF entries: the exact files to fetch
    mmproj: str | None = None  # GGUF entries: the vision projector file
    presets: dict[str, SamplingPreset] = field(default_factory=dict, hash=False, compare=False)
    notes: str = ""
    role: str = "chat"  # a checkpoint.ModelRole value (catalog.py stores the enum member)
    # Exact sizes of the files as the Hub lists them (empty: download_bytes is an estimate) and
    # SHA-256 values the catalog pins (checked on top of the Hub's own checksums).
    file_bytes: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    sha256: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def preset(self, thinking: bool, vision: bool = False) -> SamplingPreset:
        """The model card's sampling preset for thinking or non-thinking mode (and vision)."""
        key = "thinking" if thinking else "instruct"
        if vision:
            return self.presets.get(f"{key}_vision") or DEFAULT_PRESETS[f"{key}_vision"]
        return self.presets.get(key) or DEFAULT_PRESETS[key]


DEFAULT_PRESETS: dict[str, SamplingPreset] = {
    # Qwen3.5 model cards: thinking mode (general tasks) and instruct (non-thinking) mode.
    "thinking": SamplingPreset(temperature=1.0, top_p=0.95, top_k=20, presence_penalty=1.5),
    "instruct": SamplingPreset(temperature=1.0, top_p=1.0, top_k=20, presence_penalty=2.0),
    "instruct_vision": SamplingPreset(temperature=0.7, top_p=0.8, top_k=20, presence_penalty=1.5),
    "thinking_vision": SamplingPreset(temperature=0.6, top_p=0.95, top_k=20, presence_penalty=0.0),
}


@dataclass(frozen=True)
class GenParams:
    """Sampling and length settings. None means: take the model card's preset."""

    max_tokens: int = 1024
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    presence_penalty: float | None = None
    min_p: float | None = None
    seed: int | None = None

    def resolved(self, preset: SamplingPreset) -> GenParams:
        """Fill every unset field from the preset."""
        return GenParams(
            max_tokens=self.max_tokens,
            temperature=preset.temperature if self.temperature is None else self.temperature,
            top_p=preset.top_p if self.top_p is None else self.top_p,
            top_k=preset.top_k if self.top_k is None else self.top_k,
            presence_penalty=(
                preset.presence_penalty if self.presence_penalty is None else self.presence_penalty
            ),
            min_p=preset.min_p if self.min_p is None else self.min_p,
            seed=self.seed,
        )


@dataclass(frozen=True)
class Message:
    """One turn of a conversation. Media paths are checked before they reach an engine."""

    role: str  # "system", "user", "assistant"
    content: str
    images: tuple[Path, ...] = ()
    video: Path | None = None


@dataclass(frozen=True)
class VideoFrame:
    """A sampled frame: its time in the video and an RGB uint8 array (H, W, 3)."""

    t: float
    index: int
    # a numpy RGB uint8 array (H, W, 3); None in plan_frames results (times only). Typed Any so
    # that this module stays numpy-free and callers need no None check for sampled frames.
    image: Any


@dataclass(frozen=True)
class GenerationRequest:
    messages: tuple[Message, ...]
    params: GenParams = GenParams()
    thinking: bool | None = None  # None: the model's default
    # frames of the video of the last user message that names one (see engines/prompting.py)
    video_frames: tuple[VideoFrame, ...] = ()


@dataclass(frozen=True)
class Chunk:
    """A piece of a streamed answer.

    `text` is answer text and `thinking` is reasoning text (between <think> and </think>); a
    chunk carries one or the other. The last chunk of a stream has `finish_reason` set and the
    statistics of the whole answer.
    """

    text: str = ""
    thinking: str = ""
    finish_reason: FinishReason | None = None
    prompt_tokens: int = 0
    generation_tokens: int = 0
    ttft_s: float | None = None
    prompt_tps: float = 0.0
    generation_tps: float = 0.0
    peak_memory_mb: float = 0.0
    # prompt tokens restored from a checkpoint of an earlier request instead of being read again
    # (part of prompt_tokens; prompt_tps counts only the tokens actually evaluated)
    cached_tokens: int = 0

    def stats_json(self) -> dict[str, object]:
        """The statistics of a final chunk as the command line's JSON prints them (one place,
        so `chat`, `summarize` and the app's figures never drift apart)."""
        return {
            "prompt_tokens": self.prompt_tokens,
            "generation_tokens": self.generation_tokens,
            "ttft_s": self.ttft_s,
            "prompt_tps": self.prompt_tps,
            "generation_tps": self.generation_tps,
            "peak_memory_mb": self.peak_memory_mb,
            "cached_tokens": self.cached_tokens,
        }


@dataclass(frozen=True)
class Progress:
    """Progress of long work: a stage name (a code, the GUI translates it) and counts."""

    stage: str
    done: float = 0
    total: float | None = None
    detail: str = ""
    rate: float | None = None  # units per second (bytes/s for downloads), when known
    eta_s: float | None = None  # seconds left, when known


@dataclass(frozen=True)
class Citation:
    path: Path
    page: int | None
    snippet: str
