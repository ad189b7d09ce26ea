"""Build Cairn's installer for the OS this runs on, and prove the bundle works.

    python packaging/build.py                 # bundle + checks + this OS's installer(s)
    python packaging/build.py --bundle-only   # bundle + checks (what CI runs)

Steps: refuse a venv with the GUI build of OpenCV (it drags Qt 5 in), compile translations,
PyInstaller with packaging/cairn.spec, check the size budget (fail over it), run the bundled
program's `--self-test` offscreen and a `chat` on a tiny random checkpoint, then package:
Linux -> .tar.gz + .deb, macOS -> .dmg (signed and notarised when credentials are set),
Windows -> .zip + Inno Setup installer (when iscc is installed). Prints the bundle size and
build time, and writes them to dist/build-summary.json.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import build_translations  # noqa: E402
import installers  # noqa: E402

ROOT = HERE.parent
SPEC = HERE / "cairn.spec"
DEFAULT_BUDGET_MB = 700  # unpacked bundle; the limit for Linux
MB = 1_000_000


class BuildError(Exception):
    """A check failed: printed as one line, exit status 1."""


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def check_environment() -> None:
    """The GUI build of opencv-python bundles Qt 5 (and ~116 MB) and breaks PySide6's plugins."""
    try:
        importlib.metadata.distribution("opencv-python")
    except importlib.metadata.PackageNotFoundError:
        return
    raise BuildError(
        "opencv-python (with Qt 5) is installed: run `pip uninstall -y opencv-python` and "
        "`pip install --force-reinstall --no-deps opencv-python-headless`"
    )


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> float:
    """Run PyInstaller on the spec; returns seconds taken."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")
    start = time.monotonic()
    done = subprocess.run([*cmd, str(SPEC)], cwd=ROOT)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed with status {done.returncode}")
    return time.monotonic() - start


def bundle_dir(dist: Path) -> Path:
    """The folder to measure and package (the .app on macOS)."""
    return dist / "Cairn.app" if sys.platform == "darwin" else dist / "cairn"


def executable(dist: Path) -> Path:
    if sys.platform == "win32":
        return dist / "cairn" / "cairn-cli.exe"  # the console twin, so output can be read
    if sys.platform == "darwin":
        return dist / "Cairn.app" / "Contents" / "MacOS" / "cairn"
    return dist / "cairn" / "cairn"


def tree_size(path: Path) -> int:
    """Bytes of all files under path (symlinks counted as links, as on disk after unpacking)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def check_budget(path: Path, budget_mb: float) -> int:
    size = tree_size(path)
    if size > budget_mb * MB:
        raise BuildError(
            f"bundle is {size / MB:.0f} MB, over the {budget_mb:.0f} MB budget: "
            "see the largest files with `du -a dist/cairn | sort -n | tail -30`"
        )
    return size


# What must never be in the bundle (the spec excludes them; this catches a dependency that
# starts pulling one back in): path fragments, checked on every file.
FORBIDDEN = (
    "torch/",
    "pyarrow/",
    "pandas/",
    "scipy/",
    "datasets/",
    "fastapi/",
    "tkinter",
    "libQt6Quick",
    "libQt6Qml",
    "libQt6Pdf",
    "libQt6WebEngine",
    "libqgtk3",
    "libcudart",
    "opencv_python.libs/libQt5",  # the GUI build of OpenCV and its Qt 5
    "cv2/qt/",
)


# What must be there: data files the app opens by path (a missing one fails only at run time).
REQUIRED = (
    *(f"i18n/cairn_{code}.qm" for code in build_translations.tslib.TS_LANGUAGES),
    *(f"PySide6/Qt/translations/qtbase_{code}.qm" for code in ("zh_CN", "ja", "es", "de", "fr")),
    "resources/catalog.json",
    "resources/icons/cairn.png",
)


def check_contents(path: Path) -> None:
    found, present = [], set()
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            rel = os.path.relpath(os.path.join(dirpath, name), path).replace(os.sep, "/")
            if any(bad in rel for bad in FORBIDDEN):
                found.append(rel)
            present.update(req for req in REQUIRED if rel.endswith(req))
    if found:
        raise BuildError(f"{len(found)} excluded file(s) in the bundle, e.g. {found[:5]}")
    missing = [req for req in REQUIRED if req not in present]
    if missing:
        raise BuildError(f"missing from the bundle: {', '.join(missing)}")


