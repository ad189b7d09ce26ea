"""A small fuzz over the two hostile inputs of issue 15 that come in endless shapes: file names
(random bytes) and chat templates (random Jinja fragments). Every case must end in success or
one clean line, within a time limit; the seed is in every failure message to replay it
(CAIRN_FUZZ_SEED=N)."""

from __future__ import annotations

import os
import random
import time

from inference.docs.library import Documents
from inference.engines.template_guard import GuardedTemplate
from inference.errors import CairnError, ErrorCode
from inference.video import probe
from tests.hostile.conftest import cairn
from tests.video.conftest import write_video

SEED = int(os.environ.get("CAIRN_FUZZ_SEED", random.randrange(1 << 30)))


def random_name(rng: random.Random) -> str:
    """A file name of random bytes (no "/" or NUL, the only bytes POSIX forbids)."""
    forbidden = {0, ord("/")}
    raw = bytes(b for b in rng.randbytes(rng.randint(1, 40)) if b not in forbidden) or b"x"
    if raw in (b".", b".."):
        raw += b"x"
    return os.fsdecode(raw)


def test_random_byte_names_in_one_docs_batch(tmp_path):
    rng = random.Random(SEED)
    folder = tmp_path / "fuzz"
    folder.mkdir()
    names = {random_name(rng).lstrip(".") or "x" for _ in range(40)}
    for i, name in enumerate(sorted(names)):
        (folder / f"{name}.{i}.txt").write_text(f"document number {i} about zebras\n")
    started = time.monotonic()
    with Documents(tmp_path / "docs.sqlite3") as docs:
        report = docs.add([folder])
        assert not report.failed, (SEED, report.failed[:3])
        assert len(report.indexed) == len(names), SEED
        assert {h.path for h in docs.search("zebras", k=100)} == set(report.indexed), SEED
        assert sorted(docs.remove(list(report.indexed)[:5])) == sorted(list(report.indexed)[:5])
    assert time.monotonic() - started < 120, SEED
    home = tmp_path / "home"
    run = cairn("docs", "add", str(folder), env_home=home)
    err = run.stderr.decode()
    assert run.returncode == 0, (SEED, err[-500:])
    assert sum(" ok  " in line for line in err.splitlines()) == len(names), SEED
    listed = cairn("docs", "list", env_home=home)
    assert listed.returncode == 0 and len(listed.stdout.decode().splitlines()) == len(names)
    for text in (err, listed.stdout.decode()):
        assert not any(c in text for c in "\x1b\x07\x9b\r"), SEED  # nothing raw reaches a tty


def test_random_byte_video_names_are_probed_or_refused_cleanly(tmp_path):
    rng = random.Random(SEED + 1)
    source = tmp_path / "source.avi"
    write_video(source, ((0.5, (200, 30, 30)), (0.5, (30, 30, 200))), size=(32, 32))
    folder = tmp_path / "videos"
    folder.mkdir()
    paths = []
    for i in range(12):
        path = folder / f"{random_name(rng)}.{i}.avi"
        os.link(source, path)
        paths.append(path)
    for path in paths:
        try:
            assert probe(path).frame_count == 30, (SEED, path)
        except CairnError as e:  # a clean refusal is allowed, a crash or another error is not
            assert e.code.value.startswith("video_") and "\n" not in e.detail, (SEED, e)
    for path in paths[:2]:  # and the command line, in a child (a crash shows as a signal)
        run = cairn("video", "inspect", str(path), env_home=tmp_path / "home")
        assert run.returncode == 0, (SEED, run.returncode, run.stderr[-300:])


FRAGMENTS = [
    "{% for i in range(N) %}", "{% endfor %}", "{% if messages %}", "{% endif %}",
    "{% else %}", "{{ 'ab' * N }}", "{{ [0] * N }}", "{{ N ** N }}", "{{ N * N }}",
    "{{ messages[0]['content'] }}", "{{ messages|length }}", "{{ raise_exception('no') }}",
    "{% set ns = namespace(s='x') %}", "{% set ns.s = ns.s ~ ns.s %}", "{{ ns.s|length }}",
    "{{ range(N)|list|length }}", "{{ '%Nd'|format(1) }}", "{{ (N|float) ** N }}",
    "{{ 'x'|center(N) }}", "{{ messages|tojson }}", "{{ ''.__class__ }}", "{{ undefined.x }}",
    "{% macro m(x) %}{{ m(x) }}{% endmacro %}{{ m(1) }}", "{{ bos_token }}", "text ",
    "{%- if add_generation_prompt %}<|im_start|>assistant\n{%- endif %}", "{{ 1/0 }}",
    "{% generation %}x{% endgeneration %}", "{{", "}}", "{%", "%}", "{# c #}", "\x00\x1b",
]  # fmt: skip
NUMBERS = ["0", "1", "7", "100", "100000", "10**6", "10**9", "99999999999", "-1", "2**64"]


def random_template(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 8)):
        out.append(rng.choice(FRAGMENTS).replace("N", rng.choice(NUMBERS)))
    return "".join(out)


def test_random_templates_end_in_text_or_one_clean_line():
    rng = random.Random(SEED + 2)
    guard = GuardedTemplate("{{ 1 }}", timeout_s=2.0)
    context = {"messages": [{"role": "user", "content": "hi"}], "add_generation_prompt": True}
    try:
        for case in range(40):
            source = random_template(rng)
            guard.source = source  # one renderer for the whole fuzz; each request names its source
            started = time.monotonic()
            try:
                text = guard.render(context)
                assert isinstance(text, str) and len(text) <= 32_000_000
            except CairnError as e:
                assert e.code is ErrorCode.CHAT_TEMPLATE_FAILED, (SEED, case, source, e)
                assert "\n" not in e.detail and e.detail.startswith("the model's chat template: ")
            assert time.monotonic() - started < 15, (SEED, case, source)  # budget 2 s, busy CPU
    finally:
        guard.close()
    assert guard.pid is None
