"""Limits a child process puts on itself before it touches untrusted input.

Two children run code or parsers on files that came from outside: the document parser
(docs/sandbox.py) and the chat-template renderer (engines/template_guard.py). Each calls
`limit_self` first thing, so that a hostile file costs at most:

- memory: RLIMIT_AS on POSIX; on Windows a job object with a process memory limit (written with
  ctypes against the documented kernel32 API; it cannot run on the Linux machines the tests run
  on, so only its POSIX half is exercised there);
- CPU time: RLIMIT_CPU (the parent's wall-clock timeout still applies: a child blocked on I/O
  uses no CPU);
- file size: RLIMIT_FSIZE (a parser has no reason to write files; 0 means none at all);
- processes: RLIMIT_NPROC 0 where the platform allows it, so the child cannot start programs
  (on Windows the job object's active-process limit of 1 does the same).

`quiet_when_orphaned` makes a child whose parent died leave without a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChildLimits:
    """What a child may use. None: no limit of that kind."""

    memory_mb: int | None = 2048
    cpu_s: float | None = None
    file_size_bytes: int | None = 0
    no_children: bool = True


def limit_self(limits: ChildLimits) -> list[str]:
    """Apply `limits` to the calling process. Returns the names of the limits that could not be
    set (an rlimit the platform lacks): the caller may log them, nothing else to do."""
    if sys.platform == "win32":
        return _limit_windows(limits)
    return _limit_posix(limits)


def _limit_posix(limits: ChildLimits) -> list[str]:
    import resource

    failed: list[str] = []

    def cap(name: str, value: int) -> None:
        kind = getattr(resource, name, None)
        if kind is None:
            failed.append(name)
            return
        soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        try:
            resource.setrlimit(kind, (value, hard))
        except (ValueError, OSError):
            failed.append(name)

    if limits.memory_mb:
        cap("RLIMIT_AS", limits.memory_mb * 1024 * 1024)
    if limits.cpu_s:
        cap("RLIMIT_CPU", int(limits.cpu_s))
    if limits.file_size_bytes is not None:
        cap("RLIMIT_FSIZE", int(limits.file_size_bytes))
        if limits.file_size_bytes == 0:
            import signal

            # writing past the limit raises SIGXFSZ, which would kill the child: make it an
            # OSError (EFBIG) that the child reports as the file's failure
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if limits.no_children:
        # RLIMIT_NPROC counts every process of the user: 0 refuses any new one (fork fails
        # with EAGAIN). root is exempt on Linux; that is the kernel's rule, not ours.
        cap("RLIMIT_NPROC", 0)
    return failed


def cpu_budget_from_now(cpu_s: float) -> None:
    """Let the calling process use `cpu_s` more seconds of CPU (RLIMIT_CPU counts the whole
    life of a process, and a reused child handles one request after another). POSIX only."""
    if sys.platform == "win32":
        return  # the job object's per-process time limit is set once
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = used + max(1, int(cpu_s + 0.999))
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


# -- Windows: a job object with a memory limit --------------------------------------------------
# Not runnable on the Linux test machines; the structures follow winnt.h.
_JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
_JOB_OBJECT_LIMIT_ACTIVE_PROCESS = 0x00000008
_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9


def _limit_windows(limits: ChildLimits) -> list[str]:
    """Put this process in a new job object limited in memory, CPU time and process count.

    The job handle is deliberately kept open (never closed) for the life of the process: with
    KILL_ON_JOB_CLOSE the process ends if it is ever closed."""
    import ctypes
    from ctypes import wintypes

    class IoCounters(ctypes.Structure):
        _fields_ = [(n, ctypes.c_ulonglong) for n in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount",
        )]  # fmt: skip

    class BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", wintypes.LARGE_INTEGER),
            ("PerJobUserTimeLimit", wintypes.LARGE_INTEGER),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", BasicLimits),
            ("IoInfo", IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return ["job object"]
    info = ExtendedLimits()
    flags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    if limits.memory_mb:
        flags |= _JOB_OBJECT_LIMIT_PROCESS_MEMORY
        info.ProcessMemoryLimit = limits.memory_mb * 1024 * 1024
    # no per-process CPU limit: on Windows it counts the whole life of a reused child and cannot
    # be moved per request; the parent's wall-clock timeout bounds each request instead
    if limits.no_children:
        flags |= _JOB_OBJECT_LIMIT_ACTIVE_PROCESS
        info.BasicLimitInformation.ActiveProcessLimit = 1
    info.BasicLimitInformation.LimitFlags = flags
    ok = kernel32.SetInformationJobObject(
        job, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(info), ctypes.sizeof(info)
    )
    if not ok or not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        return ["job object"]
    _KEPT.append(job)
    return []  # no file-size limit on Windows: the parsers write nothing


_KEPT: list[object] = []  # the Windows job handle, open for the life of the process


def quiet_exit() -> None:
    """Leave at once, silently: the parent is gone (a broken pipe), nobody reads our output, and
    interpreter shutdown could print a traceback from a half-torn-down module."""
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(0)


def stop_child(process: Any, conn: Any) -> None:
    """Kill a limited child (a multiprocessing Process) and close its pipe end: what the parser
    sandbox and the chat-template guard do when a child is over budget, cancelled or done."""
    if process is not None:
        process.kill()
        process.join(5)
        process.close()
    if conn is not None:
        conn.close()
