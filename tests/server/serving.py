"""Start `cairn serve --port 0 --json` as a child process and stop it by its PID.

Shared by the server tests and bench/server.py. Only 127.0.0.1 is ever involved.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Served:
    proc: subprocess.Popen
    url: str  # http://127.0.0.1:PORT/v1
    token: str
    model: str
    stderr: list[str]

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1].split("/")[0])

    @property
    def base(self) -> str:
        return self.url[: -len("/v1")]

    def auth(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}"}


def start_server(model: Path, home: Path, *extra: str, timeout: float = 120.0) -> Served:
    env = dict(os.environ)
    env["CAIRN_HOME"] = str(home)
    env.pop("CAIRN_API_TOKEN", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    cmd = [
        sys.executable,
        "-m",
        "app.launcher",
        "serve",
        "--model",
        str(model),
        "--port",
        "0",
        "--json",
        *extra,
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    stderr: list[str] = []
    threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True).start()
    line: list[str] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not line or not line[0].strip():
        stop_server(proc)
        raise AssertionError(f"cairn serve printed no line; stderr: {''.join(stderr)}")
    info = json.loads(line[0])
    return Served(proc, info["url"], info["token"], info["model"], stderr)


def stop_server(proc: subprocess.Popen) -> int | None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    return proc.returncode
