"""Imports, removal, disk use, resolving --model, the recommendation, the token store."""

from __future__ import annotations

import hashlib
import os

import pytest

from inference.catalog import load_catalog
from inference.cli.main import main
from inference.errors import CairnError, ErrorCode
from inference.models import resolve_model
from inference.models.manifest import read_manifest
from inference.models.recommend import recommend
from inference.models.store import ModelState, ModelStore

from .conftest import fake_checkpoint_files, spec_for, tiny_gguf_bytes, write_files

GB = 1_000_000_000


def test_import_folder_copies_only_engine_files(tmp_path, models_dir):
    src = tmp_path / "My Qwen3.5 Folder"
    src.mkdir()
    files = fake_checkpoint_files()
    write_files(src, {**files, "pytorch_model.bin": b"\x80\x04", "modeling.py": b"import os"})
    store = ModelStore(models_dir, catalog=())
    seen = []
    model_id = store.import_path(src, progress=seen.append)
    assert model_id == "my-qwen3.5-folder"
    assert seen[-1].stage == "import" and seen[-1].done == seen[-1].total == sum(
        len(d) for d in files.values()
    )
    folder = models_dir / model_id
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(files)
    manifest = read_manifest(folder)
    assert manifest is not None and manifest.source == "import"
    for rec in manifest.files:
        assert rec.sha256 == hashlib.sha256(files[rec.path]).hexdigest()
    entry = store.entry(model_id)
    assert entry.state is ModelState.READY and entry.spec is None
    assert [e.id for e in store.entries()] == [model_id]
    assert resolve_model(model_id, models_dir).path == folder
    assert store.import_path(src) == "my-qwen3.5-folder-2"  # a second import gets a new id


def test_import_gguf_file_with_projector(tmp_path, models_dir):
    (tmp_path / "Tiny-Q4_K_M.gguf").write_bytes(tiny_gguf_bytes("m"))
    # a real projector header for this model's width (a qwen35 file named mmproj* is refused)
    from tests.fixtures.tiny_gguf import write_mmproj_gguf

    write_mmproj_gguf(tmp_path / "mmproj-F16.gguf", text_embd=1024)
    store = ModelStore(models_dir, catalog=())
    model_id = store.import_path(tmp_path / "Tiny-Q4_K_M.gguf")
    local = resolve_model(model_id, models_dir)
    assert local.format == "gguf" and local.has_vision
    assert local.gguf == models_dir / model_id / "Tiny-Q4_K_M.gguf"


def test_import_refuses_other_models(tmp_path, models_dir):
    src = tmp_path / "llama"
    src.mkdir()
    (src / "config.json").write_text('{"model_type": "llama"}')
    with pytest.raises(CairnError) as e:
        ModelStore(models_dir, catalog=()).import_path(src)
    assert e.value.code is ErrorCode.NOT_QWEN35
    assert not models_dir.exists() or not [p for p in models_dir.iterdir() if p.name != ".partial"]


def test_cli_import_prints_id_alone_then_remove(tmp_path, capsys):
    src = write_files(tmp_path / "imp", fake_checkpoint_files())
    assert main(["models", "import", str(src)]) == 0
    out = capsys.readouterr().out
    assert out == "imp\n"
    models = tmp_path / "cairn-home" / "models"
    store = ModelStore(models)
    assert store.entry("imp").state is ModelState.READY
    assert store.disk_usage() >= sum(len(d) for d in fake_checkpoint_files().values())
    assert main(["models", "remove", "imp"]) == 0
    assert not (models / "imp").exists()
    assert main(["models", "remove", "imp"]) == 1  # gone: a one-line error
    assert "model not found" in capsys.readouterr().err


def test_resolve_refuses_what_is_not_ready(tmp_path, models_dir):
    spec = spec_for("tiny-mlx", "fake-org/x")
    store = ModelStore(models_dir, catalog=(spec,))
    assert store.entry("tiny-mlx").state is ModelState.NOT_DOWNLOADED
    with pytest.raises(CairnError) as e:
        store.local_model("tiny-mlx")
    assert e.value.code is ErrorCode.MODEL_NOT_DOWNLOADED
    (models_dir / ".partial" / "tiny-mlx").mkdir(parents=True)
    assert store.entry("tiny-mlx").state is ModelState.DOWNLOADING
    with pytest.raises(CairnError) as e:
        store.local_model("tiny-mlx")
    assert e.value.code is ErrorCode.MODEL_INCOMPLETE
    # a folder dropped in by hand, without a manifest, is not trusted as ready
    write_files(models_dir / "by-hand", fake_checkpoint_files())
    with pytest.raises(CairnError) as e:
        resolve_model("by-hand", models_dir)
    assert e.value.code is ErrorCode.MODEL_INCOMPLETE
    with pytest.raises(CairnError) as e:
        resolve_model("nothing-here", models_dir)
    assert e.value.code is ErrorCode.MODEL_NOT_FOUND
    # an explicit path still works, as before
    assert resolve_model(str(models_dir / "by-hand"), models_dir).format == "hf"


