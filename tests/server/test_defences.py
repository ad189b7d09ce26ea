"""Every defence of `cairn serve`, tried from outside with raw HTTP (httpx), server alive after."""

from __future__ import annotations

import json
import socket
import threading
import time

import httpx
import pytest

from tests.server.conftest import start_server, stop_server, wait_until

pytestmark = pytest.mark.slow

CHAT = "/v1/chat/completions"


def body(**extra) -> dict:
    return {"messages": [{"role": "user", "content": "Hello"}], "max_tokens": 4, **extra}


@pytest.fixture
def http(served):
    with httpx.Client(base_url=served.base, timeout=60) as c:
        yield c


def assert_error(r: httpx.Response, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) >= {"message", "type", "code"}
    assert "Traceback" not in r.text
    if code:
        assert err["code"] == code
    assert "access-control-allow-origin" not in r.headers
    return err


def assert_alive(served) -> None:
    r = httpx.get(f"{served.url}/models", headers=served.auth(), timeout=30)
    assert r.status_code == 200 and r.json()["data"][0]["id"] == served.model
    assert served.proc.poll() is None


def test_no_token_and_wrong_token(http, served):
    assert_error(http.get("/v1/models"), 401, "invalid_api_key")
    assert_error(http.get("/v1/models", headers={"Authorization": "Bearer nope"}), 401)
    assert_error(http.get("/v1/models", headers={"Authorization": f"Basic {served.token}"}), 401)
    assert_error(http.post(CHAT, json=body(), headers=served.auth(served.token[:-1] + "x")), 401)
    assert http.get("/v1/models", headers=served.auth()).status_code == 200


def test_rebinding_host_is_refused(http, served):
    for host in (
        "attacker.example",
        f"attacker.example:{served.port}",
        "127.0.0.1:1",
        "localhost.evil:80",
    ):
        assert_error(
            http.get("/v1/models", headers={**served.auth(), "Host": host}), 403, "host_not_allowed"
        )
    for host in (f"localhost:{served.port}", f"127.0.0.1:{served.port}"):
        assert http.get("/v1/models", headers={**served.auth(), "Host": host}).status_code == 200


def test_foreign_origin_and_its_preflight(http, served):
    evil = {"Origin": "https://evil.example"}
    assert_error(
        http.get("/v1/models", headers={**served.auth(), **evil}), 403, "origin_not_allowed"
    )
    assert_error(http.post(CHAT, json=body(), headers={**served.auth(), **evil}), 403)
    pre = http.options(
        CHAT,
        headers={
            **evil,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert_error(pre, 403)
    assert not any(k.lower().startswith("access-control") for k in pre.headers)
    # this server's own origin is not foreign (but gets no CORS grant either)
    own = http.get(
        "/v1/models", headers={**served.auth(), "Origin": f"http://127.0.0.1:{served.port}"}
    )
    assert own.status_code == 200 and "access-control-allow-origin" not in own.headers


def test_cross_site_fetch_is_refused(http, served):
    r = http.get("/v1/models", headers={**served.auth(), "Sec-Fetch-Site": "cross-site"})
    assert_error(r, 403, "cross_site")
    assert (
        http.get("/v1/models", headers={**served.auth(), "Sec-Fetch-Site": "none"}).status_code
        == 200
    )


def test_malformed_and_bad_bodies_are_400(http, served):
    h = {**served.auth(), "Content-Type": "application/json"}
    for raw in (
        b"{bad",
        b"",
        b"\xff\xfe",
        b"[1, 2]",
        b"null",
        b"[" * 100_000,
        b'{"messages": [], "seed": 1' + b"0" * 5000 + b"}",
    ):
        assert_error(http.post(CHAT, content=raw, headers=h), 400)
    for bad in (
        {"messages": []},
        {"messages": "hi"},
        {"messages": [{"role": "wizard", "content": "x"}]},
        {"messages": [{"role": "user", "content": 5}]},
        body(max_tokens=0),
        body(max_tokens="ten"),
        body(temperature=-1),
        body(temperature=3),
        body(max_tokens=10**400),
        body(top_p=2),
        body(stop=[1]),
        body(stop=["a", "b", "c", "d", "e"]),
        body(n=2),
        body(stream="yes"),
        body(chat_template_kwargs={"enable_thinking": "maybe"}),
        {"messages": [{"role": "user", "content": [{"type": "input_audio"}]}]},
        {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {"type": "image_url", "image_url": {"url": "data:image/png;base64,@@@"}}
                    ],
                }
            ]
        },
        {
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "image_url",
                            "image_url": {"url": "data:image/png;base64,aGVsbG8="},
                        }
                    ],
                }
            ]
        },
        {
            "messages": [
                {
                    "role": "user",
                    "content": [{"type": "image_url", "image_url": {"url": "file:///etc/passwd"}}],
                }
            ]
        },
    ):
        assert_error(http.post(CHAT, json=bad, headers=served.auth()), 400)
    assert_error(http.get("/v1/nothing", headers=served.auth()), 404)
    assert_error(http.get(CHAT, headers=served.auth()), 405)
    assert_alive(served)


