"""Item 4 (and 5) of issue 15: a GGUF import takes only the projector that belongs to the model;
a link to a device, a FIFO, a projector for another model are skipped with a line, in seconds."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.fixtures.tiny_gguf import build_tiny_gguf, write_mmproj_gguf
from tests.hostile.conftest import cairn, loop

MODEL = "tiny-qwen3.5-F32.gguf"


@pytest.fixture(scope="module")
def vision_gguf(tmp_path_factory) -> Path:
    return build_tiny_gguf(tmp_path_factory.mktemp("g") / "tiny", vision=True)


def _folder(tmp_path: Path, vision_gguf: Path, extras: dict) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    shutil.copy(vision_gguf / MODEL, folder / MODEL)
    for name, make in extras.items():
        make(folder / name)
    return folder


def _import(folder_or_file: Path, home: Path):
    run = cairn("models", "import", str(folder_or_file), env_home=home, timeout=60)
    return run.returncode, run.stdout.decode().strip(), run.stderr.decode().strip().splitlines()


def _imported_files(home: Path, model_id: str) -> list[str]:
    manifest = next(home.rglob(f"{model_id}/.cairn-manifest.json"))
    return sorted(f["path"] for f in json.loads(manifest.read_text())["files"])


def test_the_models_own_projector_is_imported(tmp_path, vision_gguf):
    own = vision_gguf / "mmproj-tiny-qwen3.5-F32.gguf"
    folder = _folder(tmp_path, vision_gguf, {own.name: lambda p: shutil.copy(own, p)})
    code, model_id, err = _import(folder, tmp_path / "home")
    assert code == 0 and err == [], err
    assert _imported_files(tmp_path / "home", model_id) == sorted([MODEL, own.name])


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("mmproj-zero.gguf", lambda p: os.symlink("/dev/zero", p), "not a regular file"),
        ("mmproj-fifo.gguf", os.mkfifo, "not a regular file"),
        ("mmproj-other.gguf", lambda p: write_mmproj_gguf(p, text_embd=96), "width 96"),
        ("mmproj-text.gguf", lambda p: p.write_bytes(b"not a gguf at all"), "not a GGUF"),
        ("mmproj-loop.gguf", lambda p: loop(p.parent, p.name), "symbolic links"),
    ],
)
def test_anything_else_is_skipped_with_a_line(tmp_path, vision_gguf, name, make, reason):
    folder = _folder(tmp_path, vision_gguf, {name: make})
    code, model_id, err = _import(folder / MODEL, tmp_path / "home")
    assert code == 0, err
    assert len(err) == 1 and err[0].startswith(f"skipped {name}: ") and reason in err[0], err
    assert _imported_files(tmp_path / "home", model_id) == [MODEL]


def test_a_symlink_loop_named_to_import_is_one_line(tmp_path):
    looped = loop(tmp_path)
    code, _, err = _import(looped, tmp_path / "home")
    assert code == 1 and len(err) == 1 and err[0].startswith("error: "), err
    assert "loop of symbolic links" in err[0] or "not found" in err[0]
