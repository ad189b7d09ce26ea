"""Background work off the GUI thread on a QThreadPool (downloads, imports, hashing).

The task gets a narrow state (a progress callback and a CancelToken), never a widget; results
come back as queued signals. Model work does not go here: it belongs to the engine thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from inference.cancel import Cancelled, CancelToken
from inference.errors import CairnError, ErrorCode

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskSignals(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(str, str)  # ErrorCode value, detail
    cancelled = Signal()


class Task(QRunnable):
    """Runs fn(progress, cancel) and reports done / failed / cancelled exactly once."""

    def __init__(self, fn: Callable[[Callable[[object], None], CancelToken], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps it until a result arrives
        self.fn = fn
        self.cancel_token = CancelToken()
        self.signals = TaskSignals()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self.cancel_token)
        except Cancelled:
            self.signals.cancelled.emit()
        except CairnError as e:
            self.signals.failed.emit(e.code.value, e.detail)
        except Exception as e:  # reported as a line, logged in full
            log.exception("background task failed")
            self.signals.failed.emit(ErrorCode.INTERNAL.value, f"{type(e).__name__}: {e}")
        else:
            self.signals.done.emit(result)


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    (pool or QThreadPool.globalInstance()).start(task)
    return task


_KEEP: set[Task] = set()  # tasks still running for a view that may already be closed


class LatestOnly:
    """Background loads for a view that only wants the newest answer (seek a video, turn a page).

    Each submit supersedes the ones before: their results are dropped when they arrive. Tasks are
    kept alive until they end, even if the view that asked goes first.
    """

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool
        self._serial = 0
        self._running: dict[int, Task] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[str, str], None],
    ) -> None:
        self._serial += 1
        serial = self._serial
        task = Task(lambda _progress, _cancel: fn())
        self._running[serial] = task
        _KEEP.add(task)

        def finish(deliver, *args) -> None:
            self._running.pop(serial, None)
            _KEEP.discard(task)
            if serial == self._serial:
                deliver(*args)

        task.signals.done.connect(lambda result: finish(on_done, result))
        task.signals.failed.connect(lambda code, detail: finish(on_failed, code, detail))
        start(task, self.pool)
