"""Which models are loaded right now, by any Cairn process: removing one of them is refused.

A process that loads a model from the models folder holds an exclusive file lock on its own
marker, `<models>/.in-use/<id>@<pid>-<n>.lock`, until it closes the engine (or dies: the operating
system drops the lock). `ModelStore.remove` tries each marker of the model: one it cannot lock
belongs to a live holder, so the removal is refused with one line; one it can lock is left over
from a crash and is deleted. filelock gives the same behaviour on POSIX (fcntl) and Windows
(msvcrt), and a second process or a second lock in the same process both see the holder.
"""

from __future__ import annotations

import itertools
import logging
import os
from pathlib import Path

from ..engine import Engine
from ..errors import CairnError, ErrorCode
from .manifest import MANIFEST_NAME

log = logging.getLogger(__name__)

IN_USE_DIR = ".in-use"
_SERIAL = itertools.count()  # one marker per load, several loads per process possible


class Hold:
    """A model marked loaded by this process until `release()`."""

    def __init__(self, lock: object, path: Path) -> None:
        self._lock = lock
        self.path = path

    def release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is None:
            return
        lock.release()  # type: ignore[attr-defined]
        self.path.unlink(missing_ok=True)


def hold(model_path: Path) -> Hold | None:
    """Mark the model at `model_path` loaded by this process. None when it is not a model of a
    models folder (a path given on the command line: nobody can remove it through Cairn) or the
    marker cannot be written (a read-only folder): loading never fails because of this."""
    from filelock import FileLock, Timeout

    folder = Path(model_path)
    folder = folder if folder.is_dir() else folder.parent
    if not (folder / MANIFEST_NAME).is_file():
        return None
    marker = folder.parent / IN_USE_DIR / f"{folder.name}@{os.getpid()}-{next(_SERIAL)}.lock"
    try:
        marker.parent.mkdir(exist_ok=True)
        lock = FileLock(str(marker), is_singleton=False)
        lock.acquire(timeout=0)
    except (OSError, Timeout):
        log.debug("cannot mark %s in use", folder, exc_info=True)
        return None
    return Hold(lock, marker)


def holders(models_dir: Path, model_id: str) -> int:
    """How many live processes hold `model_id` loaded (stale markers are deleted)."""
    from filelock import FileLock, Timeout

    folder = models_dir / IN_USE_DIR
    if not folder.is_dir():
        return 0
    live = 0
    for marker in folder.glob("*@*.lock"):
        if marker.name.rsplit("@", 1)[0] != model_id:
            continue
        probe = FileLock(str(marker), is_singleton=False)
        try:
            probe.acquire(timeout=0)
        except Timeout:
            live += 1
            continue
        except OSError:
            continue
        probe.release()
        marker.unlink(missing_ok=True)  # left by a process that died
    return live


def refuse_if_loaded(models_dir: Path, model_id: str) -> None:
    """CairnError(MODEL_IN_USE) when a Cairn process has `model_id` loaded."""
    if holders(models_dir, model_id):
        raise CairnError(ErrorCode.MODEL_IN_USE, model_id)


def held_while_open(engine: Engine, model_path: Path) -> Engine:
    """Mark the model at `model_path` loaded until `engine` closes (its close() releases the
    mark; an engine dropped without close() releases it when collected). The front ends call
    this right after open_engine: engines/ sits below models/ and cannot."""
    import weakref

    held = hold(model_path)
    if held is None:
        return engine
    close = engine.close

    def close_and_release() -> None:
        try:
            close()
        finally:
            held.release()

    setattr(engine, "close", close_and_release)  # noqa: B010 - this instance's own close
    weakref.finalize(engine, held.release)
    return engine
