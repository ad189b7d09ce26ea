"""Cairn's models folder: the catalog's local state, downloads, imports, removal, disk use.

This is the API the GUI's first-run screen and the `cairn models` command build on. It reads
no settings: the models folder, the catalog, the Hub endpoint (mirror), the proxy and the token
come in.
"""

from __future__ import annotations

import enum
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..cancel import CancelToken
from ..catalog import load_catalog
from ..checkpoint import (
    EmbeddingModel,
    LocalModel,
    ModelRole,
    inspect_embedding_model,
    inspect_model,
    role_of_path,
)
from ..errors import CairnError, ErrorCode
from ..records import ModelSpec, Progress
from .downloader import PARTIAL_DIR, download_model, free_space, partial_dir
from .hub import RETRY_DELAYS
from .inuse import refuse_if_loaded
from .manifest import check_ready, tree_bytes, valid_model_id

log = logging.getLogger(__name__)


class ModelState(str, enum.Enum):
    NOT_DOWNLOADED = "not_downloaded"
    DOWNLOADING = "downloading"  # started and not finished: running now, or paused (resumable)
    READY = "ready"  # every file present, verified at download, manifest written
    DAMAGED = "damaged"  # the folder exists but files are missing or have the wrong size


@dataclass(frozen=True)
class ModelEntry:
    id: str
    spec: ModelSpec | None  # None: imported from disk, not in the catalog
    state: ModelState
    path: Path | None  # the ready (or damaged) folder, or the partial folder while downloading
    bytes_on_disk: int


def role_of(entry: ModelEntry) -> ModelRole:
    """What a models-folder entry is for. Catalog entries say so in their spec; an imported
    folder is an embedding model when its GGUF is recognised as one (headers only)."""
    if entry.spec is not None:
        return ModelRole(entry.spec.role)
    if entry.path is None:
        return ModelRole.CHAT
    return role_of_path(entry.path)


def is_chat_model(entry: ModelEntry) -> bool:
    """THE rule for what is offered for chat (the GUI's model list, `cairn chat` without a
    model): a ready model whose role is chat."""
    return entry.state is ModelState.READY and role_of(entry) is ModelRole.CHAT


