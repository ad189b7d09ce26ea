"""Recognise a checkpoint on disk and its role: a Qwen3.5 chat model (a Hugging Face folder, a
GGUF file or a GGUF folder) or a Qwen3-Embedding GGUF for document search.

Checks are made on metadata only (config.json, GGUF header), so that a wrong folder is refused
in milliseconds with a clear code instead of failing deep inside an engine. Recognition sits
below the engines and the models folder so that both can ask "what is this file?" without
importing each other.
"""

from __future__ import annotations

import enum
import json
import logging
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from .errors import CairnError, ErrorCode

log = logging.getLogger(__name__)


class ModelRole(str, enum.Enum):
    """What a model is for. A str enum: catalog.json and `cairn models list --json` spell it."""

    CHAT = "chat"
    EMBEDDING = "embedding"  # dense retrieval for documents only, never offered for chat


QWEN35_MODEL_TYPES = {"qwen3_5", "qwen3_5_text"}
GGUF_ARCHITECTURES = {"qwen35"}
GGUF_MAGIC = b"GGUF"

# hidden size -> marketed size, for the thinking default and the catalog match
_SIZES_BY_HIDDEN = {1024: "0.8B", 2048: "2B", 2560: "4B", 4096: "9B"}


@dataclass(frozen=True)
class LocalModel:
    """A checkpoint found on disk and recognised as Qwen3.5."""

    path: Path  # the folder (HF layout or GGUF folder) or the .gguf file
    format: str  # "hf" or "gguf"
    name: str
    size: str | None  # "0.8B" ... or None when the dimensions match no release
    has_vision: bool
    gguf: Path | None = None
    mmproj: Path | None = None


def inspect_model(path: Path) -> LocalModel:
    """Return what `path` holds, or raise CairnError(MODEL_NOT_FOUND | NOT_QWEN35 | MODEL_INCOMPLETE)."""
    path = Path(path).expanduser()
    if not path.exists():
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, str(path))
    if path.is_file():
        if path.suffix.lower() != ".gguf":
            raise CairnError(ErrorCode.NOT_QWEN35, str(path))
        return _inspect_gguf_file(path, mmproj=_find_mmproj(path.parent, exclude=path))
    if not path.is_dir():  # a FIFO, a device
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: not a regular file or a folder")
    if (path / "config.json").is_file():
        return _inspect_hf(path)
    ggufs = [p for p in sorted(path.glob("*.gguf")) if not _is_mmproj(p) and _regular(p)]
    if len(ggufs) == 1:
        return _inspect_gguf_file(ggufs[0], mmproj=_find_mmproj(path), folder=path)
    if len(ggufs) > 1:
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: several model GGUF files, pass one")
    raise CairnError(ErrorCode.NOT_QWEN35, str(path))


def _is_mmproj(p: Path) -> bool:
    return p.name.lower().startswith("mmproj")


def _regular(p: Path) -> bool:
    """A regular file (links followed): a FIFO would block the header read forever, a link to
    /dev/zero would read without end."""
    try:
        return stat.S_ISREG(p.stat().st_mode)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False


def _find_mmproj(folder: Path, exclude: Path | None = None) -> Path | None:
    found = [
        p for p in sorted(folder.glob("*.gguf")) if _is_mmproj(p) and p != exclude and _regular(p)
    ]
    return found[0] if found else None


def _inspect_hf(path: Path) -> LocalModel:
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: unreadable config.json ({e})") from None
    if not isinstance(config, dict):
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: config.json is not an object")
    raw_text_config = config.get("text_config")
    text_config: dict[str, Any] = raw_text_config if isinstance(raw_text_config, dict) else {}
    model_type = config.get("model_type") or text_config.get("model_type")
    if model_type not in QWEN35_MODEL_TYPES:
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: model_type {model_type!r}")
    if not any(path.glob("*.safetensors")):
        raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{path}: no .safetensors weights")
    if not ((path / "tokenizer.json").is_file() or (path / "tokenizer_config.json").is_file()):
        raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{path}: no tokenizer")
    index = path / "model.safetensors.index.json"
    if index.is_file():
        try:
            shards = set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values())
        except (OSError, ValueError, KeyError, AttributeError):
            raise CairnError(
                ErrorCode.MODEL_INCOMPLETE, f"{path}: unreadable weight index"
            ) from None
        missing = sorted(s for s in shards if not (path / s).is_file())
        if missing:
            raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{path}: missing {missing[0]}")
    hidden = text_config.get("hidden_size") or config.get("hidden_size")
    has_vision = isinstance(config.get("vision_config"), dict) and (
        (path / "preprocessor_config.json").is_file()
    )
    return LocalModel(
        path=path,
        format="hf",
        name=path.name,
        size=_SIZES_BY_HIDDEN.get(hidden) if isinstance(hidden, int) else None,
        has_vision=has_vision,
    )


