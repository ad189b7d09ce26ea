"""The catalog as the Hub has it: files chosen from a repository's listing, the commit kept,
pinned checksums, `models list` per machine, `models verify`."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

import pytest

from inference.catalog import find, load_catalog
from inference.checkpoint import inspect_model
from inference.cli.main import main
from inference.errors import CairnError, ErrorCode
from inference.models.files import choose_files, has_token
from inference.models.hub import RemoteFile
from inference.models.manifest import read_manifest
from inference.models.recommend import is_apple_silicon
from inference.models.store import ModelState, ModelStore

from .conftest import FAST_RETRY, fake_checkpoint_files, spec_for, tiny_gguf_bytes
from .fakehub import FakeRepo

CATALOG_08B_Q8 = "qwen3.5-0.8b-gguf-q8_0"
COMMIT_A = "a" * 40
COMMIT_B = "b" * 40

# The unsloth GGUF sizes in bytes, as the Hub lists them (issue 17).
HUB_BYTES = {
    ("0.8B", "Q8_0"): 811_843_840,
    ("0.8B", "Q4_K_M"): 532_517_120,
    ("2B", "Q4_K_M"): 1_280_835_840,
    ("4B", "Q4_K_M"): 2_740_937_888,
    ("9B", "Q4_K_M"): 5_680_522_464,
}
MMPROJ_F16 = {"0.8B": 204_987_232, "2B": 668_227_264, "4B": 672_423_616, "9B": 918_166_080}


def remote(name: str, size: int = 10) -> RemoteFile:
    return RemoteFile(name, size, hashlib.sha256(name.encode()).hexdigest(), None)


def chosen_names(spec, names) -> list[str]:
    return [c.remote.path for c in choose_files(spec, tuple(remote(n) for n in names))]


# -- choosing from a listing ------------------------------------------------------------------


def test_exact_names_win_over_matches():
    spec = find(CATALOG_08B_Q8)
    names = [
        "Qwen3.5-0.8B-Q8_0.gguf",
        "Qwen_Qwen3.5-0.8B-Q8_0.gguf",
        "mmproj-F16.gguf",
        "mmproj-BF16.gguf",
        "README.md",
    ]
    assert chosen_names(spec, names) == ["Qwen3.5-0.8B-Q8_0.gguf", "mmproj-F16.gguf"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (  # bartowski
            [
                "Qwen_Qwen3.5-0.8B-Q4_K.gguf",
                "Qwen_Qwen3.5-0.8B-Q4_K_M.gguf",
                "Qwen_Qwen3.5-0.8B-Q4_K_S.gguf",
                "Qwen_Qwen3.5-0.8B-bf16.gguf",
                "mmproj-Qwen_Qwen3.5-0.8B-bf16.gguf",
                "mmproj-Qwen_Qwen3.5-0.8B-f16.gguf",
            ],
            ["Qwen_Qwen3.5-0.8B-Q4_K_M.gguf", "mmproj-Qwen_Qwen3.5-0.8B-f16.gguf"],
        ),
        (  # lmstudio-community: only a BF16 projector
            ["Qwen3.5-0.8B-Q4_K_M.gguf", "mmproj-Qwen3.5-0.8B-BF16.gguf", "Qwen3.5-0.8B-Q8_0.gguf"],
            ["Qwen3.5-0.8B-Q4_K_M.gguf", "mmproj-Qwen3.5-0.8B-BF16.gguf"],
        ),
        (  # split files and files in sub-folders are passed over for a single top-level file
            [
                "Q4_K_M/Qwen3.5-0.8B-Q4_K_M.gguf",
                "x-Q4_K_M-00001-of-00002.gguf",
                "other-Q4_K_M.gguf",
                "mmproj-f32.gguf",
                "mmproj-F16.gguf",
            ],
            ["other-Q4_K_M.gguf", "mmproj-F16.gguf"],
        ),
    ],
)
def test_other_uploaders_are_matched_by_quantization_and_role(names, expected):
    spec = find("qwen3.5-0.8b-gguf-q4_k_m")
    assert chosen_names(spec, names) == expected


def test_no_matching_file_is_not_found_on_hub():
    spec = find(CATALOG_08B_Q8)
    with pytest.raises(CairnError) as e:
        chosen_names(spec, ["Qwen3.5-0.8B-Q4_K_M.gguf", "mmproj-F16.gguf"])
    assert e.value.code is ErrorCode.NOT_FOUND_ON_HUB and "Q8_0" in e.value.detail
    with pytest.raises(CairnError) as e:
        chosen_names(spec, ["Qwen3.5-0.8B-Q8_0.gguf"])
    assert e.value.code is ErrorCode.NOT_FOUND_ON_HUB and "mmproj" in e.value.detail


def test_tokens_are_whole_parts_of_a_name():
    assert has_token("a-Q4_K_M.gguf", "Q4_K_M")
    assert not has_token("a-Q4_K_M.gguf", "Q4_K")
    assert has_token("mmproj-x-f16.gguf", "F16")
    assert not has_token("mmproj-x-bf16.gguf", "F16")
    assert has_token("mmproj-x-bf16.gguf", "BF16")


# -- downloading from a Hub-shaped server -------------------------------------------------------


def bartowski_repo(hub) -> FakeRepo:
    model = tiny_gguf_bytes("q8")
    return hub.add(
        FakeRepo(
            "bartowski/Qwen_Qwen3.5-0.8B-GGUF",
            {
                "Qwen_Qwen3.5-0.8B-Q8_0.gguf": model,
                "Qwen_Qwen3.5-0.8B-Q4_K_M.gguf": tiny_gguf_bytes("q4"),
                "Qwen_Qwen3.5-0.8B-bf16.gguf": tiny_gguf_bytes("bf16"),
                "mmproj-Qwen_Qwen3.5-0.8B-f16.gguf": b"projector f16" * 100,
                "mmproj-Qwen_Qwen3.5-0.8B-bf16.gguf": b"projector bf16" * 100,
                "README.md": b"# readme",
                "Qwen_Qwen3.5-0.8B-Q8_0.py": b"print('never')",
            },
            commit=COMMIT_A,
        )
    )


def test_another_uploaders_naming_downloads_exactly_the_right_two_files(hub, models_dir):
    repo = bartowski_repo(hub)
    spec = dataclasses.replace(find(CATALOG_08B_Q8), repo_id=repo.repo_id)
    store = ModelStore(models_dir, catalog=(spec,), endpoint=hub.url, retry_delays=FAST_RETRY)
    seen = []
    local = store.download(spec.id, progress=seen.append)

    wanted = {"Qwen_Qwen3.5-0.8B-Q8_0.gguf", "mmproj-Qwen_Qwen3.5-0.8B-f16.gguf"}
    fetched = {e.path.rsplit("/", 1)[-1] for e in hub.resolve_requests() if e.method == "GET"}
    assert fetched == wanted
    manifest = read_manifest(models_dir / spec.id)
    assert {f.path for f in manifest.files} == wanted
    assert manifest.revision == COMMIT_A
    assert local.gguf.name == "Qwen_Qwen3.5-0.8B-Q8_0.gguf"
    assert local.mmproj is not None and local.mmproj.name == "mmproj-Qwen_Qwen3.5-0.8B-f16.gguf"
    assert (models_dir / spec.id / "Qwen_Qwen3.5-0.8B-Q8_0.gguf").read_bytes() == repo.files[
        "Qwen_Qwen3.5-0.8B-Q8_0.gguf"
    ]
    # the choice is reported, naming what stood in for the catalog's names and the commit
    [choice] = [p.detail for p in seen if p.stage == "files"]
    assert "Qwen3.5-0.8B-Q8_0.gguf → Qwen_Qwen3.5-0.8B-Q8_0.gguf" in choice
    assert "mmproj-F16.gguf → mmproj-Qwen_Qwen3.5-0.8B-f16.gguf" in choice
    assert COMMIT_A[:12] in choice


def test_the_commit_of_the_first_download_is_used_for_every_later_file(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Qwen3.5-Tiny", fake_checkpoint_files(), commit=COMMIT_A))
    spec = spec_for("tiny", repo.repo_id)
    store = ModelStore(models_dir, catalog=(spec,), endpoint=hub.url, retry_delays=FAST_RETRY)
    store.download("tiny")
    # the repository moves on; the copy on disk loses a file
    repo.commit, repo.old_commits = COMMIT_B, {COMMIT_A}
    (models_dir / "tiny" / "model.safetensors").unlink()
    assert store.entry("tiny").state is ModelState.DAMAGED
    hub.log.clear()
    store.download("tiny")
    assert store.entry("tiny").state is ModelState.READY
    assert read_manifest(models_dir / "tiny").revision == COMMIT_A
    resolves = hub.resolve_requests()
    assert resolves and all(f"/resolve/{COMMIT_A}/" in e.path for e in resolves)
    infos = [e.path for e in hub.log if e.path.startswith("/api/models/")]
    assert infos and all(p.endswith(f"/revision/{COMMIT_A}") for p in infos)


def test_a_pinned_sha256_is_checked_on_top_of_the_hubs(hub, models_dir):
    data = tiny_gguf_bytes("emb")
    repo = hub.add(FakeRepo("Qwen/Emb-GGUF", {"emb.gguf": data}, commit=COMMIT_A))
    good = dataclasses.replace(
        spec_for("emb", repo.repo_id, files=("emb.gguf",), engine="llamacpp"),
        revision=COMMIT_A,
        sha256={"emb.gguf": hashlib.sha256(data).hexdigest()},
    )
    ModelStore(models_dir, catalog=(good,), endpoint=hub.url, retry_delays=FAST_RETRY).download(
        "emb"
    )
    assert read_manifest(models_dir / "emb").revision == COMMIT_A

    bad = dataclasses.replace(good, id="emb2", sha256={"emb.gguf": "0" * 64})
    store = ModelStore(models_dir, catalog=(bad,), endpoint=hub.url, retry_delays=FAST_RETRY)
    with pytest.raises(CairnError) as e:
        store.download("emb2")
    assert e.value.code is ErrorCode.CHECKSUM_MISMATCH
    assert store.entry("emb2").state is not ModelState.READY


def test_the_embedding_model_is_pinned_in_the_catalog():
    spec = find("qwen3-embedding-0.6b-gguf-q8_0")
    assert spec.revision == "370f27d7550e0def9b39c1f16d3fbaa13aa67728"
    assert spec.sha256 == {
        "Qwen3-Embedding-0.6B-Q8_0.gguf": (
            "06507c7b42688469c4e7298b0a1e16deff06caf291cf0a5b278c308249c3e439"
        )
    }
    assert spec.download_bytes == 639_150_592


# -- the catalog's contents -------------------------------------------------------------------


def test_presets_and_thinking_defaults_follow_the_model_cards():
    for spec in load_catalog():
        if spec.role != "chat":
            continue
        assert spec.thinking_default == (spec.size in ("4B", "9B")), spec.id
        text, vision = spec.preset(False), spec.preset(False, vision=True)
        think, think_vision = spec.preset(True), spec.preset(True, vision=True)
        assert (text.temperature, text.top_p, text.top_k, text.presence_penalty) == (
            1.0,
            1.0,
            20,
            2.0,
        )
        assert (vision.temperature, vision.top_p, vision.presence_penalty) == (0.7, 0.8, 1.5)
        assert (think.temperature, think.top_p, think.presence_penalty) == (1.0, 0.95, 1.5)
        precise = spec.presets["thinking_precise"]
        assert (precise.temperature, precise.top_p, precise.presence_penalty) == (0.6, 0.95, 0.0)
        assert think_vision == precise
        assert all(p.repetition_penalty == 1.0 for p in spec.presets.values())


# -- cairn models list / verify ---------------------------------------------------------------


def list_json(capsys, *flags) -> list[dict]:
    capsys.readouterr()
    assert main(["models", "list", "--json", *flags]) == 0
    return json.loads(capsys.readouterr().out)["models"]


def test_models_list_json_on_this_machine(capsys):
    rows = list_json(capsys)
    [rec] = [r for r in rows if r["recommended"]]
    assert rec["engine"] == ("mlx" if is_apple_silicon() else "llamacpp")
    old_keys = {"id", "size", "engine", "quantization", "state", "path", "bytes_on_disk",
                "download_bytes", "ram_bytes", "recommended", "role"}  # fmt: skip
    for r in rows:
        assert old_keys | {"repo_id", "files", "revision"} <= set(r), r["id"]
    ggufs = [r for r in rows if r["engine"] == "llamacpp" and r["role"] == "chat"]
    assert {(r["size"], r["quantization"]) for r in ggufs} == set(HUB_BYTES)
    for r in ggufs:
        expected = HUB_BYTES[(r["size"], r["quantization"])] + MMPROJ_F16[r["size"]]
        assert abs(r["download_bytes"] - expected) <= 0.01 * expected, r["id"]
        assert r["files"] == [f"Qwen3.5-{r['size']}-{r['quantization']}.gguf", "mmproj-F16.gguf"]
        assert r["repo_id"] == f"unsloth/Qwen3.5-{r['size']}-GGUF"
        assert r["revision"] is None
    emb = next(r for r in rows if r["role"] == "embedding")
    assert emb["revision"] == "370f27d7550e0def9b39c1f16d3fbaa13aa67728"
    if not is_apple_silicon():  # MLX runs on its slow CPU path here: listed only when asked
        assert all(r["engine"] != "mlx" for r in rows)
        chat = [r for r in rows if r["role"] == "chat"]
        assert chat[0]["engine"] == "llamacpp"


def test_models_list_all_adds_the_mlx_builds(capsys):
    rows = list_json(capsys, "--all")
    mlx = [r for r in rows if r["engine"] == "mlx"]
    assert len(mlx) == 8
    assert all(r["repo_id"].startswith("mlx-community/Qwen3.5-") for r in mlx)
    first = "mlx" if is_apple_silicon() else "llamacpp"
    assert rows[0]["engine"] == first
    capsys.readouterr()
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert ("--all lists them" in out) != is_apple_silicon()


def test_models_verify_ok_then_changed_then_missing(hub, capsys):
    models = Path(os.environ["CAIRN_HOME"]) / "models"
    repo = hub.add(FakeRepo("fake-org/Qwen3.5-Tiny", fake_checkpoint_files()))
    spec = spec_for("tiny", repo.repo_id)
    ModelStore(models, catalog=(spec,), endpoint=hub.url, retry_delays=FAST_RETRY).download("tiny")
    n = len(read_manifest(models / "tiny").files)

    capsys.readouterr()
    assert main(["models", "verify", "tiny"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == n and all(line.startswith("ok ") for line in lines)

    weights = models / "tiny" / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit, same size: only a re-hash sees it
    weights.write_bytes(bytes(data))
    assert main(["models", "verify", "tiny"]) == 1
    out = capsys.readouterr()
    assert "changed  model.safetensors" in out.out
    assert sum(line.startswith("ok ") for line in out.out.splitlines()) == n - 1
    assert out.err.startswith("error: 1 of")

    (models / "tiny" / "tokenizer.json").unlink()
    assert main(["models", "verify", "tiny", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    status = {f["path"]: f["status"] for f in doc["files"]}
    assert doc["ok"] is False
    assert status["model.safetensors"] == "changed" and status["tokenizer.json"] == "missing"
    assert status["config.json"] == "ok"


def test_models_verify_unknown_model_is_one_line(capsys):
    assert main(["models", "verify", "no-such-model"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")


def test_gguf_download_is_inspectable(hub, models_dir):
    """The bartowski-style folder is recognised by inspect_model (one model file + projector)."""
    repo = bartowski_repo(hub)
    spec = dataclasses.replace(find(CATALOG_08B_Q8), repo_id=repo.repo_id)
    ModelStore(models_dir, catalog=(spec,), endpoint=hub.url, retry_delays=FAST_RETRY).download(
        spec.id
    )
    local = inspect_model(models_dir / spec.id)
    assert local.format == "gguf" and local.has_vision


def test_a_proxy_passed_in_carries_every_request(hub, tiny_repo, models_dir, monkeypatch):
    from inference.models.hub import use_proxy

    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    spec = spec_for("tiny", tiny_repo.repo_id)
    # a host that does not resolve: only the proxy can reach it
    store = ModelStore(
        models_dir, catalog=(spec,), endpoint="http://hub.invalid", retry_delays=FAST_RETRY
    ).with_network("http://hub.invalid", hub.url)
    try:
        store.download("tiny")
    finally:
        use_proxy(None)
    assert hub.log and all(e.proxied for e in hub.log)
    assert store.entry("tiny").state is ModelState.READY


def test_cli_download_prints_the_files_it_chose(hub, capsys):
    """The catalog's own repository after a rename: the CLI says what stood in for what."""
    files = {
        "qwen3.5-0.8b-q8_0.gguf": tiny_gguf_bytes("renamed"),
        "qwen3.5-0.8b-q4_k_m.gguf": tiny_gguf_bytes("other"),
        "mmproj-F16.gguf": b"projector" * 50,
    }
    repo = hub.add(FakeRepo(find(CATALOG_08B_Q8).repo_id, files))
    capsys.readouterr()
    assert main(["models", "download", CATALOG_08B_Q8, "--endpoint", hub.url]) == 0
    err = capsys.readouterr().err
    chosen = "Qwen3.5-0.8B-Q8_0.gguf → qwen3.5-0.8b-q8_0.gguf, mmproj-F16.gguf"
    assert f"fetching {chosen} @ {repo.commit[:12]}" in err
    models = Path(os.environ["CAIRN_HOME"]) / "models"
    manifest = read_manifest(models / CATALOG_08B_Q8)
    assert sorted(f.path for f in manifest.files) == ["mmproj-F16.gguf", "qwen3.5-0.8b-q8_0.gguf"]
