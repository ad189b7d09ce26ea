"""Refresh the .ts sources in i18n/ from the GUI code (pyside6-lupdate over app/**/*.py).

    python packaging/update_translations.py           # update i18n/cairn_*.ts in place
    python packaging/update_translations.py --check   # exit 1 if they are stale (CI)

Existing translations are kept; new strings arrive as "unfinished" for a translator (Qt
Linguist: `pyside6-linguist i18n/cairn_zh_CN.ts`); strings the code no longer has are
dropped. Run after changing any tr()/translate() string, then translate and commit the .ts.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tslib  # noqa: E402


def update(ts_dir: Path = tslib.I18N, root: Path = tslib.ROOT) -> list[Path]:
    """Run lupdate over the app sources into ts_dir/cairn_<code>.ts for every language."""
    ts_dir.mkdir(parents=True, exist_ok=True)
    targets = [tslib.ts_path(code, ts_dir) for code in tslib.TS_LANGUAGES]
    tslib.lupdate(tslib.app_sources(root), targets, cwd=root)
    return targets


def stale_languages(ts_dir: Path = tslib.I18N, root: Path = tslib.ROOT) -> dict[str, str]:
    """Languages whose committed .ts differs from what lupdate makes of the code now.

    lupdate runs on temporary copies; the message sets (context, source, comment) of the
    live entries are compared. Returns code -> short explanation.
    """
    problems: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        for code in tslib.TS_LANGUAGES:
            src = tslib.ts_path(code, ts_dir)
            if src.exists():
                shutil.copy2(src, tslib.ts_path(code, tmp_dir))
        update(tmp_dir, root)
        for code in tslib.TS_LANGUAGES:
            src = tslib.ts_path(code, ts_dir)
            if not src.exists():
                problems[code] = f"{src.name} is missing"
                continue
            committed = set(tslib.live(tslib.read_ts(src)))
            fresh = set(tslib.live(tslib.read_ts(tslib.ts_path(code, tmp_dir))))
            if committed != fresh:
                new, gone = fresh - committed, committed - fresh
                sample = sorted(new or gone)[0]
                problems[code] = (
                    f"{len(new)} string(s) in the code but not in {src.name}, {len(gone)} in it "
                    f"but no longer in the code (e.g. {sample[0]}: {sample[1]!r})"
                )
    return problems


def summary(ts_dir: Path = tslib.I18N) -> str:
    lines = []
    for code in tslib.TS_LANGUAGES:
        path = tslib.ts_path(code, ts_dir)
        if not path.exists():
            continue
        entries = tslib.live(tslib.read_ts(path)).values()
        done = sum(e.translated for e in entries)
        lines.append(f"{path.name}: {done}/{len(entries)} translated")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale .ts files")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_languages()
        for code, text in problems.items():
            print(f"stale {code}: {text}", file=sys.stderr)
        if problems:
            print("run: python packaging/update_translations.py", file=sys.stderr)
        return 1 if problems else 0
    update()
    print(summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
