"""Item 3 of issue 15: chat templates (code from the model file) render under limits, in both
engines; every failure is one CHAT_TEMPLATE_FAILED line naming the template, within seconds."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from inference.cancel import Cancelled, CancelToken
from inference.engines.template_guard import GuardedTemplate, HFTemplate
from inference.errors import CairnError, ErrorCode
from tests.hostile.conftest import cairn

SPIN = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
HOSTILE = {
    "spin": (SPIN, "took longer than"),
    "repeat": ('{{ "x" * (10**9) }}', "repetition"),
    "repeat-list": ("{{ ([1] * 100000) * 100000 }}", "repetition"),
    "power": ("{{ 7 ** 100000000 }}", "power"),
    "range": ("{{ range(10**9)|list }}", "range()"),
    "overflow": ("{{ (1e308 * 10)|int }}", "OverflowError"),
    "format": ('{{ "%999999999d"|format(1) }}', "memory"),
    "doubling": (
        '{% set ns = namespace(s="xx") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}'
        "{% endfor %}{{ ns.s }}",
        "",
    ),
    "syntax": ("{% for %}", "syntax error on line 1"),
    "raise": ('{{ raise_exception("no system role") }}', "no system role"),
    "escape": ("{{ ''.__class__.__mro__ }}", ""),
}


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is gone for our purposes
        return f.read().split(")")[1].split()[0] != "Z"


@pytest.fixture
def guard():
    made: list[GuardedTemplate] = []

    def make(source: str, **kw) -> GuardedTemplate:
        g = GuardedTemplate(source, timeout_s=kw.pop("timeout_s", 3.0), **kw)
        made.append(g)
        return g

    yield make
    for g in made:
        g.close()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template_is_one_clean_failure_within_seconds(guard, name):
    source, words = HOSTILE[name]
    g = guard(source)
    started = time.monotonic()
    with pytest.raises(CairnError) as caught:
        g.check()
        g.render({"messages": []})
    assert time.monotonic() - started < 20  # budget 3 s, plus a busy machine
    assert caught.value.code is ErrorCode.CHAT_TEMPLATE_FAILED
    assert caught.value.detail.startswith("the model's chat template: ")
    assert words in caught.value.detail
    assert "\n" not in caught.value.detail


def test_renderer_is_killed_over_budget_and_the_next_render_works(guard):
    g = guard("{% if spin %}" + SPIN + "{% endif %}ok {{ messages|length }}", timeout_s=1.5)
    assert g.render({"messages": [1, 2], "spin": False}) == "ok 2"
    first = g.pid
    with pytest.raises(CairnError, match="took longer than 1.5 s"):
        g.render({"messages": [], "spin": True})
    assert not _alive(first)  # killed, not left spinning at 100% CPU
    assert g.render({"messages": [1], "spin": False}) == "ok 1"
    assert g.pid != first


def test_cancel_from_another_thread_stops_the_render(guard):
    g = guard(SPIN, timeout_s=30)
    g.check()
    pid = g.pid
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        g.render({"messages": []}, cancel)
    assert time.monotonic() - started < 3
    assert not _alive(pid)


def test_close_stops_the_renderer(guard):
    g = guard("{{ 1 }}")
    g.check()
    pid = g.pid
    assert _alive(pid)
    g.close()
    assert not _alive(pid)


def test_renders_exactly_as_transformers_for_both_mlx_loaders(tiny_vlm_ckpt, tiny_text_ckpt):
    """The MLX engine renders through the guard: the text must equal what mlx-vlm's processor
    and mlx-lm's tokenizer make with apply_chat_template (transformers' own rendering)."""
    from mlx_lm.tokenizer_utils import load as load_tokenizer
    from mlx_vlm.utils import load_processor

    processor = load_processor(tiny_vlm_ckpt)
    media = [
        {"role": "system", "content": "be brief"},
        {
            "role": "user",
            "content": [{"type": "image"}, {"type": "video"}, {"type": "text", "text": "what?"}],
        },
    ]
    tokenizer = load_tokenizer(tiny_text_ckpt)
    text = [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "yo"},
        {"role": "user", "content": "again"},
    ]
    for holder, messages in ((processor, media), (tokenizer, text)):
        t = HFTemplate(holder)
        try:
            for thinking in (True, False):
                want = holder.apply_chat_template(
                    messages, add_generation_prompt=True, tokenize=False, enable_thinking=thinking
                )
                assert t.render(messages, enable_thinking=thinking) == want
        finally:
            t.close()


def _hostile_hf_checkpoint(src, dst, template: str):
    import shutil

    shutil.copytree(src, dst)
    config = json.loads((dst / "tokenizer_config.json").read_text())
    config["chat_template"] = template
    (dst / "tokenizer_config.json").write_text(json.dumps(config))
    (dst / "chat_template.jinja").write_text(template)
    return dst


@pytest.mark.parametrize("engine", ["mlx", "llamacpp"])
def test_cli_chat_with_a_hostile_template_is_one_line(engine, tmp_path, tiny_text_ckpt):
    source = "{% if messages %}" + SPIN + "{% endif %}{{ 'x' * (10**9) }}"
    if engine == "mlx":
        model = _hostile_hf_checkpoint(tiny_text_ckpt, tmp_path / "hostile-hf", source)
    else:
        from tests.fixtures.tiny_gguf import build_tiny_gguf

        model = build_tiny_gguf(tmp_path / "hostile-gguf", chat_template=source)
    started = time.monotonic()
    run = cairn(
        "chat", "--model", str(model), "--engine", engine, "--max-tokens", "2", "hello",
        env_home=tmp_path / "home",
    )  # fmt: skip
    err = run.stderr.decode().strip().splitlines()
    assert run.returncode == 1, (run.returncode, err)
    assert err == [
        "error: the model's chat template failed: the model's chat template: took longer than"
        " 5 s. The template comes with the model file; use another build of the model"
    ]
    assert time.monotonic() - started < 120  # a 5 s budget; model loading on a busy machine
