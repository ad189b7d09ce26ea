"""The remote engine against a scripted server: what it sends, how it reads a stream, and every
failure it must turn into one CairnError (retries bounded, redirects not followed, timeouts,
broken streams, cancel that closes the connection)."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from inference.cancel import CancelToken
from inference.engine import collect
from inference.engines.remote import open_remote, parse_endpoint
from inference.errors import CairnError, ErrorCode
from inference.records import FinishReason, GenerationRequest, GenParams, Message, VideoFrame
from tests.remote.servers import (
    Reply,
    ScriptedServer,
    delta,
    models_reply,
    stream_reply,
)

FAST = {"backoff": (0.01,), "read_timeout": 2.0, "connect_timeout": 2.0}


def ask(text="hi", **kw) -> GenerationRequest:
    return GenerationRequest((Message("user", text),), params=GenParams(max_tokens=16), **kw)


def test_endpoint_forms():
    assert parse_endpoint("http://127.0.0.1:8080").base == "http://127.0.0.1:8080/v1"
    assert parse_endpoint("http://127.0.0.1:8080/v1/").base == "http://127.0.0.1:8080/v1"
    assert parse_endpoint("https://gw.example/openai/v1").base == "https://gw.example/openai/v1"
    assert parse_endpoint("http://gpu-box:8000").cleartext
    assert not parse_endpoint("https://gpu-box").cleartext
    assert not parse_endpoint("http://localhost:1234").cleartext
    assert not parse_endpoint("http://[::1]:1234").cleartext
    for bad in ("ftp://x", "gpu-box:8000", "http://user:pw@host/v1", "http://h/v1?k=1", ""):
        with pytest.raises(CairnError) as e:
            parse_endpoint(bad)
        assert e.value.code is ErrorCode.INVALID_ARGUMENT


def test_stream_text_reasoning_and_usage(scripted: ScriptedServer):
    usage = {
        "prompt_tokens": 30,
        "completion_tokens": 4,
        "prompt_tokens_details": {"cached_tokens": 12},
    }
    scripted.chat = [
        stream_reply(
            [
                {"choices": [{"index": 0, "delta": {"role": "assistant"}}]},
                delta(reasoning="let me see"),
                delta("Hello"),
                delta(" world", finish="stop"),
                {"choices": [], "usage": usage},
            ]
        )
    ]
    engine = open_remote(scripted.url, key="k1", **FAST)
    assert (engine.name, engine.device, engine.model_name) == ("remote", "127.0.0.1", "scripted")
    text, thinking, final = collect(engine.generate(ask(thinking=True), cancel=CancelToken()))
    engine.close()
    assert (text, thinking) == ("Hello world", "let me see")
    assert final.finish_reason is FinishReason.STOP
    assert (final.prompt_tokens, final.generation_tokens, final.cached_tokens) == (30, 4, 12)
    assert final.ttft_s is not None and final.ttft_s > 0
    body = scripted.posts()[0]["body"]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["chat_template_kwargs"] == {"enable_thinking": True}
    assert body["model"] == "scripted" and body["max_tokens"] == 16
    assert all(r["headers"].get("Authorization") == "Bearer k1" for r in scripted.requests)


def test_think_tags_in_text_are_split(scripted: ScriptedServer):
    """A server without a reasoning parser: the template opened <think>, the text closes it."""
    scripted.chat = [
        stream_reply([delta("weigh"), delta("ing</th"), delta("ink>\n\nAnswer", finish="stop")])
    ]
    engine = open_remote(scripted.url, **FAST)
    text, thinking, _ = collect(engine.generate(ask(thinking=True), cancel=CancelToken()))
    assert (thinking, text) == ("weighing", "Answer")
    # thinking off: the same kind of server sends plain text, kept as the answer
    scripted.chat = [stream_reply([delta("Plain"), delta(" answer", finish="length")])]
    text, thinking, final = collect(engine.generate(ask(thinking=False), cancel=CancelToken()))
    assert (thinking, text, final.finish_reason) == ("", "Plain answer", FinishReason.LENGTH)
    assert scripted.posts()[-1]["body"]["chat_template_kwargs"] == {"enable_thinking": False}
    # no choice made: nothing is asked, the server's default applies
    collect(engine.generate(ask(), cancel=CancelToken()))
    assert "chat_template_kwargs" not in scripted.posts()[-1]["body"]
    engine.close()


def test_images_and_video_frames_as_data_urls(scripted: ScriptedServer, tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), (10, 200, 10)).save(tmp_path / "g.png")
    frames = tuple(
        VideoFrame(t=t, index=i, image=np.full((24, 32, 3), 40 * i, np.uint8))
        for i, t in enumerate((0.0, 1.5, 3.0))
    )
    request = GenerationRequest(
        (Message("user", "what happens?", images=(tmp_path / "g.png",), video=tmp_path / "v.mp4"),),
        video_frames=frames,
    )
    engine = open_remote(scripted.url, **FAST)
    collect(engine.generate(request, cancel=CancelToken()))
    engine.close()
    parts = scripted.posts()[0]["body"]["messages"][0]["content"]
    kinds = [p["type"] for p in parts]
    assert kinds == ["image_url"] + ["text", "image_url"] * 3 + ["text"]
    assert parts[0]["image_url"]["url"].startswith("data:image/png;base64,")
    assert [parts[i]["text"] for i in (1, 3, 5)] == [
        "<0.0 seconds>",
        "<1.5 seconds>",
        "<3.0 seconds>",
    ]
    assert all(
        parts[i]["image_url"]["url"].startswith("data:image/jpeg;base64,") for i in (2, 4, 6)
    )
    assert parts[-1] == {"type": "text", "text": "what happens?"}


def test_unknown_model_and_default_model(scripted: ScriptedServer):
    scripted.models = models_reply("first", "second")
    assert open_remote(scripted.url, **FAST).model_name == "first"
    with pytest.raises(CairnError) as e:
        open_remote(scripted.url, "third", **FAST)
    assert e.value.code is ErrorCode.REMOTE_MODEL_UNKNOWN and "first, second" in e.value.detail
    scripted.models = models_reply()
    with pytest.raises(CairnError) as e:
        open_remote(scripted.url, **FAST)
    assert e.value.code is ErrorCode.REMOTE_MODEL_UNKNOWN


def test_key_refused(scripted: ScriptedServer):
    scripted.models = Reply(
        401, b'{"error": {"message": "bad key"}}', {"Content-Type": "application/json"}
    )
    with pytest.raises(CairnError) as e:
        open_remote(scripted.url, key="wrong", **FAST)
    assert e.value.code is ErrorCode.REMOTE_KEY_REFUSED
    assert "refused" in e.value.detail and "bad key" in e.value.detail


def test_429_and_5xx_retried_a_bounded_number_of_times(scripted: ScriptedServer):
    ok = stream_reply([delta("fine", finish="stop")])
    scripted.chat = [Reply(429, headers={"Retry-After": "0"}), Reply(503), ok]
    engine = open_remote(scripted.url, retries=3, **FAST)
    text, _, _ = collect(engine.generate(ask(), cancel=CancelToken()))
    assert text == "fine" and len(scripted.posts()) == 3
    scripted.chat = [Reply(502, b"bad gateway")]
    with pytest.raises(CairnError) as e:
        collect(engine.generate(ask(), cancel=CancelToken()))
    assert e.value.code is ErrorCode.REMOTE_BUSY and "3 attempts" in e.value.detail
    assert len(scripted.posts()) == 6
    engine.close()


def test_malformed_and_broken_streams(scripted: ScriptedServer):
    engine = open_remote(scripted.url, **FAST)
    scripted.chat = [
        Reply(body=b"data: {not json\n\n", headers={"Content-Type": "text/event-stream"})
    ]
    with pytest.raises(CairnError) as e:
        collect(engine.generate(ask(), cancel=CancelToken()))
    assert e.value.code is ErrorCode.REMOTE_BAD_RESPONSE
    scripted.chat = [stream_reply([{"choices": [{"delta": {"content": 5}}]}])]
    with pytest.raises(CairnError) as e:
        collect(engine.generate(ask(), cancel=CancelToken()))
    assert e.value.code is ErrorCode.REMOTE_BAD_RESPONSE
    scripted.chat = [stream_reply([delta("half an"), delta(" answer")], cut=True)]
    with pytest.raises(CairnError) as e:
        collect(engine.generate(ask(), cancel=CancelToken()))
    assert e.value.code is ErrorCode.REMOTE_BAD_RESPONSE and "finish reason" in e.value.detail
    scripted.chat = [stream_reply([{"error": {"message": "out of memory"}}])]
    with pytest.raises(CairnError) as e:
        collect(engine.generate(ask(), cancel=CancelToken()))
    assert e.value.code is ErrorCode.REMOTE_BAD_RESPONSE and "out of memory" in e.value.detail
    engine.close()


def test_timeouts(scripted: ScriptedServer):
    engine = open_remote(scripted.url, read_timeout=0.5, connect_timeout=2.0, backoff=(0.01,))
    scripted.chat = [Reply(delay_s=2.0, body=b"", headers={"Content-Type": "text/event-stream"})]
    started = time.monotonic()
    with pytest.raises(CairnError) as e:
        collect(engine.generate(ask(), cancel=CancelToken()))
    assert e.value.code is ErrorCode.REMOTE_TIMEOUT
    assert time.monotonic() - started < 1.8
    engine.close()


def test_redirect_elsewhere_is_not_followed(scripted: ScriptedServer):
    other = ScriptedServer()  # another origin (another port): it must never be contacted
    try:
        scripted.models = Reply(307, headers={"Location": other.url + "/models"})
        with pytest.raises(CairnError) as e:
            open_remote(scripted.url, key="secret", **FAST)
        assert e.value.code is ErrorCode.REMOTE_BAD_RESPONSE and "not followed" in e.value.detail
        assert other.requests == []
    finally:
        other.stop()


def test_cancel_closes_the_stream_even_before_the_first_token(scripted: ScriptedServer):
    engine = open_remote(scripted.url, **FAST | {"read_timeout": 30.0})
    scripted.chat = [Reply(delay_s=5.0)]  # the server is still "reading the prompt"
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    text, _, final = collect(engine.generate(ask(), cancel=cancel))
    assert final.finish_reason is FinishReason.CANCELLED and text == ""
    assert time.monotonic() - started < 2.0
    # mid-answer: the connection is closed after the next piece
    scripted.chat = [stream_reply([delta(f"w{i} ") for i in range(50)], trickle_s=0.05)]
    cancel = CancelToken()
    chunks = []
    for chunk in engine.generate(ask(), cancel=cancel):
        chunks.append(chunk)
        if len(chunks) == 3:
            cancel.cancel()
    assert chunks[-1].finish_reason is FinishReason.CANCELLED
    assert 3 <= len(chunks) <= 6
    engine.close()


def test_unreachable(scripted: ScriptedServer):
    url = scripted.url
    scripted.stop()
    with pytest.raises(CairnError) as e:
        open_remote(url, **FAST)
    assert e.value.code is ErrorCode.REMOTE_UNREACHABLE and "refused" in e.value.detail.lower()


@pytest.fixture
def tls_server(scripted: ScriptedServer, tmp_path):
    """The scripted server behind TLS with a self-signed certificate for 127.0.0.1."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    scripted.httpd.socket = ctx.wrap_socket(scripted.httpd.socket, server_side=True)
    return f"https://127.0.0.1:{scripted.port}/v1", cert


def test_tls_is_verified(tls_server, scripted: ScriptedServer):
    url, cert = tls_server
    with pytest.raises(CairnError) as e:
        open_remote(url, key="secret", environ={}, **FAST)
    assert e.value.code is ErrorCode.REMOTE_UNREACHABLE and "certificate" in e.value.detail
    assert scripted.requests == []  # the key never left: the handshake failed first
    # a private CA named by SSL_CERT_FILE is trusted
    engine = open_remote(url, key="secret", environ={"SSL_CERT_FILE": str(cert)}, **FAST)
    text, _, _ = collect(engine.generate(ask(), cancel=CancelToken()))
    engine.close()
    assert text == "hi" and scripted.requests[0]["headers"]["Authorization"] == "Bearer secret"