def tiny_model(tmp: Path) -> Path:
    """A tiny random Qwen3.5 checkpoint (tests/fixtures), enough to load and generate."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.tiny_qwen import build_text_checkpoint

    return build_text_checkpoint(tmp / "tiny-qwen3.5")


def _run_bundled(args: list[str], env: dict[str, str], timeout: float) -> tuple[str, str]:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        raise BuildError(f"`{' '.join(args)}` took over {timeout:.0f} s") from e
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise BuildError(f"`{' '.join(args)}` exited with {done.returncode}:\n{tail}")
    return done.stdout, done.stderr


def self_test(dist: Path, model: Path | None, timeout: float = 600) -> dict[str, float]:
    """The bundled program, in a clean data folder: the window's self-test, then the CLI."""
    exe = executable(dist)
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="cairn-selftest-") as tmp:
        tmp_path = Path(tmp)
        model = model or tiny_model(tmp_path)
        env = dict(os.environ)
        env.update(
            CAIRN_HOME=str(tmp_path / "home"),
            HF_HUB_OFFLINE="1",
            PYTHONPATH="",  # the bundle must not see the source tree
            QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        )
        # The window runs in Simplified Chinese (saved setting): app/i18n.py logs a warning
        # when the bundle lacks cairn_zh_CN.qm or Qt's qtbase_zh_CN.qm.
        config = tmp_path / "home" / "config"
        config.mkdir(parents=True)
        (config / "cairn.ini").write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
        start = time.monotonic()
        _out, err = _run_bundled(
            [str(exe), "--self-test", "--debug", "--model", str(model)], env, timeout
        )
        timings["self_test_s"] = time.monotonic() - start
        missing = [line for line in err.splitlines() if "app.i18n" in line and "WARNING" in line]
        if missing:
            raise BuildError(f"translations missing from the bundle: {missing[0]}")
        start = time.monotonic()
        out, _err = _run_bundled(
            [str(exe), "chat", "Say hello.", "--model", str(model), "--max-tokens", "8",
             "--no-think", "--seed", "0", "--json"],
            env,
            timeout,
        )  # fmt: skip
        timings["chat_s"] = time.monotonic() - start
        try:
            answer = json.loads(out)
        except json.JSONDecodeError as e:
            raise BuildError(f"`cairn chat --json` printed no JSON: {out[:200]!r}") from e
        if not isinstance(answer, dict):
            raise BuildError(f"`cairn chat --json` printed {out[:200]!r}")
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true", help="no installers (CI)")
    parser.add_argument("--skip-self-test", action="store_true")
    parser.add_argument("--model", type=Path, help="checkpoint for the self-test (default: tiny)")
    parser.add_argument("--budget-mb", type=float, default=DEFAULT_BUDGET_MB)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="rebuild PyInstaller's cache")
    args = parser.parse_args(argv)

    started = time.monotonic()
    summary: dict[str, object] = {"version": version(), "platform": sys.platform}
    try:
        check_environment()
        build_translations.build()
        summary["pyinstaller_s"] = round(run_pyinstaller(args.dist, args.work, args.clean), 1)
        check_contents(bundle_dir(args.dist))
        size = check_budget(bundle_dir(args.dist), args.budget_mb)
        summary["bundle_mb"] = round(size / MB, 1)
        print(f"bundle: {bundle_dir(args.dist)} {size / MB:.1f} MB (budget {args.budget_mb:.0f})")
        if not args.skip_self_test:
            summary.update({k: round(v, 1) for k, v in self_test(args.dist, args.model).items()})
            print("self-test: passed (window --self-test, cairn chat)")
        if not args.bundle_only:
            artifacts = installers.package(args.dist, version(), args.work.parent)
            summary["artifacts"] = {p.name: round(p.stat().st_size / MB, 1) for p in artifacts}
    except (BuildError, installers.PackagingError) as e:
        print(f"build failed: {e}", file=sys.stderr)
        return 1
    summary["total_s"] = round(time.monotonic() - started, 1)
    args.dist.mkdir(parents=True, exist_ok=True)
    (args.dist / "build-summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
