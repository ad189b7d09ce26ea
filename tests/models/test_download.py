"""Downloads against a fake Hub on 127.0.0.1: full, resumed, dropped, damaged, refused."""

from __future__ import annotations

import hashlib
import json

import pytest

from inference.cancel import Cancelled, CancelToken
from inference.errors import CairnError, ErrorCode
from inference.models.manifest import MANIFEST_NAME, read_manifest
from inference.models.store import ModelState, ModelStore

from .conftest import FAST_RETRY, fake_checkpoint_files, spec_for, tiny_gguf_bytes
from .fakehub import FakeRepo

ID = "tiny-mlx"


def store_for(hub, models_dir, repo_id, **kw) -> ModelStore:
    spec = spec_for(ID, repo_id, **{k: v for k, v in kw.items() if k in ("files", "mmproj")})
    extra = {k: v for k, v in kw.items() if k not in ("files", "mmproj")}
    extra.setdefault("retry_delays", FAST_RETRY)
    return ModelStore(models_dir, catalog=(spec,), endpoint=hub.url, **extra)


def test_full_download_is_verified_and_ready(hub, tiny_repo, models_dir):
    store = store_for(hub, models_dir, tiny_repo.repo_id)
    assert store.entry(ID).state is ModelState.NOT_DOWNLOADED
    seen = []
    local = store.download(ID, progress=seen.append)
    folder = models_dir / ID
    assert local.path == folder and local.format == "hf" and local.size == "0.8B"
    entry = store.entry(ID)
    assert entry.state is ModelState.READY and entry.bytes_on_disk > 0
    manifest = read_manifest(folder)
    assert manifest is not None
    assert manifest.repo_id == tiny_repo.repo_id and manifest.revision == tiny_repo.commit
    listed = {f.path: f for f in manifest.files}
    assert set(listed) == set(tiny_repo.files)
    for name, data in tiny_repo.files.items():
        assert (folder / name).read_bytes() == data
        assert listed[name].sha256 == hashlib.sha256(data).hexdigest()
        assert listed[name].size == len(data)
    # every file was fetched at the commit resolved once, never at "main"
    resolves = [e for e in hub.log if "/resolve/" in e.path]
    assert resolves and all(f"/resolve/{tiny_repo.commit}/" in e.path for e in resolves)
    assert any(e.status == 302 for e in resolves)  # LFS files came through the CDN hop
    assert not (models_dir / ".partial" / ID).exists()
    assert not list(folder.rglob("*.part"))
    total = sum(len(d) for d in tiny_repo.files.values())
    downloads = [p for p in seen if p.stage == "download"]
    assert downloads and downloads[-1].done == downloads[-1].total == total
    # a second call finds it ready and fetches nothing
    n = len(hub.resolve_requests())
    store.download(ID)
    assert len(hub.resolve_requests()) == n


def test_pickles_and_code_are_never_fetched(hub, models_dir):
    files = fake_checkpoint_files()
    files.update(
        {
            "pytorch_model.bin": b"\x80\x04pickle",
            "modeling_qwen.py": b"import os\n",
            "README.md": b"# card\n",
            "training_args.pt": b"\x80\x04",
            "sub/extra.pkl": b"\x80\x04",
        }
    )
    repo = hub.add(FakeRepo("fake-org/WithPickles", files))
    store_for(hub, models_dir, repo.repo_id).download(ID)
    fetched = {e.path.rsplit("/", 1)[-1] for e in hub.resolve_requests()}
    for bad in (
        "pytorch_model.bin",
        "modeling_qwen.py",
        "README.md",
        "training_args.pt",
        "extra.pkl",
    ):
        assert bad not in fetched
        assert not list((models_dir / ID).rglob(bad))
    assert "model.safetensors" in fetched


def test_gguf_entry_fetches_exactly_its_files(hub, models_dir):
    model = tiny_gguf_bytes("model")
    files = {
        "Tiny-Q4_K_M.gguf": model,
        "Tiny-Q8_0.gguf": model + b"\0" * 16,
        "mmproj-F16.gguf": tiny_gguf_bytes("mmproj"),
        "config.json": b"{}",
    }
    repo = hub.add(FakeRepo("fake-org/Tiny-GGUF", files))
    store = store_for(
        hub, models_dir, repo.repo_id, files=("Tiny-Q4_K_M.gguf",), mmproj="mmproj-F16.gguf"
    )
    local = store.download(ID)
    assert local.format == "gguf" and local.has_vision
    fetched = sorted(e.path.rsplit("/", 1)[-1] for e in hub.resolve_requests())
    assert fetched == ["Tiny-Q4_K_M.gguf", "mmproj-F16.gguf"]


