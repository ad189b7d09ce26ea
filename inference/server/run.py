"""Run the app with uvicorn on a socket bound here (so --port 0 knows its port before serving).

Stopping is immediate: SIGINT / SIGTERM (or stop() from the GUI) cancel every generation in
flight and waiting; open streams end at the engine's next token (they are told the server is
shutting down) and uvicorn exits, cancelling whatever is left after a second. uvicorn's own
signal handling is replaced: it would wait for clients, then re-raise the signal.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import signal
import socket
import threading

import uvicorn

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket; raises OSError (port taken, address not here)."""
    host = host.strip("[]")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def url_for(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/v1"


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_stop) -> None:
        super().__init__(config)
        self._on_stop = on_stop

    def handle_exit(self, sig: int, frame) -> None:  # SIGINT, SIGTERM: stop at once
        if self.should_exit:
            self.force_exit = True  # a second signal: do not even wait for the last token
        self.stop()

    def stop(self) -> None:
        """Cancel every generation, then exit: open streams end at the engine's next token
        (within timeout_graceful_shutdown, after which uvicorn cancels what is left)."""
        self._on_stop()
        self.should_exit = True

    @contextlib.contextmanager
    def capture_signals(self):
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {
            sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


class _QuietCancel(logging.Filter):
    """Drops uvicorn's "Exception in ASGI application" for a task cancelled at shutdown."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, asyncio.CancelledError)


def make_server(app, *, on_stop=lambda: None) -> _Server:
    quiet = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietCancel) for f in quiet.filters):
        quiet.addFilter(_QuietCancel())
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        # open streams get up to 2 s to send their shutting_down error (a token on a loaded CPU
        # can take a second), then uvicorn closes what is left
        timeout_graceful_shutdown=2,
        server_header=False,
        date_header=False,
    )
    return _Server(config, on_stop)


def serve_blocking(app, sock: socket.socket, *, on_stop=lambda: None) -> None:
    """Serve until SIGINT / SIGTERM (call on the main thread)."""
    server = make_server(app, on_stop=on_stop)
    server.run(sockets=[sock])


class BackgroundServer:
    """uvicorn on a thread of its own (the GUI's server); stop() ends it within a moment."""

    def __init__(self, app, sock: socket.socket, *, on_stop=lambda: None) -> None:
        self.sock = sock
        self.url = url_for(sock)
        self._server = make_server(app, on_stop=on_stop)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [sock]},
            name="cairn-api-server",
            daemon=True,
        )

    def start(self) -> BackgroundServer:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> bool:
        self._server.stop()
        self._thread.join(timeout)
        with contextlib.suppress(OSError):
            self.sock.close()
        return not self._thread.is_alive()
