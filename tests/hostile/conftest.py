"""Hostile inputs built at test time: file names that are not UTF-8, escape sequences, loops."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Not UTF-8 (0xff), an escape sequence that would retitle a terminal, a bell.
EVIL = os.fsdecode(b"bad\xff\x1b]0;PWNED\x07name")


def cairn(*argv: str, env_home: Path, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """`cairn ARGS` in a child process (a crash shows as a negative return code), output as bytes."""
    env = dict(os.environ, CAIRN_HOME=str(env_home), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "app.launcher", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=timeout,
    )


def loop(folder: Path, name: str = "loop") -> Path:
    """A symbolic link loop: name -> name.b -> name."""
    a, b = folder / name, folder / f"{name}.b"
    os.symlink(b, a)
    os.symlink(a, b)
    return a


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"
