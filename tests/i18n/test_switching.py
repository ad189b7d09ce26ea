"""app/i18n.py: following the system, switching at run time, Qt's own strings translated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale
from PySide6.QtWidgets import QWidget

from app import i18n


@pytest.mark.parametrize(
    ("ui_languages", "expected"),
    [
        (["zh-Hans-CN", "en-US"], "zh_CN"),
        (["zh-CN"], "zh_CN"),
        (["zh-Hant-TW", "ja-JP"], "ja"),  # Traditional Chinese: not served by zh_CN
        (["de-AT"], "de"),
        (["fr-CA", "en"], "fr"),
        (["pt-BR", "es-MX"], "es"),  # first language we have wins
        (["ru-RU"], "en"),
        ([], "en"),
    ],
)
def test_match_language(ui_languages, expected):
    assert i18n.match_language(ui_languages) == expected


def test_setting_overrides_system_and_junk_falls_back():
    assert i18n.resolve_language("de", QLocale("ja_JP")) == "de"
    assert i18n.resolve_language("system", QLocale("ja_JP")) == "ja"
    assert i18n.resolve_language("xx_YY", QLocale("fr_FR")) == "fr"
    assert i18n.resolve_language(None, QLocale("es_ES")) == "es"


class _Watcher(QWidget):
    """A window that counts LanguageChange events, as real windows retranslate on them."""

    def __init__(self):
        super().__init__()
        self.changes = 0

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)


def _cancel() -> str:
    return QCoreApplication.translate("QPlatformTheme", "Cancel")


@pytest.fixture
def restore_english(qapp):
    yield qapp
    i18n.apply_language(qapp, "en")


def test_switch_at_runtime_installs_ours_and_qts(restore_english, qm_dir, tslib):
    app = restore_english
    window = _Watcher()
    assert i18n.apply_language(app, "zh_CN", directory=qm_dir) == "zh_CN"
    assert _cancel() == "取消"  # Qt's own qtbase_zh_CN.qm
    assert len(i18n.installed_translators(app)) == 2  # ours + qtbase
    assert QLocale().name() == "zh_CN"
    for entry in tslib.live(tslib.read_ts(tslib.ts_path("zh_CN"))).values():
        if entry.translated and not entry.numerus:  # our own catalogue answers too
            got = QCoreApplication.translate(entry.context, entry.source, entry.comment or None)
            assert got == entry.translations[0]
    app.processEvents()
    assert window.changes >= 1

    seen = window.changes
    assert i18n.apply_language(app, "de", directory=qm_dir) == "de"
    app.processEvents()
    assert _cancel() == "Abbrechen"
    assert len(i18n.installed_translators(app)) == 2  # the Chinese ones were removed
    assert window.changes > seen

    assert i18n.apply_language(app, "en", directory=qm_dir) == "en"
    assert _cancel() == "Cancel"
    assert i18n.installed_translators(app) == []
    window.deleteLater()


def test_missing_catalogue_falls_back_to_english(restore_english, tmp_path):
    assert i18n.apply_language(restore_english, "fr", directory=tmp_path) == "en"
    assert i18n.installed_translators(restore_english) == []
    assert _cancel() == "Cancel"


def test_source_checkout_compiles_missing_qm(restore_english, tmp_path, tslib):
    """With only the .ts present (fresh checkout), the .qm is built on first use."""
    import shutil

    shutil.copy2(tslib.ts_path("ja"), tmp_path / "cairn_ja.ts")
    assert i18n.apply_language(restore_english, "ja", directory=tmp_path) == "ja"
    assert (tmp_path / "cairn_ja.qm").exists()
    assert _cancel() == "キャンセル"


def test_install_reads_the_saved_language(restore_english, tmp_path, monkeypatch, qm_dir):
    """Start-up uses the language stored in the settings file under CAIRN_HOME."""
    from PySide6.QtCore import QSettings

    from inference.paths import data_dirs

    monkeypatch.setenv("CAIRN_HOME", str(tmp_path))
    config = data_dirs({"CAIRN_HOME": str(tmp_path)}).config
    config.mkdir(parents=True)
    stored = QSettings(str(config / "cairn.ini"), QSettings.Format.IniFormat)
    stored.setValue(i18n.SETTING_KEY, "es")
    stored.sync()
    assert i18n.saved_language() == "es"
    monkeypatch.setattr(i18n, "translations_dir", lambda: qm_dir)
    assert i18n.install(restore_english) == "es"
    assert _cancel() == "Cancelar"


def test_plural_forms_follow_the_language(restore_english, qm_dir, tslib):
    """Numerus messages pick the right form per language (Spanish: 1 vs many)."""
    plural = [e for e in tslib.live(tslib.read_ts(tslib.ts_path("es"))).values() if e.numerus]
    if not plural:
        pytest.skip("no plural messages in the GUI yet")
    entry = plural[0]
    i18n.apply_language(restore_english, "es", directory=qm_dir)
    one = QCoreApplication.translate(entry.context, entry.source, entry.comment or None, 1)
    many = QCoreApplication.translate(entry.context, entry.source, entry.comment or None, 5)
    assert one == entry.translations[0].replace("%n", "1")
    assert many == entry.translations[1].replace("%n", "5")


def test_language_combo_lists_system_then_each_language(restore_english):
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    i18n.fill_language_combo(combo, "ja")
    codes = [combo.itemData(i) for i in range(combo.count())]
    assert codes == [i18n.SYSTEM, *(lang.code for lang in i18n.LANGUAGES)]
    assert combo.currentData() == "ja" and combo.currentText() == "日本語"
    i18n.fill_language_combo(combo, "nonsense")
    assert combo.currentData() == i18n.SYSTEM


def test_frozen_bundle_looks_next_to_the_code(monkeypatch, tmp_path):
    """In a PyInstaller bundle the catalogues are under sys._MEIPASS (the spec puts them there)."""
    monkeypatch.setattr(i18n.sys, "frozen", True, raising=False)
    monkeypatch.setattr(i18n.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.translations_dir() == tmp_path / "i18n"
    assert tmp_path / "PySide6" / "Qt" / "translations" in i18n.qt_translations_dirs()
    # Frozen: never try to compile (no lrelease in a bundle), just report what is there.
    assert i18n._ensure_compiled("de", tmp_path / "i18n") == tmp_path / "i18n" / "cairn_de.qm"


def test_on_language_change_retranslates_a_child_widget(restore_english, qm_dir):
    """The helper fires for widgets inside a window too (Qt forwards LanguageChange down)."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    button = QPushButton(window)
    QVBoxLayout(window).addWidget(button)

    def retranslate():
        button.setText(QCoreApplication.translate("QPlatformTheme", "Cancel"))

    retranslate()
    i18n.on_language_change(button, retranslate)
    i18n.apply_language(restore_english, "fr", directory=qm_dir)
    restore_english.processEvents()
    assert button.text() == "Annuler"
    i18n.apply_language(restore_english, "en", directory=qm_dir)
    restore_english.processEvents()
    assert button.text() == "Cancel"
    window.deleteLater()
