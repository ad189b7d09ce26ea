"""Shared pieces of the translation tooling: where things are, Qt's tools, reading .ts files.

Used by update_translations.py, build_translations.py, build.py and tests/i18n. Kept free of
Qt imports (only PySide6's package folder is needed, to find lupdate/lrelease), so scripts
start fast.

Note: this folder must never get an __init__.py: `packaging` is also the name of a PyPI
library that pip and setuptools import; as a namespace folder it can never shadow it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
APP = ROOT / "app"
# Languages with a .ts file (English is the source language and has none).
TS_LANGUAGES = ("zh_CN", "ja", "es", "de", "fr")


def ts_path(code: str, directory: Path = I18N) -> Path:
    return directory / f"cairn_{code}.ts"


def qm_path(code: str, directory: Path = I18N) -> Path:
    return directory / f"cairn_{code}.qm"


def qt_tool(name: str) -> Path:
    """Path of a Qt tool shipped inside the PySide6 wheel (lupdate, lrelease)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise RuntimeError("PySide6 is not installed in this Python")
    exe = Path(spec.origin).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    if not exe.exists():
        raise RuntimeError(f"{exe} not found (is pyside6-essentials installed?)")
    return exe


def app_sources(root: Path = ROOT) -> list[Path]:
    """Every Python file of the GUI, relative to root (lupdate records these paths)."""
    return sorted(
        p.relative_to(root) for p in (root / "app").rglob("*.py") if "__pycache__" not in p.parts
    )


def lupdate(sources: list[Path], ts_files: list[Path], *, cwd: Path = ROOT) -> str:
    """Extract tr()/translate()/QT_TRANSLATE_NOOP strings into ts_files, merging what is there.

    Existing translations are kept; strings gone from the code are dropped (-no-obsolete) so
    the committed files hold exactly what the code uses. No source locations are written:
    they would change with every edit of the GUI and bury real changes in diffs.
    """
    cmd = [str(qt_tool("lupdate")), "-locations", "none", "-no-obsolete"]
    cmd += [str(s) for s in sources] + ["-ts"] + [str(t) for t in ts_files]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> None:
    """Compile one .ts to .qm (unfinished entries are left out, so they show in English)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed for {ts.name}: {done.stderr.strip()}")


@dataclass(frozen=True)
class Entry:
    """One message of a .ts file."""

    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]  # one item, or one per plural form when numerus
    unfinished: bool  # translation type="unfinished" (not used by lrelease)
    obsolete: bool  # type="obsolete" or "vanished": no longer in the code

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def translated(self) -> bool:
        return (
            not self.unfinished
            and bool(self.translations)
            and all(t.strip() for t in self.translations)
        )


def read_ts(path: Path) -> dict[tuple[str, str, str], Entry]:
    """Messages of a .ts file keyed by (context, source, comment)."""
    root = ET.parse(path).getroot()
    entries: dict[tuple[str, str, str], Entry] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name", default="")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            numerus = msg.get("numerus") == "yes"
            if tr is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(f.text or "" for f in tr.iter("numerusform"))
            else:
                texts = (tr.text or "",)
            entry = Entry(
                context=name,
                source=msg.findtext("source", default=""),
                comment=msg.findtext("comment", default=""),
                numerus=numerus,
                translations=texts,
                unfinished=kind == "unfinished",
                obsolete=kind in ("obsolete", "vanished"),
            )
            entries[entry.key] = entry
    return entries


def live(entries: dict[tuple[str, str, str], Entry]) -> dict[tuple[str, str, str], Entry]:
    """Only the messages the code still uses."""
    return {k: e for k, e in entries.items() if not e.obsolete}


def ts_language(path: Path) -> str:
    return ET.parse(path).getroot().get("language", "")
