"""`cairn chat|summarize|docs ask --engine remote` as a person runs it, against llama-cpp-python's
own server (a real server that is not ours) and `cairn serve`, each a child process on 127.0.0.1.

Covers the issue's "done when": JSON with engine "remote"; a wrong key and a dead endpoint each
one clean line naming the cause; docs ask answering from indexed documents; only the endpoint
contacted (strace of every connect() the command makes); the key from the keychain entry.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.remote.servers import KEY, ROOT, ScriptedServer, delta, free_port, stream_reply

pytestmark = pytest.mark.slow


def cairn(args, home: Path, *, key: str | None = KEY, stdin: str | None = None, prefix=(), **env):
    environ = dict(os.environ)
    environ.pop("OPENAI_API_KEY", None)
    environ.update(CAIRN_HOME=str(home), **env)
    if key is not None:
        environ["OPENAI_API_KEY"] = key
    return subprocess.run(
        [*prefix, sys.executable, "-m", "app.launcher", *args],
        cwd=ROOT,
        env=environ,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


def one_error_line(proc) -> str:
    assert proc.returncode == 1, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_chat_json_against_llama_cpp_server(llama_server, tmp_path):
    out = cairn(
        [
            "chat",
            "Say hello",
            "--engine",
            "remote",
            "--endpoint",
            llama_server.url,
            "--max-tokens",
            "8",
            "--json",
        ],
        tmp_path,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["engine"] == "remote"
    assert result["device"] == "127.0.0.1"
    assert result["model"] == llama_server.model
    assert result["text"] and result["finish_reason"] == "length"
    assert result["generation_tokens"] >= 8 and result["ttft_s"] > 0


def test_wrong_key_and_dead_endpoint_each_one_line(llama_server, tmp_path):
    line = one_error_line(
        cairn(
            ["chat", "hi", "--engine", "remote", "--endpoint", llama_server.url],
            tmp_path,
            key="wrong",
        )
    )
    assert "key was refused" in line and "401" in line
    line = one_error_line(
        cairn(
            ["chat", "hi", "--engine", "remote", "--endpoint", llama_server.url], tmp_path, key=None
        )
    )
    assert "wants a key" in line
    dead = f"http://127.0.0.1:{free_port()}/v1"
    line = one_error_line(cairn(["chat", "hi", "--engine", "remote", "--endpoint", dead], tmp_path))
    assert "cannot reach the server" in line and "refused" in line.lower()
    line = one_error_line(
        cairn(
            ["chat", "hi", "--engine", "remote", "--endpoint", llama_server.url, "--model", "nope"],
            tmp_path,
        )
    )
    assert "does not offer that model" in line and llama_server.model in line
    line = one_error_line(cairn(["chat", "hi", "--engine", "remote"], tmp_path))
    assert "--endpoint" in line
    line = one_error_line(cairn(["chat", "hi", "--endpoint", llama_server.url], tmp_path))
    assert "--engine remote" in line


def test_docs_ask_answers_from_indexed_documents(llama_server, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "keeper.txt").write_text(
        "The lighthouse at Skerry Point is kept by Ingrid Salvesen since 1998.\n"
    )
    added = cairn(["docs", "add", str(docs / "keeper.txt"), "--no-dense"], tmp_path)
    assert added.returncode == 0, added.stderr
    question = ["Who keeps the lighthouse at Skerry Point?"]
    strace = ("strace", "-f", "-qq", "-e", "trace=connect", "-o", str(tmp_path / "docs.trace"))
    out = cairn(
        [
            "docs",
            "ask",
            "--engine",
            "remote",
            "--endpoint",
            llama_server.url,
            "--max-tokens",
            "8",
            "--json",
            "--no-dense",
            *question,
        ],
        tmp_path,
        prefix=strace if shutil.which("strace") else (),
    )
    assert out.returncode == 0, out.stderr
    if shutil.which("strace"):  # documents are searched here; only the answer is asked there
        assert_only_contacted(tmp_path / "docs.trace", llama_server.port)
    result = json.loads(out.stdout)
    assert (result["engine"], result["model"]) == ("remote", llama_server.model)
    assert result["reply"] is None and result["text"]
    # what the server was asked holds the indexed passage (a scripted server records it)
    scripted = ScriptedServer()
    try:
        scripted.chat = [stream_reply([delta("Ingrid Salvesen [1]", finish="stop")])]
        out = cairn(
            [
                "docs",
                "ask",
                "--engine",
                "remote",
                "--endpoint",
                scripted.url,
                "--json",
                "--no-dense",
                *question,
            ],
            tmp_path,
        )
        assert out.returncode == 0, out.stderr
        sent = json.dumps(scripted.posts()[0]["body"]["messages"])
        assert "Ingrid Salvesen since 1998" in sent
        assert json.loads(out.stdout)["citations"]
    finally:
        scripted.stop()


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_only_the_endpoint_is_contacted(llama_server, tmp_path):
    """Every connect() of the command and its threads, seen by strace: the endpoint's port only."""
    trace = tmp_path / "connect.trace"
    out = cairn(
        [
            "chat",
            "hello",
            "--engine",
            "remote",
            "--endpoint",
            llama_server.url,
            "--max-tokens",
            "4",
            "--json",
        ],
        tmp_path,
        prefix=("strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace)),
    )
    assert out.returncode == 0, out.stderr
    assert_only_contacted(trace, llama_server.port)


def assert_only_contacted(trace: Path, port: int) -> None:
    """Every AF_INET/AF_INET6 connect() in an strace log went to 127.0.0.1:`port`."""
    calls = [line for line in trace.read_text().splitlines() if "connect(" in line]
    inet = [line for line in calls if "AF_INET" in line]
    assert inet, calls  # the trace did see the command's connections
    for line in inet:
        found = re.search(r"sin6?_port=htons\((\d+)\)", line)
        addr = re.search(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"', line)
        assert found and int(found.group(1)) == port, line
        assert addr and (addr.group(1) or addr.group(2)) in ("127.0.0.1", "::ffff:127.0.0.1"), line


def test_key_from_the_keychain_entry_for_the_endpoint(llama_server, tmp_path):
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.remote.file_keyring.FileKeyring",
        "CAIRN_TEST_KEYRING": str(tmp_path / "keyring.json"),
    }
    stored = cairn(
        ["remote", "key", llama_server.url.removesuffix("/v1")],
        tmp_path,
        key=None,
        stdin=KEY + "\n",
        **env,
    )
    assert stored.returncode == 0, stored.stderr
    assert KEY not in stored.stdout + stored.stderr
    chat = [
        "chat",
        "hi",
        "--engine",
        "remote",
        "--endpoint",
        llama_server.url,
        "--max-tokens",
        "2",
        "--json",
    ]
    out = cairn(chat, tmp_path, key=None, **env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["engine"] == "remote"
    # OPENAI_API_KEY comes first
    assert "key was refused" in one_error_line(cairn(chat, tmp_path, key="wrong", **env))
    cleared = cairn(["remote", "key", llama_server.url, "--clear"], tmp_path, key=None, **env)
    assert cleared.returncode == 0, cleared.stderr
    assert "wants a key" in one_error_line(cairn(chat, tmp_path, key=None, **env))
    # never from an argument
    bad = cairn(["remote", "key", llama_server.url, KEY], tmp_path, key=None, **env)
    assert bad.returncode == 2


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_plain_http_to_another_machine_warns(tmp_path):
    """Inside a network namespace with no interfaces, so nothing can leave this machine."""
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("user namespaces are not allowed here")
    out = cairn(
        ["chat", "hi", "--engine", "remote", "--endpoint", "http://10.11.12.13:8000/v1"],
        tmp_path,
        prefix=("unshare", "-rn"),
        CAIRN_REMOTE_TIMEOUT="3",
    )
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2, out.stderr
    assert lines[0].startswith("warning: http://10.11.12.13:8000/v1 is plain http")
    assert lines[1].startswith("error: cannot reach the server")


def test_against_cairn_serve_with_thinking_and_an_image(cairn_server, tmp_path):
    from PIL import Image

    Image.new("RGB", (64, 48), (200, 30, 30)).save(tmp_path / "red.png")
    out = cairn(
        [
            "chat",
            "What colour?",
            "--image",
            str(tmp_path / "red.png"),
            "--think",
            "--engine",
            "remote",
            "--endpoint",
            cairn_server.url,
            "--max-tokens",
            "6",
            "--json",
        ],
        tmp_path,
        key=cairn_server.token,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert (result["engine"], result["model"]) == ("remote", cairn_server.model)
    assert result["thinking"]  # reasoning_content, streamed apart from the answer
    assert result["prompt_tokens"] > 20  # the server's usage: the image's tokens included
    assert result["generation_tokens"] == 6


def test_summarize_a_video_through_the_server(cairn_server, tmp_path):
    """Our own sampled frames travel as images with their times; the server answers."""
    from tests.video.conftest import write_video

    video = tmp_path / "clip.avi"
    write_video(video, [(1.0, (200, 0, 0)), (1.0, (0, 0, 200))], size=(96, 64))
    out = cairn(
        [
            "summarize",
            str(video),
            "--engine",
            "remote",
            "--endpoint",
            cairn_server.url,
            "--max-frames",
            "4",
            "--max-tokens",
            "8",
            "--no-think",
            "--json",
        ],
        tmp_path,
        key=cairn_server.token,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert (result["engine"], result["device"]) == ("remote", "127.0.0.1")
    assert result["prompt_tokens"] > 4 * 4  # four frames' image tokens reached the server
