"""`cairn serve` started as a real subprocess on a tiny GGUF, and talked to from outside.

The server process is stopped by its PID in the fixture's teardown (SIGTERM, then SIGKILL),
whatever the test did. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import time

import pytest

from tests.server.serving import Served, start_server, stop_server

__all__ = ["Served", "start_server", "stop_server", "wait_until"]


@pytest.fixture(scope="module")
def gguf_models(tmp_path_factory):
    from tests.fixtures.tiny_gguf import build_tiny_gguf

    root = tmp_path_factory.mktemp("serve-gguf")
    return {"vision": build_tiny_gguf(root / "tiny-vision", vision=True)}


@pytest.fixture(scope="module")
def served(gguf_models, tmp_path_factory):
    """One server for the module: small body limit and queue, so 413 and 429 are reachable."""
    home = tmp_path_factory.mktemp("serve-home")
    s = start_server(gguf_models["vision"], home, "--max-body-mb", "4", "--queue", "6")
    try:
        yield s
    finally:
        stop_server(s.proc)


def wait_until(predicate, timeout: float, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