def read_gguf_metadata(path: Path, keys: tuple[str, ...]) -> dict[str, object]:
    """Read a few scalar metadata values from a GGUF header (via the gguf package)."""
    with open(path, "rb") as f:
        if f.read(4) != GGUF_MAGIC:
            raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: not a GGUF file")
    try:
        from gguf import GGUFReader

        reader = GGUFReader(str(path))
    except Exception as e:  # noqa: BLE001 - the gguf reader raises many kinds on a damaged header
        log.debug("unreadable GGUF header %s", path, exc_info=True)
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: unreadable GGUF ({e})") from None
    out: dict[str, object] = {}
    for key in keys:
        field = reader.fields.get(key)
        if field is None:
            continue
        try:
            out[key] = field.contents()
        except (ValueError, TypeError, IndexError, UnicodeDecodeError):
            # a damaged value reads as absent: the callers check what they need and say so
            log.debug("unreadable GGUF field %s in %s", key, path, exc_info=True)
            continue
    return out


def _inspect_gguf_file(path: Path, mmproj: Path | None, folder: Path | None = None) -> LocalModel:
    meta = read_gguf_metadata(path, ("general.architecture", "qwen35.embedding_length"))
    arch = meta.get("general.architecture")
    if arch not in GGUF_ARCHITECTURES:
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: architecture {arch!r}")
    hidden = meta.get("qwen35.embedding_length")
    return LocalModel(
        path=folder or path,
        format="gguf",
        name=(folder or path).stem if folder is None else folder.name,
        size=_SIZES_BY_HIDDEN.get(hidden) if isinstance(hidden, int) else None,
        has_vision=mmproj is not None,
        gguf=path,
        mmproj=mmproj,
    )


# -- embedding models (Qwen3-Embedding GGUF) ------------------------------------------------

EMBEDDING_ARCHITECTURES = frozenset({"qwen3"})


@dataclass(frozen=True)
class EmbeddingModel:
    """An embedding GGUF recognised on disk."""

    gguf: Path
    architecture: str
    dim: int
    pooling: int | None  # the file's pooling type key, when it has one


def _embedding_gguf(path: Path) -> Path:
    path = Path(path).expanduser()
    if not path.exists():
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, str(path))
    if path.is_file():
        return path
    ggufs = [p for p in sorted(path.glob("*.gguf")) if not _is_mmproj(p)]
    if len(ggufs) != 1:
        raise CairnError(ErrorCode.NOT_EMBEDDING_MODEL, f"{path}: no single embedding GGUF file")
    return ggufs[0]


def inspect_embedding_model(path: Path, *, known_embedding: bool = False) -> EmbeddingModel:
    """What embedding model `path` (a .gguf file or a folder holding one) is.

    Raises CairnError(MODEL_NOT_FOUND | NOT_EMBEDDING_MODEL | MODEL_INCOMPLETE) when it is not
    one. `known_embedding` (a catalog entry with role "embedding") skips the evidence check: a
    Qwen3 chat GGUF and a Qwen3-Embedding GGUF share their architecture, so without the catalog
    a file must declare a pooling type or carry "embed" in its name to count.
    """
    gguf = _embedding_gguf(path)
    if gguf.suffix.lower() != ".gguf":
        raise CairnError(ErrorCode.NOT_EMBEDDING_MODEL, f"{gguf}: not a GGUF file")
    try:
        arch = read_gguf_metadata(gguf, ("general.architecture",)).get("general.architecture")
    except CairnError as e:  # read_gguf_metadata words an unreadable header for chat models
        raise CairnError(ErrorCode.NOT_EMBEDDING_MODEL, e.detail) from None
    if arch not in EMBEDDING_ARCHITECTURES:
        raise CairnError(ErrorCode.NOT_EMBEDDING_MODEL, f"{gguf}: architecture {arch!r}")
    meta = read_gguf_metadata(
        gguf, (f"{arch}.embedding_length", f"{arch}.pooling_type", "general.name")
    )
    dim = meta.get(f"{arch}.embedding_length")
    pooling = meta.get(f"{arch}.pooling_type")
    named = "embed" in f"{meta.get('general.name', '')} {gguf.name}".lower()
    if not isinstance(dim, int) or dim <= 0:
        raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{gguf}: no embedding length")
    if not (known_embedding or pooling is not None or named):
        raise CairnError(
            ErrorCode.NOT_EMBEDDING_MODEL, f"{gguf}: a {arch} model, not an embedding model"
        )
    pooling_type = int(cast(int, pooling)) if pooling is not None else None
    return EmbeddingModel(gguf, str(arch), dim, pooling_type)


def role_of_path(path: Path) -> ModelRole:
    """The role of a checkpoint that no catalog entry describes: EMBEDDING when its GGUF is
    recognised as an embedding model (headers only, milliseconds), CHAT otherwise."""
    path = Path(path)
    if not path.exists() or (path.is_dir() and not any(path.glob("*.gguf"))):
        return ModelRole.CHAT
    try:
        inspect_embedding_model(path)
    except CairnError as e:
        log.debug("%s is not an embedding model: %s", path, e.detail)
        return ModelRole.CHAT
    return ModelRole.EMBEDDING
