"""The speed probe at first load (a real llama.cpp engine on a tiny GGUF) and its use by the
recommender."""

from __future__ import annotations

import json

import pytest

from inference.catalog import find, load_catalog
from inference.checkpoint import inspect_model
from inference.models.recommend import (
    MIN_TOKENS_PER_S,
    recommend,
    recommend_for_this_machine,
    weight_bytes_of,
)
from inference.models.speed import (
    MIN_TRUSTED_BYTES,
    SPEED_FILE,
    Measured,
    load_speeds,
    probe_at_first_load,
    remember_speed,
)
from tests.fixtures.tiny_gguf import build_tiny_gguf

GB = 1_000_000_000
Q4_08B = find("qwen3.5-0.8b-gguf-q4_k_m")


@pytest.fixture(scope="module")
def tiny_engine(tmp_path_factory):
    from inference.engines import open_engine

    folder = build_tiny_gguf(tmp_path_factory.mktemp("gguf") / "tiny")
    engine = open_engine(inspect_model(folder), engine="llamacpp")
    yield engine
    engine.close()


def test_probe_measures_a_real_engine_once_and_remembers_it(tiny_engine, tmp_path):
    # a tiny model says nothing about real speeds: by default it is not even probed
    assert probe_at_first_load(tiny_engine, tmp_path) is None
    assert not (tmp_path / SPEED_FILE).exists()

    measured = probe_at_first_load(tiny_engine, tmp_path, min_bytes=0, tokens=8)
    assert measured is not None and measured.engine == "llamacpp"
    assert measured.tokens_per_s > 0
    assert measured.weight_bytes == tiny_engine.local.gguf.stat().st_size
    doc = json.loads((tmp_path / SPEED_FILE).read_text())
    assert doc["llamacpp"]["tps"] == pytest.approx(measured.tokens_per_s, rel=1e-3)
    # remembered, but below the trusted size: the recommender does not use it
    assert load_speeds(tmp_path) == {}


def test_only_measurements_of_real_sized_models_are_trusted(tmp_path):
    remember_speed(tmp_path, "llamacpp", 500.0, 1_000_000)
    assert load_speeds(tmp_path) == {}
    remember_speed(tmp_path, "llamacpp", 21.4, MIN_TRUSTED_BYTES)
    assert load_speeds(tmp_path) == {"llamacpp": Measured("llamacpp", 21.4, MIN_TRUSTED_BYTES)}
    (tmp_path / SPEED_FILE).write_text("{not json")
    assert load_speeds(tmp_path) == {}


@pytest.mark.parametrize(
    ("tps", "cores", "expected"),
    [
        (21.4, None, "qwen3.5-2b-gguf-q4_k_m"),  # 2B predicted ~8.9 tokens/s, 4B ~4.2
        (21.4, 64, "qwen3.5-2b-gguf-q4_k_m"),  # the measurement overrules the core count
        (60.0, 2, "qwen3.5-4b-gguf-q4_k_m"),  # 4B ~11.7, 9B ~5.6
        (5.0, None, "qwen3.5-0.8b-gguf-q4_k_m"),  # nothing is fast enough: the smallest
    ],
)
def test_measured_speed_decides_the_size(tps, cores, expected):
    measured = Measured("llamacpp", tps, weight_bytes_of(Q4_08B))
    spec = recommend(
        load_catalog(),
        ram_bytes=64 * GB,
        free_disk_bytes=500 * GB,
        apple_silicon=False,
        cpu_cores=cores,
        measured=measured,
    )
    assert spec.id == expected
    chosen = measured.predict(weight_bytes_of(spec))
    assert chosen >= MIN_TOKENS_PER_S or spec.size == "0.8B"


def test_this_machine_uses_the_remembered_speed(tmp_path):
    catalog = load_catalog()
    before = recommend_for_this_machine(catalog, tmp_path)
    remember_speed(tmp_path, "mlx", 1.0, GB)
    remember_speed(tmp_path, "llamacpp", 1.0, GB)  # far too slow for anything but the smallest
    after = recommend_for_this_machine(catalog, tmp_path)
    assert after.size == "0.8B" and after.engine == before.engine
