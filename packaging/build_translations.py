"""Compile the committed .ts sources to the .qm files the app loads (pyside6-lrelease).

    python packaging/build_translations.py              # i18n/cairn_<code>.qm
    python packaging/build_translations.py --out DIR    # somewhere else (e.g. a build tree)

The .qm files are build products (i18n/.gitignore): the installer build runs this step, the
tests run it, and a source checkout compiles them on first use (app/i18n.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tslib  # noqa: E402


def build(out_dir: Path = tslib.I18N, ts_dir: Path = tslib.I18N) -> list[Path]:
    """Compile every language's .ts into out_dir; returns the .qm paths."""
    built = []
    for code in tslib.TS_LANGUAGES:
        ts = tslib.ts_path(code, ts_dir)
        if not ts.exists():
            raise FileNotFoundError(f"{ts} is missing: run packaging/update_translations.py")
        qm = tslib.qm_path(code, out_dir)
        tslib.lrelease(ts, qm)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=tslib.I18N, help="folder for the .qm files")
    args = parser.parse_args(argv)
    for qm in build(args.out):
        print(f"{qm} ({qm.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
