"""Which files of a repository to fetch for a catalog entry, chosen from the repository's listing.

The catalog names the files it expects (unsloth's `Qwen3.5-0.8B-Q8_0.gguf` + `mmproj-F16.gguf`),
but uploaders name files their own way (bartowski: `Qwen_Qwen3.5-0.8B-Q8_0.gguf` +
`mmproj-Qwen_Qwen3.5-0.8B-f16.gguf`; lmstudio-community: `mmproj-Qwen3.5-9B-BF16.gguf`) and
repositories get renamed files. So the exact name is taken when the listing has it, otherwise
the file whose name carries the entry's quantization (for the model) or the best precision
(for the projector: F16 before BF16 before anything else). Hugging Face layout entries (MLX) take
every engine file: weights, configs, tokenizer, template; never pickles or code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import CairnError, ErrorCode
from ..records import ModelSpec
from .hub import RemoteFile
from .manifest import HF_SUFFIXES, allowed_file

GGUF = frozenset({".gguf"})
# What a Hugging Face layout entry fetches, for display before the listing is known.
HF_PATTERNS = ("*.safetensors", "*.json", "*.jinja", "*.txt")
PROJECTOR_PRECISIONS = ("F16", "BF16", "F32", "Q8_0")  # the projector to prefer, in order
_SPLIT = re.compile(r"-\d{5}-of-\d{5}\.gguf$", re.IGNORECASE)


@dataclass(frozen=True)
class ChosenFile:
    """One file to fetch and why: the name the catalog expected and the listing's file."""

    role: str  # "model", "projector" or "file" (Hugging Face layout)
    expected: str | None  # the catalog's name; None for Hugging Face layout files
    remote: RemoteFile

    @property
    def exact(self) -> bool:
        return self.expected is None or self.expected == self.remote.path


def planned_names(spec: ModelSpec) -> list[str]:
    """The names an entry will fetch, as far as the catalog knows them before asking the Hub."""
    if spec.files:
        return list(spec.files) + ([spec.mmproj] if spec.mmproj else [])
    return list(HF_PATTERNS)


def choose_files(spec: ModelSpec, listing: tuple[RemoteFile, ...]) -> list[ChosenFile]:
    """The files of `listing` to fetch for `spec`; CairnError(NOT_FOUND_ON_HUB) when one lacks."""
    if not spec.files:
        return [ChosenFile("file", None, f) for f in _hf_files(spec, listing)]
    ggufs = [f for f in listing if allowed_file(f.path, GGUF) and not _SPLIT.search(f.path)]
    by_path = {f.path: f for f in ggufs}
    for name in planned_names(spec):
        if not allowed_file(name, GGUF):
            raise CairnError(ErrorCode.INVALID_ARGUMENT, f"catalog lists {name!r}")
    out = []
    for name in spec.files:
        remote = by_path.get(name) or _match_model(spec, name, ggufs)
        out.append(ChosenFile("model", name, remote))
    if spec.mmproj:
        remote = by_path.get(spec.mmproj) or _match_projector(spec, ggufs)
        out.append(ChosenFile("projector", spec.mmproj, remote))
    return out


def _hf_files(spec: ModelSpec, listing: tuple[RemoteFile, ...]) -> list[RemoteFile]:
    out = [f for f in listing if allowed_file(f.path, HF_SUFFIXES)]
    if not any(f.path.endswith(".safetensors") for f in out):
        raise CairnError(ErrorCode.NOT_FOUND_ON_HUB, f"{spec.repo_id}: no .safetensors weights")
    if not any(f.path == "config.json" for f in out):
        raise CairnError(ErrorCode.NOT_FOUND_ON_HUB, f"{spec.repo_id}: no config.json")
    return out


def has_token(name: str, token: str) -> bool:
    """Whether `token` (Q4_K_M, F16 ...) is a whole part of a file name, case aside.

    Parts are separated by '-', '_' or '.', but a token's own underscores stay inside it: Q4_K
    is not found in 'Q4_K_M', F16 is not found in 'BF16'."""
    pattern = rf"(?<![A-Za-z0-9]){re.escape(token)}(?![A-Za-z0-9]|_[A-Za-z0-9])"
    return re.search(pattern, PurePosixPath(name).stem, re.IGNORECASE) is not None


def _is_projector(name: str) -> bool:
    return "mmproj" in PurePosixPath(name).name.lower()


def _depth(f: RemoteFile) -> int:
    return f.path.count("/")


def _match_model(spec: ModelSpec, expected: str, ggufs: list[RemoteFile]) -> RemoteFile:
    candidates = [
        f for f in ggufs if not _is_projector(f.path) and has_token(f.path, spec.quantization)
    ]
    if not candidates:
        raise CairnError(
            ErrorCode.NOT_FOUND_ON_HUB,
            f"{spec.repo_id}: no {spec.quantization} GGUF file (expected {expected})",
        )
    # top folder first (the engines look there), then the model's own size in the name (a repo
    # may hold other models), then the shortest name
    return min(
        candidates,
        key=lambda f: (_depth(f), not has_token(f.path, spec.size), len(f.path), f.path),
    )


def _match_projector(spec: ModelSpec, ggufs: list[RemoteFile]) -> RemoteFile:
    projectors = [f for f in ggufs if _is_projector(f.path)]
    if not projectors:
        raise CairnError(
            ErrorCode.NOT_FOUND_ON_HUB, f"{spec.repo_id}: no vision projector (mmproj) file"
        )

    def rank(f: RemoteFile) -> tuple:
        precision = next(
            (i for i, p in enumerate(PROJECTOR_PRECISIONS) if has_token(f.path, p)),
            len(PROJECTOR_PRECISIONS),
        )
        return (_depth(f), precision, len(f.path), f.path)

    return min(projectors, key=rank)


def describe(chosen: list[ChosenFile]) -> str:
    """The chosen model and projector files, language-neutral (shown by the CLI and the GUI):
    `name` when the catalog's name was found, `expected → name` when another file stands in."""
    parts = [
        c.remote.path if c.exact else f"{c.expected} → {c.remote.path}"
        for c in chosen
        if c.role != "file"
    ]
    return ", ".join(parts) if parts else f"{len(chosen)} files"
