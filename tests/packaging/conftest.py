"""Fixtures for the packaging tests (packaging/ is a folder of scripts, loaded by path)."""

from __future__ import annotations

import pytest

from tests.i18n.conftest import load_packaging_module


@pytest.fixture(scope="session")
def build_script():
    return load_packaging_module("build")


@pytest.fixture(scope="session")
def installers():
    return load_packaging_module("installers")


@pytest.fixture(scope="session")
def make_icons():
    return load_packaging_module("make_icons")
