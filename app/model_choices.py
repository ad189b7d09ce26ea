"""What the model pickers offer and how they word it: grouped by engine, the engine that suits
this machine first (llama.cpp GGUF off Apple Silicon, MLX on it), each row naming engine, size
and quantization, the recommended one marked.

Shared by the toolbar's model box (installed models, app/model_controller.py) and the first-run
page's download list (app/first_run.py), so that both say the same thing the same way.
No widget here: plain functions over models-folder entries, plus `fill_grouped` for a combo box.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from inference.records import EngineName

from .messages import human_bytes


def has_metal() -> bool:
    """Apple Silicon: MLX runs on the GPU. Everywhere else MLX has only its slow CPU path."""
    from inference.models.recommend import is_apple_silicon

    return is_apple_silicon()


def preferred_engine(apple_silicon: bool | None = None) -> str:
    """The engine that suits this machine."""
    metal = has_metal() if apple_silicon is None else apple_silicon
    return EngineName.MLX.value if metal else EngineName.LLAMACPP.value


def engine_of(entry: object) -> str:
    """The engine an entry runs on: its catalog spec says; an imported model by its files
    (a GGUF file or a folder holding one: llama.cpp; a Hugging Face folder: MLX)."""
    spec = getattr(entry, "spec", None)
    if spec is not None:
        return str(getattr(spec.engine, "value", spec.engine))
    path = getattr(entry, "path", None)
    if path is not None:
        p = Path(path)
        if p.suffix.lower() == ".gguf" or (p.is_dir() and any(p.glob("*.gguf"))):
            return EngineName.LLAMACPP.value
        return EngineName.MLX.value
    ref = str(getattr(entry, "id", ""))
    return EngineName.LLAMACPP.value if "gguf" in ref.lower() else EngineName.MLX.value


def engine_label(engine: str) -> str:
    """An engine's name as people see it (product names: not translated, but the GGUF hint)."""
    if engine == EngineName.LLAMACPP.value:
        return "llama.cpp (GGUF)"
    if engine == EngineName.MLX.value:
        return "MLX"
    return engine


def group_title(engine: str, preferred: str) -> str:
    """The header above an engine's rows: why it comes first, or why it does not."""
    name = engine_label(engine)
    if engine == EngineName.REMOTE.value:  # a team's server: the messages leave this computer
        return QCoreApplication.translate("ModelChoices", "Servers: answered on another computer")
    if engine == preferred:
        return QCoreApplication.translate("ModelChoices", "%1: suits this computer").replace(
            "%1", name
        )
    if engine == EngineName.MLX.value:
        return QCoreApplication.translate(
            "ModelChoices", "%1: for Apple Silicon, slow on this computer"
        ).replace("%1", name)
    return QCoreApplication.translate("ModelChoices", "%1: runs on the processor").replace(
        "%1", name
    )


_SIZE = re.compile(r"([\d.]+)\s*B", re.IGNORECASE)


def _size_key(size: str) -> float:
    m = _SIZE.search(size or "")
    return float(m.group(1)) if m else 1e9


@dataclass(frozen=True)
class Choice:
    """One row of a picker: the model's id (item data) and its words."""

    ref: str
    label: str
    engine: str
    recommended: bool = False


def recommended_label(label: str) -> str:
    """A row marked as the one suggested for this machine."""
    return QCoreApplication.translate("ModelChoices", "%1 · recommended").replace(
        "%1", "★ " + label
    )


def installed_label(entry: object) -> str:
    """A toolbar row: "Qwen3.5 2B · llama.cpp · Q6_K" (data and product names only)."""
    spec = getattr(entry, "spec", None)
    engine = engine_of(entry)
    short = "llama.cpp" if engine == EngineName.LLAMACPP.value else engine_label(engine)
    if spec is not None:
        return f"Qwen3.5 {spec.size} · {short} · {spec.quantization}"
    path = getattr(entry, "path", None)
    name = Path(path).name if path is not None else str(getattr(entry, "id", ""))
    return (
        QCoreApplication.translate("ModelChoices", "%1 · %2 · imported")
        .replace("%1", name)
        .replace("%2", short)
    )


def download_label(spec: object, recommended: bool) -> str:
    """A download row: "Qwen3.5 2B · llama.cpp · Q6_K · 1.9 GB", "★ recommended" when it is."""
    engine = str(getattr(spec.engine, "value", spec.engine))  # type: ignore[attr-defined]
    short = "llama.cpp" if engine == EngineName.LLAMACPP.value else engine_label(engine)
    text = (
        QCoreApplication.translate("ModelChoices", "Qwen3.5 %1 · %2 · %3 · %4 download")
        .replace("%1", spec.size)  # type: ignore[attr-defined]
        .replace("%2", short)
        .replace("%3", spec.quantization)  # type: ignore[attr-defined]
        .replace("%4", human_bytes(spec.download_bytes))  # type: ignore[attr-defined]
    )
    return recommended_label(text) if recommended else text


def grouped(choices: Iterable[Choice], preferred: str) -> list[tuple[str, list[Choice]]]:
    """(engine, its choices) with the preferred engine first; other engines in a fixed order."""
    by_engine: dict[str, list[Choice]] = {}
    for c in choices:
        by_engine.setdefault(c.engine, []).append(c)
    remote = EngineName.REMOTE.value
    order = [preferred] + sorted(e for e in by_engine if e not in (preferred, remote)) + [remote]
    return [(e, by_engine[e]) for e in order if e in by_engine]


E = TypeVar("E")


def sort_entries(entries: Sequence[E]) -> list[E]:
    """Smallest model first, catalog order otherwise (a stable sort)."""
    return sorted(
        entries, key=lambda e: _size_key(getattr(getattr(e, "spec", None), "size", "") or "")
    )


def fill_grouped(
    combo: QComboBox, choices: Iterable[Choice], preferred: str, current: str | None = None
) -> None:
    """Fill `combo` with a header per engine (not selectable) and the choices under it;
    select `current`, else the recommended row, else the first row. A single engine gets no
    header (nothing to tell apart)."""
    combo.blockSignals(True)
    combo.clear()
    groups = grouped(choices, preferred)
    model = combo.model()
    at_current = at_recommended = -1
    for engine, rows in groups:
        if len(groups) > 1:
            combo.addItem(group_title(engine, preferred))  # no data: never a model
            if isinstance(model, QStandardItemModel):
                header = model.item(combo.count() - 1)
                header.setEnabled(False)
                header.setSelectable(False)
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
        for c in rows:
            combo.addItem(c.label, c.ref)
            if c.ref == current:
                at_current = combo.count() - 1
            if c.recommended and at_recommended < 0:
                at_recommended = combo.count() - 1
    first = next((i for i in range(combo.count()) if combo.itemData(i)), -1)
    combo.setCurrentIndex(next((i for i in (at_current, at_recommended) if i >= 0), first))
    combo.blockSignals(False)


def model_rows(combo: QComboBox) -> list[str]:
    """The model ids a filled combo offers (headers left out), in order."""
    return [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
