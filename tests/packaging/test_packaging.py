"""The installer build's own logic, on small inputs (the real bundle is CI's ci_bundle.sh)."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "cairn.spec"


def _fake_bundle(tmp_path: Path, payload: int = 1000, data: tuple[str, ...] = ()) -> Path:
    dist = tmp_path / "dist"
    (dist / "cairn" / "_internal").mkdir(parents=True)
    for rel in data:
        (dist / "cairn" / "_internal" / rel).parent.mkdir(parents=True, exist_ok=True)
        (dist / "cairn" / "_internal" / rel).write_bytes(b"")
    exe = dist / "cairn" / "cairn"
    exe.write_bytes(b"\x7fELF" + b"\0" * payload)
    exe.chmod(0o755)
    (dist / "cairn" / "_internal" / "data.bin").write_bytes(b"x" * payload)
    (dist / "cairn" / "_internal" / "link.so").symlink_to("data.bin")
    return dist


def test_size_budget_passes_under_and_fails_over(build_script, tmp_path):
    dist = _fake_bundle(tmp_path, payload=400_000)
    size = build_script.tree_size(dist / "cairn")
    assert 800_000 < size < 800_100  # two payloads + the link itself, not followed
    assert build_script.check_budget(dist / "cairn", budget_mb=1) == size
    with pytest.raises(build_script.BuildError, match="over the 0 MB budget"):
        build_script.check_budget(dist / "cairn", budget_mb=0.5)


def test_version_comes_from_pyproject(build_script):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert build_script.version() == pyproject["project"]["version"]


def test_spec_hidden_imports_exist():
    """Every literal hidden import names a module importable in this venv (catches renames)."""
    tree = ast.parse(SPEC.read_text())
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "hiddenimports":
            names = [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    assert "mlx._reprlib_fix" in names and "mlx.__array_api_info" in names
    for name in names:
        assert importlib.util.find_spec(name) is not None, name


def test_spec_excludes_the_heavy_unused_packages():
    """The packages the environment notes measured as dead weight stay out of the bundle."""
    tree = ast.parse(SPEC.read_text())
    excludes = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "excludes":
            excludes = [e.value for e in node.value.elts]
    for heavy in ("pyarrow", "pandas", "datasets", "fastapi", "torch"):
        assert heavy in excludes
    for needed in ("uvicorn", "starlette"):  # `cairn serve` runs on them
        assert needed not in excludes
    assert "PySide6.QtQuick" in excludes and "tkinter" in excludes


def test_entry_script_runs_the_command_line():
    """packaging/cairn_entry.py is what the bundle runs: `cairn chat --help` goes through it."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "cairn_entry.py"), "chat", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "--model" in done.stdout


def test_deb_tree_and_package(installers, tmp_path):
    dist = _fake_bundle(tmp_path)
    staging = installers.stage_deb(dist, "1.2.3", tmp_path / "stage")
    assert (staging / "opt/cairn/cairn").exists()
    link = staging / "usr/bin/cairn"
    assert link.is_symlink() and link.resolve() == (staging / "opt/cairn/cairn").resolve()
    assert (staging / "usr/share/applications/cairn.desktop").exists()
    for n in installers.HICOLOR_SIZES:
        icon = staging / f"usr/share/icons/hicolor/{n}x{n}/apps/cairn.png"
        assert Image.open(icon).size == (n, n)
    control = (staging / "DEBIAN/control").read_text()
    assert "Version: 1.2.3\n" in control and "Architecture: amd64\n" in control
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb not installed")
    deb = installers.linux_deb(dist, "1.2.3", tmp_path / "work")
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    assert info.returncode == 0 and "Package: cairn" in info.stdout
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    assert "./opt/cairn/cairn" in listing.stdout
    assert "./usr/bin/cairn -> ../../opt/cairn/cairn" in listing.stdout
    assert "root/root" in listing.stdout  # --root-owner-group


def test_committed_icons_are_current(make_icons, tmp_path):
    """make_icons.py is deterministic and resources/icons/ is what it draws today."""
    made = make_icons.write_all(tmp_path)
    committed = ROOT / "resources" / "icons"
    for path in made:
        assert (committed / path.name).read_bytes() == path.read_bytes(), (
            f"{path.name} is stale: run python packaging/make_icons.py"
        )
    ico = Image.open(committed / "cairn.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.ico.sizes())
    assert Image.open(committed / "cairn.icns").size == (1024, 1024)


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / "cairn.desktop", encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application" and main["Exec"].split()[0] == "cairn"
    assert main["Icon"] == "cairn"  # the name the .deb installs into the hicolor theme
    assert "Name[zh_CN]" in main or "GenericName[zh_CN]" in main
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(ROOT / "resources" / "cairn.desktop")],
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr


def test_inno_script_matches_the_bundle():
    """The installer script installs the executables the spec names."""
    iss = (ROOT / "packaging" / "windows" / "cairn.iss").read_text()
    spec = SPEC.read_text()
    assert '"Cairn" if sys.platform == "win32"' in spec and 'name="cairn-cli"' in spec
    assert r"{app}\Cairn.exe" in iss
    assert "OutputBaseFilename=Cairn-{#AppVersion}-windows-x64-setup" in iss


def test_contents_check_catches_excluded_and_missing_files(build_script, tmp_path):
    dist = _fake_bundle(tmp_path, data=build_script.REQUIRED[1:])
    with pytest.raises(build_script.BuildError, match="missing from the bundle: i18n/cairn_zh_CN"):
        build_script.check_contents(dist / "cairn")
    dist = _fake_bundle(tmp_path / "complete", data=build_script.REQUIRED)
    build_script.check_contents(dist / "cairn")  # a clean, complete bundle passes
    bad = dist / "cairn" / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Quick.so.6"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"")
    with pytest.raises(build_script.BuildError, match="libQt6Quick"):
        build_script.check_contents(dist / "cairn")


def test_ci_script_is_valid_bash_and_executable():
    script = ROOT / "packaging" / "ci_bundle.sh"
    assert script.stat().st_mode & 0o111
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
