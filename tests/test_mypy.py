"""The type checker runs with the project's own configuration ([tool.mypy] in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(900)
def test_mypy_passes():
    exe = shutil.which("mypy") or str(Path(sys.executable).parent / "mypy")
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-8000:] + proc.stderr[-2000:]
    assert "Success" in proc.stdout