def test_resolve_default_is_first_ready(tmp_path, models_dir):
    with pytest.raises(CairnError):
        resolve_model(None, models_dir)
    src = write_files(tmp_path / "a-model", fake_checkpoint_files())
    model_id = ModelStore(models_dir, catalog=()).import_path(src)
    assert resolve_model(None, models_dir).path == models_dir / model_id


def test_bad_ids_never_become_paths(models_dir):
    store = ModelStore(models_dir, catalog=())
    for bad in ("../etc", "a/b", "..", "UPPER"):
        assert store.entry(bad).state is ModelState.NOT_DOWNLOADED
        with pytest.raises(CairnError):
            store.remove(bad)


@pytest.mark.parametrize(
    ("ram", "disk", "apple", "cores", "expected"),
    [
        (8 * GB, 100 * GB, True, None, "qwen3.5-4b-mlx-4bit"),
        (16 * GB, 100 * GB, True, None, "qwen3.5-9b-mlx-4bit"),
        (4 * GB, 100 * GB, True, None, "qwen3.5-0.8b-mlx-4bit"),
        (2 * GB, 100 * GB, True, None, "qwen3.5-0.8b-mlx-4bit"),  # nothing fits: the smallest
        (32 * GB, 100 * GB, False, None, "qwen3.5-9b-gguf-q4_k_m"),
        (32 * GB, 3.5 * GB, False, None, "qwen3.5-2b-gguf-q4_k_m"),  # the disk decides
        (32 * GB, 100 * GB, False, 2, "qwen3.5-2b-gguf-q4_k_m"),  # two cores: at most 2B
        (32 * GB, 100 * GB, False, 8, "qwen3.5-4b-gguf-q4_k_m"),
    ],
)
def test_recommend(ram, disk, apple, cores, expected):
    spec = recommend(
        load_catalog(), ram_bytes=ram, free_disk_bytes=disk, apple_silicon=apple, cpu_cores=cores
    )
    assert spec.id == expected
    assert spec.engine == ("mlx" if apple else "llamacpp")


def test_token_without_keychain_stays_in_memory(tmp_path, monkeypatch):
    import keyring
    from keyring.backends import fail

    from inference.models.secrets import TokenStore

    monkeypatch.setenv("HOME", str(tmp_path))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = TokenStore("cairn-test-a")
        assert store.get() is None and not store.persistent()
        assert store.set("hf_abc") is False
        assert store.get() == "hf_abc"
        assert TokenStore("cairn-test-b").get() is None
        store.delete()
        assert store.get() is None
    finally:
        keyring.set_keyring(previous)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))  # nothing written to disk


def test_token_in_keychain(monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    from inference.models import secrets

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
        store = secrets.TokenStore("cairn-test-c")
        assert store.persistent() and store.set("hf_xyz") is True
        assert MemoryKeyring.data[("cairn-test-c", secrets.USERNAME)] == "hf_xyz"
        monkeypatch.setattr(secrets, "_memory", {})  # a new session: only the keychain remains
        assert secrets.TokenStore("cairn-test-c").get() == "hf_xyz"
        store.delete()
        assert secrets.TokenStore("cairn-test-c").get() is None
    finally:
        keyring.set_keyring(previous)


def test_cli_list_marks_one_recommended(capsys):
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    marked = [line for line in out.splitlines() if line.startswith("* qwen")]
    assert len(marked) == 1 and "recommended for this machine" in out
    assert os.environ["CAIRN_HOME"] in out


def test_cancelled_import_leaves_nothing(tmp_path, models_dir):
    from inference.cancel import Cancelled, CancelToken

    src = write_files(tmp_path / "imp", fake_checkpoint_files())
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        ModelStore(models_dir, catalog=()).import_path(src, cancel=cancel)
    assert [p for p in models_dir.rglob("*") if p.is_file()] == []
