"""Fixtures for the translation tests: the packaging/ helpers and freshly built .qm files."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]


def load_packaging_module(name: str):
    """Import packaging/<name>.py by path (packaging/ is a folder of scripts, not a package)."""
    folder = str(ROOT / "packaging")
    if folder not in sys.path:
        sys.path.insert(0, folder)  # the scripts import their sibling tslib
    key = f"cairn_packaging_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def tslib():
    return load_packaging_module("tslib")


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory) -> Path:
    """The committed .ts compiled with lrelease into a temporary folder."""
    out = tmp_path_factory.mktemp("qm")
    load_packaging_module("build_translations").build(out)
    return out
