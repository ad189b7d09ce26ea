"""Fixtures for the remote engine: llama-cpp-python's server on a tiny GGUF, `cairn serve`, and a
scripted server; every one on 127.0.0.1 and stopped in teardown whatever the test did."""

from __future__ import annotations

import pytest

from tests.remote.servers import ScriptedServer, start_llama_server, stop_llama_server


@pytest.fixture(scope="module")
def tiny_gguf_dir(tmp_path_factory):
    from tests.fixtures.tiny_gguf import build_tiny_gguf

    return build_tiny_gguf(tmp_path_factory.mktemp("remote-gguf") / "tiny-remote", vision=True)


@pytest.fixture(scope="module")
def llama_server(tiny_gguf_dir):
    server = start_llama_server(tiny_gguf_dir / "tiny-qwen3.5-F32.gguf")
    try:
        yield server
    finally:
        stop_llama_server(server)


@pytest.fixture(scope="module")
def cairn_server(tiny_gguf_dir, tmp_path_factory):
    from tests.server.serving import start_server, stop_server

    served = start_server(tiny_gguf_dir, tmp_path_factory.mktemp("remote-serve-home"))
    try:
        yield served
    finally:
        stop_server(served.proc)


@pytest.fixture
def scripted():
    server = ScriptedServer()
    try:
        yield server
    finally:
        server.stop()
