"""Which catalog model to suggest for this machine: engine by platform, size by RAM and disk.

Apple Silicon gets MLX entries (Metal); every other machine gets GGUF entries (llama.cpp is the
fast CPU engine there). The pick is the largest model whose RAM estimate fits in half the
machine's memory (the OS, the app and the user's other programs keep the rest) and whose
download fits on the disk with 10% to spare; among quantizations of that size, the smallest
(4-bit answers faster on a laptop and the quality loss at 4 bits is small).

Speed: once the engine has been measured on this machine (speed.py: a short probe at a model's
first load), a size is offered only when its predicted generation speed is at least
MIN_TOKENS_PER_S. Before any measurement, off Apple Silicon, llama.cpp's speed is guessed from
the CPU: with `cpu_cores` given, machines with at most 4 cores are offered up to 2B and at most 8
cores up to 4B (from the speeds in docs/environment.md: 2 cores, 0.8B Q4_K_M about 21 tokens/s,
2B about 10).

The order models are offered in (offer_order) follows the same platform rule: the engine that
suits the machine first; MLX builds off Apple Silicon (MLX's slow CPU path) only when asked.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from ..checkpoint import ModelRole
from ..errors import CairnError, ErrorCode
from ..records import EngineName, ModelSpec
from .speed import Measured, load_speeds

RAM_SHARE = 0.5
DISK_MARGIN = 1.1
MIN_TOKENS_PER_S = 8.0  # slower than this, an answer of a few hundred words takes over a minute


@dataclass(frozen=True)
class MachineResources:
    ram_bytes: int
    free_disk_bytes: int
    apple_silicon: bool
    cpu_cores: int | None = None


def _billions(spec: ModelSpec) -> float:
    try:
        return float(spec.size.upper().rstrip("B"))
    except ValueError:
        return 0.0


def preferred_engine(apple_silicon: bool) -> EngineName:
    return EngineName.MLX if apple_silicon else EngineName.LLAMACPP


def offer_order(
    catalog: tuple[ModelSpec, ...] | list[ModelSpec], *, apple_silicon: bool, show_all: bool = False
) -> list[ModelSpec]:
    """Entries in the order to offer them: the machine's engine first, by size then download.

    Off Apple Silicon, MLX builds are left out unless `show_all` (they would run on MLX's slow
    CPU path); other roles (the embedding model) come last, on every machine."""
    first = preferred_engine(apple_silicon)

    def key(s: ModelSpec) -> tuple:
        return (s.role != "chat", s.engine != first, _billions(s), s.download_bytes or 0)

    out = [s for s in catalog if show_all or apple_silicon or s.engine != EngineName.MLX]
    return sorted(out, key=key)


def weight_bytes_of(spec: ModelSpec) -> int:
    """The bytes of weights read per generated token: the model file without its projector."""
    if spec.files and all(f in spec.file_bytes for f in spec.files):
        return sum(spec.file_bytes[f] for f in spec.files)
    return spec.download_bytes or 0


def recommend(
    catalog: tuple[ModelSpec, ...] | list[ModelSpec],
    *,
    ram_bytes: int,
    free_disk_bytes: int,
    apple_silicon: bool,
    cpu_cores: int | None = None,
    measured: Measured | None = None,
) -> ModelSpec:
    """The catalog entry to suggest; the smallest one for the platform when none fits.

    `measured`: this engine's speed on this machine (speed.py); when given it decides which
    sizes are fast enough, in place of the core-count guess."""
    engine = preferred_engine(apple_silicon)
    chat = [s for s in catalog if s.role == ModelRole.CHAT]  # embedding models are never suggested
    candidates = [s for s in chat if s.engine == engine] or chat
    if not candidates:
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, "the catalog is empty")

    if measured is not None and measured.engine != engine:
        measured = None
    max_billions = float("inf")
    if measured is None and not apple_silicon and cpu_cores is not None:
        max_billions = 2.0 if cpu_cores <= 4 else 4.0 if cpu_cores <= 8 else float("inf")

    def fits(s: ModelSpec) -> bool:
        if _billions(s) > max_billions:
            return False
        if measured is not None and s.engine == measured.engine:
            if measured.predict(weight_bytes_of(s)) < MIN_TOKENS_PER_S:
                return False
        ram_ok = s.ram_bytes is None or s.ram_bytes <= ram_bytes * RAM_SHARE
        disk_ok = s.download_bytes is None or s.download_bytes * DISK_MARGIN <= free_disk_bytes
        return ram_ok and disk_ok

    fitting = [s for s in candidates if fits(s)]
    if not fitting:
        return min(candidates, key=lambda s: (s.ram_bytes or 0, s.download_bytes or 0))
    return max(fitting, key=lambda s: (_billions(s), -(s.ram_bytes or 0)))


def total_ram_bytes() -> int:
    """Physical memory of this machine."""
    if sys.platform == "win32":
        import ctypes

        class _MemStatus(ctypes.Structure):
            _fields_ = [
                ("dwLength", ctypes.c_ulong),
                ("dwMemoryLoad", ctypes.c_ulong),
                ("ullTotalPhys", ctypes.c_ulonglong),
                ("ullAvailPhys", ctypes.c_ulonglong),
                ("ullTotalPageFile", ctypes.c_ulonglong),
                ("ullAvailPageFile", ctypes.c_ulonglong),
                ("ullTotalVirtual", ctypes.c_ulonglong),
                ("ullAvailVirtual", ctypes.c_ulonglong),
                ("ullAvailExtendedVirtual", ctypes.c_ulonglong),
            ]

        status = _MemStatus()
        status.dwLength = ctypes.sizeof(_MemStatus)
        ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status))  # type: ignore[attr-defined]
        return int(status.ullTotalPhys)
    return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))


def is_apple_silicon() -> bool:
    return sys.platform == "darwin" and platform.machine() == "arm64"


def machine_resources(models_dir: Path) -> MachineResources:
    """This machine's RAM, the free space where models go, and whether it is Apple Silicon."""
    from .downloader import free_space

    return MachineResources(
        total_ram_bytes(), free_space(models_dir), is_apple_silicon(), os.cpu_count()
    )


def recommend_for_this_machine(catalog, models_dir: Path) -> ModelSpec:
    """The suggestion for this machine: its RAM, free disk, platform, cores and (once measured)
    its engine's speed, remembered in the models folder."""
    m = machine_resources(models_dir)
    return recommend(
        catalog,
        ram_bytes=m.ram_bytes,
        free_disk_bytes=m.free_disk_bytes,
        apple_silicon=m.apple_silicon,
        cpu_cores=m.cpu_cores,
        measured=load_speeds(models_dir).get(preferred_engine(m.apple_silicon)),
    )