class ModelStore:
    def __init__(
        self,
        models_dir: Path,
        *,
        catalog: tuple[ModelSpec, ...] | None = None,
        endpoint: str | None = None,
        token: str | None = None,
        proxy: str | None = None,
        free_space_fn: Callable[[Path], int] = free_space,
        retry_delays: tuple[float, ...] = RETRY_DELAYS,
    ) -> None:
        self.models_dir = Path(models_dir)
        self.catalog = tuple(catalog) if catalog is not None else load_catalog()
        self.endpoint = endpoint.rstrip("/") if endpoint else None
        self.token = token
        self.proxy = proxy or None
        self._free_space = free_space_fn
        self._delays = retry_delays

    def with_network(self, endpoint: str | None, proxy: str | None) -> ModelStore:
        """The same store downloading through another mirror and proxy (None: the defaults)."""
        return ModelStore(
            self.models_dir,
            catalog=self.catalog,
            endpoint=endpoint,
            token=self.token,
            proxy=proxy,
            free_space_fn=self._free_space,
            retry_delays=self._delays,
        )

    # -- state -------------------------------------------------------------------------------

    def spec(self, model_id: str) -> ModelSpec | None:
        return next((s for s in self.catalog if s.id == model_id), None)

    def entry(self, model_id: str) -> ModelEntry:
        spec = self.spec(model_id)
        if not valid_model_id(model_id):
            return ModelEntry(model_id, spec, ModelState.NOT_DOWNLOADED, None, 0)
        folder = self.models_dir / model_id
        work = partial_dir(self.models_dir, model_id)
        if folder.is_dir():
            ready, _ = check_ready(folder)
            state = ModelState.READY if ready else ModelState.DAMAGED
            if not ready and work.is_dir():
                state = ModelState.DOWNLOADING  # a re-download replacing a damaged copy
            return ModelEntry(model_id, spec, state, folder, tree_bytes(folder))
        if work.is_dir():
            return ModelEntry(model_id, spec, ModelState.DOWNLOADING, work, tree_bytes(work))
        return ModelEntry(model_id, spec, ModelState.NOT_DOWNLOADED, None, 0)

    def entries(self) -> list[ModelEntry]:
        """Every catalog model, then every other folder in the models folder (imports)."""
        out = [self.entry(s.id) for s in self.catalog]
        known = {s.id for s in self.catalog}
        if self.models_dir.is_dir():
            for child in sorted(self.models_dir.iterdir()):
                if child.is_dir() and not child.name.startswith(".") and child.name not in known:
                    out.append(self.entry(child.name))
        return out

    def chat_models(self) -> list[ModelEntry]:
        """The entries offered for chat, catalog order then imports (see is_chat_model)."""
        return [e for e in self.entries() if is_chat_model(e)]

    def embedding_model(self) -> EmbeddingModel | None:
        """The first ready embedding model (catalog order, then imports), or None."""
        for entry in self.entries():
            if entry.state is not ModelState.READY or entry.path is None:
                continue
            if role_of(entry) is not ModelRole.EMBEDDING:
                continue
            try:
                return inspect_embedding_model(entry.path, known_embedding=entry.spec is not None)
            except CairnError as e:
                log.warning("embedding model %s unusable: %s", entry.id, e)
        return None

    def local_model(self, model_id: str) -> LocalModel:
        """The ready model `model_id`, recognised from its folder; refuses anything not ready."""
        entry = self.entry(model_id)
        if entry.state is ModelState.READY:
            assert entry.path is not None
            return inspect_model(entry.path)
        if entry.state is ModelState.DAMAGED:
            assert entry.path is not None
            raise CairnError(ErrorCode.MODEL_INCOMPLETE, check_ready(entry.path)[1])
        if entry.state is ModelState.DOWNLOADING:
            raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{model_id}: download not finished")
        if entry.spec is not None:
            raise CairnError(ErrorCode.MODEL_NOT_DOWNLOADED, model_id)
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, model_id)

    # -- changes -----------------------------------------------------------------------------

    def download(
        self,
        model_id: str,
        *,
        progress: Callable[[Progress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> LocalModel:
        """Fetch a catalog model (resuming a previous attempt), verify it, mark it ready.

        Raises CairnError (NO_NETWORK, NO_SPACE, UNAUTHORIZED, NOT_FOUND_ON_HUB,
        CHECKSUM_MISMATCH, DOWNLOAD_FAILED) or Cancelled; partial files are kept for a resume.
        """
        spec = self.spec(model_id)
        if spec is None:
            raise CairnError(ErrorCode.MODEL_NOT_FOUND, f"{model_id} is not in the catalog")
        self.models_dir.mkdir(parents=True, exist_ok=True)
        folder = download_model(
            spec,
            self.models_dir,
            endpoint=self.endpoint,
            token=self.token,
            proxy=self.proxy,
            progress=progress,
            cancel=cancel,
            free_space_fn=self._free_space,
            delays=self._delays,
        )
        if (
            ModelRole(spec.role) is not ModelRole.CHAT
        ):  # an embedding model (document search), not Qwen3.5
            found = inspect_embedding_model(folder, known_embedding=True)
            return LocalModel(folder, "gguf", model_id, spec.size, False, gguf=found.gguf)
        return inspect_model(folder)

    def import_path(
        self,
        path: Path,
        *,
        progress: Callable[[Progress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> str:
        """Copy a Qwen3.5 folder or GGUF file into the models folder; returns its new id.

        Checked with inspect_model first (NOT_QWEN35, MODEL_INCOMPLETE); only engine files are
        copied, hashed as they are written, under the same kind of manifest as a download.
        """
        from .importer import import_model

        taken = {s.id for s in self.catalog}
        return import_model(
            Path(path),
            self.models_dir,
            taken_ids=taken,
            free_space_fn=self._free_space,
            progress=progress,
            cancel=cancel,
        )

    def remove(self, model_id: str) -> None:
        """Delete a model's folder and any partial download of it; CairnError(MODEL_IN_USE) if
        a Cairn process has it loaded (inuse.py)."""
        if not valid_model_id(model_id):
            raise CairnError(ErrorCode.MODEL_NOT_FOUND, model_id)
        folder = self.models_dir / model_id
        work = partial_dir(self.models_dir, model_id)
        if not folder.exists() and not work.exists():
            raise CairnError(ErrorCode.MODEL_NOT_FOUND, f"{model_id} is not on disk")
        from filelock import FileLock, Timeout

        (self.models_dir / PARTIAL_DIR).mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.models_dir / PARTIAL_DIR / f"{model_id}.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise CairnError(
                ErrorCode.DOWNLOAD_FAILED, f"{model_id} is being downloaded: cancel it first"
            ) from None
        try:
            refuse_if_loaded(self.models_dir, model_id)  # never pull files from under an engine
            for p in (folder, work):
                if p.is_dir():
                    shutil.rmtree(p)
        finally:
            lock.release()

    def disk_usage(self) -> int:
        """Bytes used by the models folder, partial downloads included."""
        return tree_bytes(self.models_dir) if self.models_dir.exists() else 0