def test_gguf_file_missing_on_hub(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Tiny-GGUF2", {"other.gguf": b"GGUF"}))
    store = store_for(hub, models_dir, repo.repo_id, files=("Tiny-Q4_K_M.gguf",))
    with pytest.raises(CairnError) as e:
        store.download(ID)
    assert e.value.code is ErrorCode.NOT_FOUND_ON_HUB


def test_dropped_connection_resumes_with_range(hub, models_dir):
    files = fake_checkpoint_files(weights_bytes=300_000)
    repo = hub.add(FakeRepo("fake-org/Drop", files))
    hub.throttle["model.safetensors"] = (10_000, 0.0)
    hub.drop_after["model.safetensors"] = 120_000
    store_for(hub, models_dir, repo.repo_id).download(ID)
    reqs = hub.file_requests("model.safetensors")
    assert [r.range_start for r in reqs] == [None, 120_000]
    assert reqs[0].bytes_sent == 120_000
    assert reqs[1].bytes_sent == len(files["model.safetensors"]) - 120_000
    assert (models_dir / ID / "model.safetensors").read_bytes() == files["model.safetensors"]


def test_checksum_mismatch_is_refused_and_never_ready(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Bad", fake_checkpoint_files(), corrupt={"model.safetensors"}))
    store = store_for(hub, models_dir, repo.repo_id)
    with pytest.raises(CairnError) as e:
        store.download(ID)
    assert e.value.code is ErrorCode.CHECKSUM_MISMATCH
    assert "model.safetensors" in e.value.detail
    assert not (models_dir / ID).exists()
    assert store.entry(ID).state is not ModelState.READY
    assert not (models_dir / ".partial" / ID / "model.safetensors").exists()
    assert not (models_dir / ".partial" / ID / "model.safetensors.part").exists()


def test_non_lfs_file_checked_by_git_id(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/BadJson", fake_checkpoint_files(), corrupt={"config.json"}))
    with pytest.raises(CairnError) as e:
        store_for(hub, models_dir, repo.repo_id).download(ID)
    assert e.value.code is ErrorCode.CHECKSUM_MISMATCH and "config.json" in e.value.detail


def test_not_enough_space_fetches_nothing(hub, tiny_repo, models_dir):
    store = store_for(hub, models_dir, tiny_repo.repo_id, free_space_fn=lambda p: 1000)
    with pytest.raises(CairnError) as e:
        store.download(ID)
    assert e.value.code is ErrorCode.NO_SPACE
    assert hub.resolve_requests() == []


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (404, ErrorCode.NOT_FOUND_ON_HUB),
        (401, ErrorCode.UNAUTHORIZED),
        (403, ErrorCode.UNAUTHORIZED),
    ],
)
def test_http_errors_have_codes(hub, models_dir, status, code):
    repo = hub.add(FakeRepo("fake-org/Err", fake_checkpoint_files(), status=status))
    with pytest.raises(CairnError) as e:
        store_for(hub, models_dir, repo.repo_id).download(ID)
    assert e.value.code is code


def test_unknown_repo_is_not_found(hub, models_dir):
    with pytest.raises(CairnError) as e:
        store_for(hub, models_dir, "fake-org/Nope").download(ID)
    assert e.value.code is ErrorCode.NOT_FOUND_ON_HUB


def test_token_is_sent_and_required(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Private", fake_checkpoint_files(), token="hf_secret"))
    with pytest.raises(CairnError) as e:
        store_for(hub, models_dir, repo.repo_id).download(ID)
    assert e.value.code is ErrorCode.UNAUTHORIZED
    store_for(hub, models_dir, repo.repo_id, token="hf_secret").download(ID)
    assert all(r.authorization == "Bearer hf_secret" for r in hub.resolve_requests())


def test_no_network(models_dir):
    spec = spec_for(ID, "fake-org/Tiny")
    store = ModelStore(
        models_dir, catalog=(spec,), endpoint="http://127.0.0.1:9", retry_delays=FAST_RETRY
    )
    with pytest.raises(CairnError) as e:
        store.download(ID)
    assert e.value.code is ErrorCode.NO_NETWORK


def test_cancel_keeps_partial_then_resumes(hub, models_dir):
    files = fake_checkpoint_files(weights_bytes=200_000)
    repo = hub.add(FakeRepo("fake-org/Cancel", files))
    hub.throttle["model.safetensors"] = (8_000, 0.01)
    store = store_for(hub, models_dir, repo.repo_id)
    cancel = CancelToken()

    def on_progress(p):
        if p.detail == "model.safetensors" and p.done > 60_000:
            cancel.cancel()

    with pytest.raises(Cancelled):
        store.download(ID, progress=on_progress, cancel=cancel)
    part = models_dir / ".partial" / ID / "model.safetensors.part"
    kept = part.stat().st_size
    assert kept > 0
    assert store.entry(ID).state is ModelState.DOWNLOADING
    hub.throttle.clear()
    store.download(ID)
    ranged = [r for r in hub.file_requests("model.safetensors") if r.range_start is not None]
    assert [r.range_start for r in ranged] == [kept]  # the kept bytes were not fetched again
    assert ranged[0].bytes_sent == len(files["model.safetensors"]) - kept
    assert store.entry(ID).state is ModelState.READY


def test_damaged_model_is_detected_and_refused(hub, tiny_repo, models_dir):
    store = store_for(hub, models_dir, tiny_repo.repo_id)
    store.download(ID)
    (models_dir / ID / "model.safetensors").write_bytes(b"short")
    assert store.entry(ID).state is ModelState.DAMAGED
    with pytest.raises(CairnError) as e:
        store.local_model(ID)
    assert e.value.code is ErrorCode.MODEL_INCOMPLETE
    store.download(ID)  # a fresh download replaces the damaged copy
    assert store.entry(ID).state is ModelState.READY
    manifest = json.loads((models_dir / ID / MANIFEST_NAME).read_text())
    assert manifest["revision"] == tiny_repo.commit


NEW_COMMIT = "fedcba9876543210fedcba9876543210fedcba98"


def _cancelled_halfway(hub, store, repo) -> int:
    hub.throttle["model.safetensors"] = (8_000, 0.01)
    cancel = CancelToken()

    def on_progress(p):
        if p.detail == "model.safetensors" and p.done > 60_000:
            cancel.cancel()

    with pytest.raises(Cancelled):
        store.download(ID, progress=on_progress, cancel=cancel)
    hub.throttle.clear()
    return (store.models_dir / ".partial" / ID / "model.safetensors.part").stat().st_size


def test_resume_stays_on_the_commit_resolved_at_start(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Moving", fake_checkpoint_files(weights_bytes=200_000)))
    store = store_for(hub, models_dir, repo.repo_id)
    first = repo.commit
    kept = _cancelled_halfway(hub, store, repo)
    repo.old_commits.add(first)
    repo.commit = NEW_COMMIT  # the repo moved on while the download was paused
    store.download(ID)
    assert read_manifest(models_dir / ID).revision == first
    resolves = [e for e in hub.log if "/resolve/" in e.path]
    assert all(f"/resolve/{first}/" in e.path for e in resolves)
    ranged = [r for r in hub.file_requests("model.safetensors") if r.range_start is not None]
    assert [r.range_start for r in ranged] == [kept]


def test_resume_starts_over_when_its_commit_is_gone(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Rewritten", fake_checkpoint_files(weights_bytes=200_000)))
    store = store_for(hub, models_dir, repo.repo_id)
    _cancelled_halfway(hub, store, repo)
    repo.commit = NEW_COMMIT  # history rewritten: the old commit no longer exists
    store.download(ID)
    assert read_manifest(models_dir / ID).revision == NEW_COMMIT
    reqs = hub.file_requests("model.safetensors")
    assert len(reqs) == 2 and all(r.range_start is None for r in reqs)  # fetched afresh


def test_failure_before_any_byte_leaves_no_trace(hub, models_dir):
    repo = hub.add(FakeRepo("fake-org/Gone", fake_checkpoint_files(), status=404))
    store = store_for(hub, models_dir, repo.repo_id)
    with pytest.raises(CairnError):
        store.download(ID)
    assert store.entry(ID).state is ModelState.NOT_DOWNLOADED
    assert not (models_dir / ".partial" / ID).exists()


def test_overloaded_server_is_retried(hub, tiny_repo, models_dir):
    hub.fail_next["model.safetensors"] = [503, 429]
    store_for(hub, models_dir, tiny_repo.repo_id).download(ID)
    statuses = [e.status for e in hub.log if e.path.endswith("/model.safetensors")]
    assert 503 in statuses and 429 in statuses and statuses[-1] == 200


def test_server_errors_that_persist_give_up(hub, tiny_repo, models_dir):
    hub.fail_next["model.safetensors"] = [500] * 10
    with pytest.raises(CairnError) as e:
        store_for(hub, models_dir, tiny_repo.repo_id).download(ID)
    assert e.value.code is ErrorCode.DOWNLOAD_FAILED and "500" in e.value.detail
