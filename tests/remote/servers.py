"""Servers the remote engine is tested against, all on 127.0.0.1.

- `LlamaServer`: llama-cpp-python's own OpenAI-compatible server (`python -m llama_cpp.server`)
  serving a tiny GGUF: a real server that is not ours. It ignores SIGTERM while generating, so
  it is stopped with SIGKILL by its PID, whatever the test did.
- `ScriptedServer`: a small stdlib HTTP server in a thread whose answers a test scripts (status
  codes, broken or slow streams, redirects) and which records every request it gets: what a real
  server does only when something is wrong.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
KEY = "test-key-7f3a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LlamaServer:
    proc: subprocess.Popen
    port: int
    model: str
    key: str = KEY

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def start_llama_server(
    gguf: Path, alias: str = "tiny-remote", timeout: float = 60.0
) -> LlamaServer:
    import httpx

    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(gguf),
            "--model_alias",
            alias,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--api_key",
            KEY,
            "--n_ctx",
            "2048",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = LlamaServer(proc, port, alias)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"llama_cpp.server exited with {proc.returncode}")
        try:
            r = httpx.get(
                server.url + "/models", headers={"Authorization": f"Bearer {KEY}"}, timeout=2
            )
            if r.status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_llama_server(server)
    raise AssertionError("llama_cpp.server did not start")


def stop_llama_server(server: LlamaServer) -> None:
    if server.proc.poll() is None:
        os.kill(server.proc.pid, signal.SIGKILL)  # it ignores SIGTERM while generating
    server.proc.wait(10)


# -- a scripted server ---------------------------------------------------------------------------


def sse(events: list[Any], done: bool = True) -> bytes:
    out = b"".join(b"data: " + json.dumps(e).encode() + b"\n\n" for e in events)
    return out + (b"data: [DONE]\n\n" if done else b"")


def delta(content: str = "", reasoning: str = "", finish: str | None = None) -> dict:
    d: dict[str, Any] = {}
    if content:
        d["content"] = content
    if reasoning:
        d["reasoning_content"] = reasoning
    return {"choices": [{"index": 0, "delta": d, "finish_reason": finish}]}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the status line
    cut: bool = False  # close the connection after the body, mid-stream (no [DONE])
    trickle_s: float = 0.0  # pause between SSE events


def models_reply(*ids: str) -> Reply:
    body = json.dumps({"object": "list", "data": [{"id": i, "object": "model"} for i in ids]})
    return Reply(body=body.encode(), headers={"Content-Type": "application/json"})


def stream_reply(events: list[Any], **kw: Any) -> Reply:
    return Reply(
        body=sse(events, done=not kw.get("cut", False)),
        headers={"Content-Type": "text/event-stream"},
        **kw,
    )


class ScriptedServer:
    """Answers GET /v1/models and POST /v1/chat/completions from scripts; records requests."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.models = models_reply("scripted")
        self.chat: list[Reply] | Callable[[dict], Reply] = [
            stream_reply([delta("hi", finish="stop")])
        ]
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a: Any) -> None:
                pass

            def _answer(self, reply: Reply) -> None:
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                try:
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if reply.trickle_s or reply.cut:
                        self.send_header("Connection", "close")
                    else:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.trickle_s:
                        for part in reply.body.split(b"\n\n"):
                            if part:
                                self.wfile.write(part + b"\n\n")
                                self.wfile.flush()
                                time.sleep(reply.trickle_s)
                    else:
                        self.wfile.write(reply.body)
                    if reply.cut or reply.trickle_s:
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def do_GET(self) -> None:
                outer.requests.append(
                    {"method": "GET", "path": self.path, "headers": dict(self.headers)}
                )
                self._answer(outer.models if self.path.endswith("/models") else Reply(404))

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(n) or b"{}")
                outer.requests.append(
                    {
                        "method": "POST",
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                    }
                )
                chat = outer.chat
                reply = (
                    chat(body) if callable(chat) else (chat.pop(0) if len(chat) > 1 else chat[0])
                )
                self._answer(reply)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def posts(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == "POST"]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
