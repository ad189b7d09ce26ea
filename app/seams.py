"""The seams between the widgets and the work they start, as Protocols and one record.

The widgets (main_window, docs_panel, chat_session, ...) must not import the engines, even
indirectly (the import contract in pyproject.toml). What reaches them (the model opener, the
document library, the jobs) is built by app/backend.py and handed to MainWindow as a Backend;
the widgets know only the shapes below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from inference.cancel import CancelToken
from inference.engine import Engine
from inference.records import GenerationRequest, ModelSpec, Progress

if TYPE_CHECKING:
    from inference.models.store import ModelEntry

from .engine_thread import Job

COLLECTION = "default"  # the app's one document collection

# (model ref, engine choice) -> an Engine; called on the engine thread (see app/engine_open.py)
Opener = Callable[[str, str], Engine]

# (server URL, API key or None, cancel) -> (its normalised endpoint, the model ids it lists,
# whether it is plain http to another machine); Settings -> Servers' connection test, run on a
# worker (see app/engine_open.py)
ServerProbe = Callable[[str, str | None, CancelToken], tuple[str, list[str], bool]]

# (request, intent) -> the job that answers it (see app/jobs.py)
JobFactory = Callable[[GenerationRequest, str], Job]


class Models(Protocol):
    """The models folder as the model picker and the first-run page use it
    (inference.models.store.ModelStore; GUI tests pass fakes)."""

    @property
    def models_dir(self) -> Path: ...

    @property
    def catalog(self) -> tuple[ModelSpec, ...]: ...

    def entries(self) -> list[ModelEntry]: ...

    def download(
        self,
        model_id: str,
        *,
        progress: Callable[[Progress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> object: ...

    def import_path(self, path: Path) -> str: ...


class IndexedFile(Protocol):
    """A file of the document library as the panel lists it (inference.docs.FileInfo)."""

    @property
    def path(self) -> Path: ...

    @property
    def status(self) -> object: ...  # a FileStatus (a str enum)

    @property
    def error(self) -> object: ...  # an ErrorCode or None

    @property
    def error_detail(self) -> str: ...


class Library(Protocol):
    """The document library as the documents panel drives it, from its worker thread."""

    def resume(
        self, collection: str, progress: Callable[[object], None], cancel: CancelToken
    ) -> Sequence[IndexedFile]: ...

    def add(
        self,
        paths: Iterable[Path],
        collection: str,
        progress: Callable[[object], None],
        cancel: CancelToken,
    ) -> Sequence[IndexedFile]: ...

    def remove(self, paths: Iterable[Path], collection: str) -> Sequence[IndexedFile]: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Backend:
    """What the window runs its work with: made by app/backend.py (tests pass a fake opener)."""

    opener: Opener
    library: Library
    job_for: JobFactory
    probe: ServerProbe | None = None  # None: no servers (GUI tests without one)
