"""Work-arounds for bugs in the Qt bindings, applied once at start-up.

PySide6 6.12.0 on CPython < 3.12 returns borrowed references to singletons: every call of a
void C++ method (QTimer.stop, QWidget.resize, QCoreApplication.processEvents, ...) drops one
reference to None, and every Python-side `SignalInstance.emit()` drops one to True (measured
here: -100 references per 100 calls; PySide6 6.11.0 loses none). After enough calls the
process aborts with "Fatal Python error: none_dealloc" (or bool_dealloc), which in a GUI that
streams tokens takes seconds. CPython 3.12 made these singletons immortal, which hides the bug.
Until the bindings are fixed (or pinned below 6.12), give the affected singletons a reference
count that cannot reach zero: what CPython 3.12 does by design. Bindings without the leak are
left alone.
"""

from __future__ import annotations

import sys

_BALLAST = 1 << 40
_applied: set[str] = set()


def measure_leaks(calls: int = 64) -> dict[str, int]:
    """References lost per call: {"None": ..., "True": ..., "False": ...} (0 when fixed)."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class _Probe(QObject):
        ping = Signal()

    probe, timer = _Probe(), QTimer()
    before = {k: sys.getrefcount(v) for k, v in _SINGLETONS.items()}
    for _ in range(calls):
        probe.ping.emit()
        timer.stop()
    return {k: round((before[k] - sys.getrefcount(v)) / calls) for k, v in _SINGLETONS.items()}


_SINGLETONS = {"None": None, "True": True, "False": False}


def guard_refcount_leaks() -> set[str]:
    """Apply the work-around for each leaking singleton; returns the names protected."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return set()
    import ctypes

    for name, lost in measure_leaks().items():
        if lost > 0 and name not in _applied:
            ctypes.c_ssize_t.from_address(id(_SINGLETONS[name])).value += _BALLAST
            _applied.add(name)
    return set(_applied)
