"""The server's small pure parts: token, Host parsing, stop strings, request checks."""

from __future__ import annotations

import pytest

from inference.errors import CairnError
from inference.server.defences import host_allowed
from inference.server.requests import parse_chat
from inference.server.responses import StopFilter
from inference.server.token import api_token, bearer_matches


def test_bearer_matching():
    assert bearer_matches("Bearer abc", "abc")
    assert bearer_matches("bearer abc", "abc")
    for header in (None, "", "abc", "Bearer ab", "Bearer abcd", "Basic abc", "Bearer "):
        assert not bearer_matches(header, "abc")
    assert not bearer_matches("Bearer ", "")


def test_token_from_environment_then_keychain_then_memory(monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    from inference.models import secrets

    assert api_token({"CAIRN_API_TOKEN": " tok "}).value == "tok"
    assert api_token({"CAIRN_API_TOKEN": "tok"}).source == "environment"

    monkeypatch.setattr(secrets, "_memory", {})
    first = api_token({}, service="cairn-test-serve")  # the null keyring (conftest): memory only
    assert first.source == "memory" and len(first.value) >= 32
    monkeypatch.setattr(secrets, "_memory", {})  # a new process
    assert api_token({}, service="cairn-test-serve").value != first.value

    class MemoryKeyring(KeyringBackend):
        priority = 1
        data: dict = {}

        def get_password(self, service, username):
            return self.data.get((service, username))

        def set_password(self, service, username, password):
            self.data[(service, username)] = password

        def delete_password(self, service, username):
            self.data.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        kept = api_token({}, service="cairn-test-serve-k")
        assert kept.source == "keychain"
        monkeypatch.setattr(secrets, "_memory", {})  # a new process: the keychain remembers
        assert api_token({}, service="cairn-test-serve-k").value == kept.value
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("127.0.0.1:8080", True),
        ("localhost:8080", True),
        ("[::1]:8080", True),
        ("LOCALHOST:8080", True),
        ("127.0.0.1", False),
        ("127.0.0.1:8081", False),
        ("127.0.0.1:80x", False),
        ("attacker.example:8080", False),
        ("127.0.0.1.nip.io:8080", False),
        ("[::1]", False),
        ("", False),
        (None, False),
    ],
)
def test_host_allow_list(host, ok):
    assert host_allowed(host, 8080, ("localhost", "127.0.0.1", "[::1]")) is ok


def test_host_without_port_only_on_port_80():
    assert host_allowed("localhost", 80, ("localhost",))


def feed_all(stops, pieces):
    f = StopFilter(tuple(stops))
    out = "".join(f.feed(p) for p in pieces) + f.flush()
    return out, f.stopped


def test_stop_strings_across_pieces():
    assert feed_all(["END"], ["hello E", "N", "D more"]) == ("hello ", True)
    assert feed_all(["END"], ["hello E", "NX"]) == ("hello ENX", False)
    assert feed_all(["ab", "xyz"], ["1x", "y", "z2ab"]) == ("1", True)
    assert feed_all([], ["a", "b"]) == ("ab", False)
    assert feed_all(["E"], ["E"]) == ("", True)


def test_held_back_text_is_released_as_soon_as_it_cannot_stop():
    f = StopFilter(("END",))
    assert f.feed("abcE") == "abc"
    assert f.feed("x") == "Ex"


def test_parse_chat_maps_parameters():
    call = parse_chat(
        {
            "messages": [
                {"role": "developer", "content": "Be brief."},
                {
                    "role": "user",
                    "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}],
                },
                {"role": "assistant", "content": None},
                {"role": "user", "content": "c"},
            ],
            "max_completion_tokens": 9,
            "max_tokens": 50,
            "temperature": 0,
            "top_k": -1,
            "seed": -1,
            "stop": "x",
            "stream": True,
            "stream_options": {"include_usage": True},
            "chat_template_kwargs": {"enable_thinking": True},
        }
    )
    r = call.request
    assert [m.role for m in r.messages] == ["system", "user", "assistant", "user"]
    assert r.messages[1].content == "a\nb"
    assert r.params.max_tokens == 9 and r.params.temperature == 0.0 and r.params.top_k == 0
    assert r.params.seed == 0xFFFFFFFF
    assert r.thinking is True and call.stream and call.include_usage and call.stops == ("x",)
    assert call.workdir is None


def test_media_outside_user_messages_and_unsupported_models_are_refused():
    from inference.records import Modality

    png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"
    part = {"type": "image_url", "image_url": {"url": png}}
    with pytest.raises(CairnError):
        parse_chat({"messages": [{"role": "system", "content": [part]}]})
    with pytest.raises(CairnError) as e:
        parse_chat(
            {"messages": [{"role": "user", "content": [part]}]},
            capabilities=frozenset({Modality.TEXT}),
        )
    assert e.value.code.value == "unsupported_input"
    call = parse_chat({"messages": [{"role": "user", "content": [part]}]})
    workdir = call.workdir
    assert workdir is not None and call.request.messages[0].images[0].is_file()
    call.cleanup()
    assert call.workdir is None and not workdir.exists()


def test_wildcard_host_takes_ip_literals_but_never_names():
    names = ("localhost", "127.0.0.1", "[::1]", "0.0.0.0")
    assert host_allowed("192.168.1.5:8080", 8080, names, ip_literals=True)
    assert host_allowed("[fe80::1]:8080", 8080, names, ip_literals=True)
    assert not host_allowed("192.168.1.5:8080", 8080, names)
    assert not host_allowed("attacker.example:8080", 8080, names, ip_literals=True)


@pytest.mark.parametrize(
    "extra",
    [
        {"max_tokens": 10**400},
        {"temperature": 10**400},
        {"seed": 10**400},
        {"top_p": float("nan")},
        {"temperature": float("inf")},
        {"max_tokens": 2.5},
        {"top_k": True},
    ],
)
def test_out_of_range_numbers_are_bad_input(extra):
    with pytest.raises(CairnError) as e:
        parse_chat({"messages": [{"role": "user", "content": "x"}], **extra})
    assert e.value.code.value == "invalid_argument"