def test_oversized_bodies_are_413(http, served):
    big = json.dumps(body(pad="x" * (5 * 1024 * 1024))).encode()  # the limit is 4 MB here
    assert_error(
        http.post(CHAT, content=big, headers={**served.auth(), "Content-Type": "application/json"}),
        413,
    )

    def chunked():  # no Content-Length: the server counts what it reads
        for _ in range(80):
            yield b"x" * 65536

    assert_error(http.post(CHAT, content=chunked(), headers=served.auth()), 413)
    assert_alive(served)


def test_remote_media_urls_are_refused_and_never_fetched(http, served):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        for kind, url in (
            ("image_url", f"http://127.0.0.1:{port}/cat.png"),
            ("image_url", f"https://127.0.0.1:{port}/cat.png"),
            ("video_url", f"http://127.0.0.1:{port}/clip.mp4"),
        ):
            msg = {
                "role": "user",
                "content": [{"type": kind, kind: {"url": url}}, {"type": "text", "text": "?"}],
            }
            err = assert_error(
                http.post(CHAT, json={"messages": [msg]}, headers=served.auth()), 400
            )
            assert "data: URLs" in err["message"]
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody came
    finally:
        listener.close()
    assert_alive(served)


def test_four_concurrent_clients(served):
    results: list[tuple[int, str]] = []

    def client(i: int) -> None:
        with httpx.Client(timeout=120) as c:
            r = c.post(
                f"{served.url}/chat/completions",
                headers=served.auth(),
                json=body(
                    max_tokens=6,
                    temperature=0,
                    messages=[{"role": "user", "content": f"Client {i}"}],
                ),
            )
            results.append(
                (
                    r.status_code,
                    r.json()["choices"][0]["message"]["content"]
                    if r.status_code == 200
                    else r.text,
                )
            )

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    assert len(results) == 4
    assert all(status == 200 and text for status, text in results), results
    assert_alive(served)


def _health(served) -> dict:
    return httpx.get(f"{served.base}/health", timeout=10).json()


def _generating(served) -> int:
    return _health(served)["generating"]


LONG = 8000  # tokens: the engine would run for seconds; a cancelled one stops within a few


def assert_cancelled_early(served) -> None:
    last = _health(served)["last"]
    assert last["finish_reason"] == "cancelled"
    assert last["generation_tokens"] < LONG // 10


def test_client_leaving_mid_stream_cancels_the_generation(served):
    req = body(max_tokens=LONG, stream=True)
    with (
        httpx.Client(timeout=60) as c,
        c.stream("POST", f"{served.url}/chat/completions", headers=served.auth(), json=req) as r,
    ):
        assert r.status_code == 200
        seen = 0
        for line in r.iter_lines():
            if line.startswith("data: ") and '"content"' in line:
                seen += 1
                if seen >= 5:
                    break
        left = time.monotonic()
    # the connection is closed: the engine stops at its next token
    assert wait_until(lambda: _generating(served) == 0, timeout=5.0)
    assert time.monotonic() - left < 5.0
    assert_cancelled_early(served)
    assert_alive(served)


def test_client_leaving_a_whole_answer_cancels_it(served):
    sock = socket.create_connection(("127.0.0.1", served.port))
    payload = json.dumps(body(max_tokens=LONG)).encode()
    sock.sendall(
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
        b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
        % (served.port, served.token.encode(), len(payload), payload)
    )
    assert wait_until(lambda: _generating(served) == 1, timeout=20.0, step=0.01)
    sock.close()
    assert wait_until(lambda: _generating(served) == 0, timeout=5.0)
    assert_cancelled_early(served)
    assert_alive(served)


def test_listens_on_loopback_only(served):
    port_hex = f"{served.port:04X}"
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            if state == "0A" and local.endswith(":" + port_hex):
                listening.append(local.split(":")[0])
    assert listening == ["0100007F"]  # 127.0.0.1, and nothing else
    assert served.url.startswith("http://127.0.0.1:")


def test_queue_full_is_429_and_sigterm_stops_at_once(gguf_models, tmp_path):
    s = start_server(gguf_models["vision"], tmp_path / "home", "--queue", "1")
    try:
        with (
            httpx.Client(timeout=60) as c,
            c.stream(
                "POST",
                f"{s.url}/chat/completions",
                headers=s.auth(),
                json=body(max_tokens=LONG, stream=True),
            ) as r,
        ):
            assert r.status_code == 200
            lines = r.iter_lines()  # kept: a dropped iterator closes the connection
            next(lines)
            second = httpx.post(
                f"{s.url}/chat/completions", headers=s.auth(), json=body(), timeout=30
            )
            assert_error(second, 429, "queue_full")
            assert wait_until(lambda: _generating(s) == 1, timeout=20.0)
            t0 = time.monotonic()
            s.proc.terminate()  # SIGTERM in the middle of a 4000-token answer
            s.proc.wait(10)
            assert time.monotonic() - t0 < 5.0
            rest = list(lines)  # the stream was ended, and told why
            rest = [line for line in rest if line]
            assert any("shutting_down" in line for line in rest) and rest[-1] == "data: [DONE]"
        assert s.proc.returncode == 0
        assert "Traceback" not in "".join(s.stderr)
    finally:
        stop_server(s.proc)
