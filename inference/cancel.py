"""Cooperative cancellation shared between the GUI thread and the engine thread."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """Raised by pipelines whose partial output is useless (download, ingest)."""


class CancelToken:
    """A thin wrapper over threading.Event: the GUI sets it, the worker polls it.

    Answers end normally with finish_reason "cancelled" when it is set; pipelines that have
    nothing useful to keep call `raise_if_cancelled()`.
    """

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds, waking early on cancel. Returns True if cancelled."""
        return self._event.wait(timeout)
