"""How fast an engine generates on this machine: a short probe at a model's first load, remembered.

Generation speed on a CPU is bound by memory bandwidth, so it scales about inversely with the
bytes of weights read per token: one measurement (tokens/s with W bytes of weights) predicts the
speed of every other size on the same engine. The recommender uses that prediction in place of
its core-count guess once a measurement exists. Measurements of small checkpoints (under
MIN_TRUSTED_BYTES: test models, where fixed costs dominate) are neither taken nor trusted.

Kept in <models>/.cairn-speed.json: {"llamacpp": {"tps": 21.4, "weight_bytes": 532517120,
"model": "...", "when": 1764000000}}.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

SPEED_FILE = ".cairn-speed.json"
MIN_TRUSTED_BYTES = 100_000_000
PROBE_TOKENS = 16


@dataclass(frozen=True)
class Measured:
    engine: str
    tokens_per_s: float
    weight_bytes: int

    def predict(self, weight_bytes: int) -> float:
        """Tokens/s expected for a model of `weight_bytes` on the same engine and machine."""
        return self.tokens_per_s * self.weight_bytes / max(weight_bytes, 1)


def weight_bytes(local) -> int:
    """Bytes of weights a LocalModel reads per token: its GGUF, or its safetensors files."""
    if getattr(local, "gguf", None) is not None:
        return Path(local.gguf).stat().st_size
    path = Path(local.path)
    return sum(p.stat().st_size for p in path.glob("*.safetensors")) if path.is_dir() else 0


def load_speeds(models_dir: Path) -> dict[str, Measured]:
    """The remembered measurements by engine name (trusted ones only); {} when none."""
    try:
        doc = json.loads((Path(models_dir) / SPEED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for engine, rec in doc.items() if isinstance(doc, dict) else ():
        try:
            m = Measured(str(engine), float(rec["tps"]), int(rec["weight_bytes"]))
        except (KeyError, TypeError, ValueError):
            continue
        if m.tokens_per_s > 0 and m.weight_bytes >= MIN_TRUSTED_BYTES:
            out[m.engine] = m
    return out


def remember_speed(models_dir: Path, engine: str, tps: float, wbytes: int, model: str = "") -> None:
    """Record a measurement (replacing the engine's earlier one); written atomically."""
    path = Path(models_dir) / SPEED_FILE
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc = doc if isinstance(doc, dict) else {}
    except (OSError, ValueError):
        doc = {}
    doc[engine] = {"tps": round(tps, 3), "weight_bytes": wbytes, "model": model,
                   "when": int(time.time())}  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def probe_speed(engine, *, tokens: int = PROBE_TOKENS) -> float:
    """Generate a few tokens of a short answer with the loaded `engine`; its generation tokens/s."""
    from ..cancel import CancelToken
    from ..records import GenerationRequest, GenParams, Message

    request = GenerationRequest(
        messages=(Message("user", "Count from one to twenty."),),
        params=GenParams(max_tokens=tokens),
        thinking=False,
    )
    last = None
    for chunk in engine.generate(request, cancel=CancelToken()):
        if chunk.finish_reason is not None:
            last = chunk
    return float(last.generation_tps) if last is not None else 0.0


def probe_at_first_load(
    engine, models_dir: Path, *, min_bytes: int = MIN_TRUSTED_BYTES, tokens: int = PROBE_TOKENS
) -> Measured | None:
    """Measure `engine` once per engine and machine (when no measurement is remembered yet and
    its model is big enough to say anything); never raises: a failed probe only loses the hint."""
    name = getattr(engine, "name", "")
    local = getattr(engine, "local", None)
    if not name or local is None or name in load_speeds(models_dir):
        return None
    try:
        wbytes = weight_bytes(local)
        if wbytes < min_bytes:
            return None
        tps = probe_speed(engine, tokens=tokens)
        if tps <= 0:
            return None
        remember_speed(models_dir, name, tps, wbytes, getattr(engine, "model_name", ""))
        return Measured(name, tps, wbytes)
    except Exception:  # noqa: BLE001 - the probe is a hint; loading the model must not fail on it
        return None
