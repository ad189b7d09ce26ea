"""Parse untrusted files in a child process with time, CPU, memory, file and process limits.

A damaged PDF can hang or crash PDFium, and a crafted DOCX can ask for gigabytes: either would
take the whole app down if parsed in-process. The child is started with the "spawn" method (no
inherited state, works the same on Windows and macOS), limits itself (inference/limits.py:
address space, CPU seconds per file, no file writes, no child processes on POSIX; a job object
with a memory limit on Windows) and parses one file per request. A file that times out or kills
the child fails with a code; the child is restarted for the next file, so the batch goes on. A
child whose parent died leaves quietly.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ..cancel import Cancelled, CancelToken
from ..errors import CairnError, ErrorCode
from ..limits import ChildLimits, cpu_budget_from_now, limit_self, quiet_exit, stop_child
from .records import Parsed

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_MB = 2048
STARTUP_TIMEOUT_S = 60.0


def _child_main(conn, limits: ChildLimits, cpu_s: float) -> None:
    """The child's loop: receive a path, send back ("ok", Parsed) or ("err", code, detail).

    The parsers are imported first (our code), then the limits are set (nothing started after
    them may fork, write files or run long), then files are parsed one at a time. When the
    parent is gone the pipe breaks and the child leaves quietly, without a traceback."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
        from .extract import extract

        failed = limit_self(limits)
        if failed:
            log.debug("document parser: limits not available here: %s", failed)
        conn.send(("hello",))
        while True:
            request = conn.recv()
            if request is None:
                return
            try:
                conn.send(_parse_one(extract, request, cpu_s))
            except MemoryError:  # the parsed text itself was too big to send
                conn.send(
                    ("err", ErrorCode.DOC_TOO_LARGE.value, f"{request}: over the memory limit")
                )
    except (EOFError, OSError, KeyboardInterrupt):
        quiet_exit()  # the parent is gone: no traceback from an orphan


def _parse_one(extract, request: str, cpu_s: float) -> tuple:
    try:
        cpu_budget_from_now(cpu_s)
        return ("ok", extract(Path(request)))
    except CairnError as e:
        return ("err", e.code.value, e.detail)
    except MemoryError:
        return ("err", ErrorCode.DOC_TOO_LARGE.value, f"{request}: over the memory limit")
    except RecursionError:
        return ("err", ErrorCode.DOC_MALFORMED.value, f"{request}: nested too deeply")
    except Exception as e:  # noqa: BLE001 - a parser bug on a hostile file is its failure
        return ("err", ErrorCode.DOC_MALFORMED.value, f"{request}: {type(e).__name__}: {e}")


class SandboxedParser:
    """A reusable child process parsing one file at a time. Use as a context manager."""

    def __init__(
        self, *, timeout_s: float = DEFAULT_TIMEOUT_S, memory_mb: int | None = DEFAULT_MEMORY_MB
    ) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        # CPU seconds per file: the wall-clock limit too (a parser blocked on I/O uses none)
        self.limits = ChildLimits(
            memory_mb=memory_mb, cpu_s=timeout_s, file_size_bytes=0, no_children=True
        )
        self._ctx = multiprocessing.get_context("spawn")
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> SandboxedParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> None:
        """Start the child and wait for its hello. A child that cannot start is our failure,
        not the document's: CairnError(INTERNAL) ends the batch and the files stay queued."""
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_child_main,
            args=(child, self.limits, self.timeout_s),
            name="cairn-doc-parser",
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        try:
            if parent.poll(STARTUP_TIMEOUT_S) and parent.recv() == ("hello",):
                return
        except (EOFError, OSError):
            log.debug("document parser gave no hello", exc_info=True)  # INTERNAL below
        process.join(1)
        code = process.exitcode
        self._kill()
        raise CairnError(ErrorCode.INTERNAL, f"the document parser process did not start ({code})")

    def _kill(self) -> None:
        stop_child(self._process, self._conn)
        self._process = self._conn = None

    def close(self) -> None:
        if self._process is not None and self._process.is_alive():
            try:
                if self._conn is not None:
                    self._conn.send(None)
                self._process.join(2)
            except (OSError, ValueError):  # the child is gone already: _kill tidies up
                log.debug("document parser did not take its stop message", exc_info=True)
        self._kill()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def parse(self, path: Path, cancel: CancelToken | None = None) -> Parsed:
        """Parse `path` in the child. Raises CairnError(DOC_*) or Cancelled (the child is killed)."""
        if self._process is None or not self._process.is_alive():
            self._kill()
            self._start()
        conn, process = self._conn, self._process
        assert conn is not None and process is not None  # _start set both or raised
        try:
            conn.send(str(path))
        except (OSError, ValueError):
            self._kill()
            raise CairnError(
                ErrorCode.DOC_MALFORMED, f"{path}: the parser process stopped"
            ) from None
        deadline = time.monotonic() + self.timeout_s
        while True:
            if cancel is not None and cancel.cancelled:
                self._kill()
                raise Cancelled()
            left = deadline - time.monotonic()
            if left <= 0:
                self._kill()
                raise CairnError(ErrorCode.DOC_TIMEOUT, f"{path}: over {self.timeout_s:g} s")
            try:
                ready = conn.poll(min(left, 0.1))
                reply = conn.recv() if ready else None
            except (EOFError, OSError):
                code = process.exitcode
                self._kill()
                raise _stopped(path, code) from None
            if reply is None:
                if not process.is_alive() and not conn.poll(0):
                    code = process.exitcode
                    self._kill()
                    raise _stopped(path, code)
                continue
            if reply[0] == "ok":
                return reply[1]
            raise CairnError(ErrorCode(reply[1]), reply[2])


def _stopped(path: Path, code: int | None) -> CairnError:
    """The error for a parser child that died on `path` (exit code `code`)."""
    if code == -getattr(signal, "SIGXCPU", -1000):
        return CairnError(ErrorCode.DOC_TIMEOUT, f"{path}: over the CPU time limit")
    return CairnError(
        ErrorCode.DOC_MALFORMED,
        f"{path}: the parser stopped (exit code {code}); damaged or too large",
    )
