"""The model catalog: data in resources/catalog.json, read into ModelSpec records."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .checkpoint import ModelRole
from .records import Modality, ModelSpec, SamplingPreset

CATALOG_PATH = Path(__file__).resolve().parent.parent / "resources" / "catalog.json"


def _spec(raw: dict[str, Any]) -> ModelSpec:
    return ModelSpec(
        id=raw["id"],
        family=raw["family"],
        size=raw["size"],
        engine=raw["engine"],
        repo_id=raw["repo_id"],
        revision=raw.get("revision"),
        quantization=raw["quantization"],
        download_bytes=raw.get("download_bytes"),
        ram_bytes=raw.get("ram_bytes"),
        capabilities=frozenset(Modality(c) for c in raw["capabilities"]),
        thinking_default=bool(raw["thinking_default"]),
        license=raw["license"],
        files=tuple(raw.get("files", ())),
        mmproj=raw.get("mmproj"),
        presets={k: SamplingPreset(**v) for k, v in raw.get("presets", {}).items()},
        notes=raw.get("notes", ""),
        role=ModelRole(raw.get("role", ModelRole.CHAT.value)),
        file_bytes={str(k): int(v) for k, v in raw.get("file_bytes", {}).items()},
        sha256={str(k): str(v).lower() for k, v in raw.get("sha256", {}).items()},
    )


def load_catalog(path: Path | None = None) -> tuple[ModelSpec, ...]:
    """Every catalog entry, in file order."""
    return _load(str(path or CATALOG_PATH))


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[ModelSpec, ...]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    return tuple(_spec(m) for m in doc["models"])


def find(model_id: str, catalog: tuple[ModelSpec, ...] | None = None) -> ModelSpec | None:
    for spec in catalog or load_catalog():
        if spec.id == model_id:
            return spec
    return None


def thinking_default_for_size(size: str | None) -> bool:
    """Qwen3.5: 0.8B and 2B answer directly by default; 4B and 9B think first."""
    if not size:
        return False
    try:
        billions = float(size.upper().rstrip("B"))
    except ValueError:
        return False
    return billions >= 4
