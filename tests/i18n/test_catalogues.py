"""The committed .ts files: in step with the code, complete where promised, well formed."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from app.i18n import CODES, SOURCE_LANGUAGE
from tests.i18n.conftest import load_packaging_module

ROOT = Path(__file__).resolve().parents[2]
COVERAGE = json.loads((ROOT / "i18n" / "coverage.json").read_text(encoding="utf-8"))

# Qt's %1..%99 (also %L1), plural %n / %Ln, and str.format fields like {name}.
PLACEHOLDER = re.compile(r"%L?\d{1,2}|%L?n|\{[A-Za-z_]\w*(?:[:!][^{}]*)?\}")
# A keyboard mnemonic: one "&" before a character, not "&&" and not an entity like "&amp;".
MNEMONIC = re.compile(r"(?<!&)&(?![&\s])(?![A-Za-z]+;)")


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_languages_agree_between_app_and_tooling(tslib):
    assert set(tslib.TS_LANGUAGES) == CODES - {SOURCE_LANGUAGE}


@pytest.mark.parametrize("code", ["zh_CN", "ja", "es", "de", "fr"])
def test_ts_exists_for_its_language(tslib, code):
    path = tslib.ts_path(code)
    assert path.exists(), f"{path} missing: run packaging/update_translations.py"
    assert tslib.ts_language(path).split("_")[0] == code.split("_")[0]


def test_ts_not_stale_against_code(tslib):
    """lupdate over app/ (into temporary copies) yields the same messages as the committed .ts."""
    update = load_packaging_module("update_translations")
    problems = update.stale_languages()
    assert not problems, (
        "run `python packaging/update_translations.py` and translate: "
        + "; ".join(f"{k}: {v}" for k, v in problems.items())
    )


@pytest.mark.parametrize("code", COVERAGE["complete"])
def test_complete_languages_have_every_string(tslib, code):
    allowed_same = set(COVERAGE["same_as_source"]["strings"])
    missing, copied = [], []
    for entry in tslib.live(tslib.read_ts(tslib.ts_path(code))).values():
        if not entry.translated:
            missing.append(f"{entry.context}: {entry.source!r}")
        elif entry.translations == (entry.source,) and entry.source not in allowed_same:
            copied.append(f"{entry.context}: {entry.source!r}")
    assert not missing, f"{len(missing)} untranslated in {code}: {missing[:10]}"
    assert not copied, f"{code} 'translations' identical to English: {copied[:10]}"


def _screen_keys(tslib, tmp_path: Path) -> set[tuple[str, str, str]]:
    sources = [Path(s) for s in COVERAGE["screens"]["sources"]]
    for s in sources:
        assert (ROOT / s).exists(), f"i18n/coverage.json names {s}, which does not exist"
    if not sources:
        return set()
    out = tmp_path / "screens_ja.ts"
    tslib.lupdate(sources, [out])
    return set(tslib.live(tslib.read_ts(out)))


@pytest.mark.parametrize("code", COVERAGE["screens"]["languages"])
def test_main_window_and_first_run_translated(tslib, tmp_path, code):
    keys = _screen_keys(tslib, tmp_path)
    entries = tslib.live(tslib.read_ts(tslib.ts_path(code)))
    missing = [
        f"{k[0]}: {k[1]!r}"
        for k in sorted(keys)
        if not entries.get(k, None) or not entries[k].translated
    ]
    assert not missing, f"{len(missing)} untranslated in {code}: {missing[:10]}"


@pytest.mark.parametrize("code", ["zh_CN", "ja", "es", "de", "fr"])
def test_translations_keep_placeholders_and_mnemonics(tslib, code):
    bad = []
    for e in tslib.live(tslib.read_ts(tslib.ts_path(code))).values():
        if not e.translated:
            continue
        want = _placeholders(e.source)
        got = [_placeholders(t) for t in e.translations]
        if e.numerus:
            # A plural form may leave out %n ("one file"), but none may invent placeholders.
            ok = all(g <= want for g in got) and set().union(*got) == want
        else:
            ok = got[0] == want
        if not ok:
            bad.append(f"{e.context}: {e.source!r} -> {e.translations!r} (placeholders)")
        if any(bool(MNEMONIC.search(t)) != bool(MNEMONIC.search(e.source)) for t in e.translations):
            bad.append(f"{e.context}: {e.source!r} -> {e.translations!r} (& mnemonic)")
    assert not bad, "\n".join(bad[:20])


def test_checks_detect_what_they_claim():
    """The checks above catch what they claim (guards against a regex that matches nothing)."""
    assert _placeholders("Save %1 of %n to {path}") == {"%1", "%n", "{path}"}
    assert _placeholders("{tps:.1f} tokens/s") == {"{tps:.1f}"}
    assert MNEMONIC.search("&Open") and MNEMONIC.search("打开(&O)")
    assert not MNEMONIC.search("Q&&A") and not MNEMONIC.search("a &amp; b")


def test_qm_files_build_and_load(qm_dir, tslib):
    from PySide6.QtCore import QTranslator

    for code in tslib.TS_LANGUAGES:
        qm = tslib.qm_path(code, qm_dir)
        assert qm.stat().st_size > 0
        assert QTranslator().load(str(qm)), qm


def test_lrelease_reports_no_errors(tslib, tmp_path):
    """lrelease parses every .ts without complaint (bad XML or encodings fail here)."""
    for code in tslib.TS_LANGUAGES:
        done = subprocess.run(
            [
                str(tslib.qt_tool("lrelease")),
                str(tslib.ts_path(code)),
                "-qm",
                str(tmp_path / "x.qm"),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
