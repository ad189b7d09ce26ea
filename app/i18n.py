"""Which language the window speaks, and switching it while the app runs.

Two translators per language are installed on the QApplication: Cairn's own catalogue
(i18n/cairn_<code>.qm, built from the committed .ts sources) and Qt's qtbase_<code>.qm (so
the standard buttons, file dialogs and context menus match). Installing or removing a
translator makes Qt send QEvent.LanguageChange to every widget; a window retranslates in
changeEvent():

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

The translators are children of the application object (found again by object name), so
there is no module-level state to keep in step with Qt.

Usage from the GUI: `install(app)` once at start-up (reads the "language" setting, "system"
by default), and `apply_language(app, code)` whenever the user picks another language in the
settings (then store the code under the "language" key). `LANGUAGES` feeds the settings'
combo box; each name is written in its own language, so it is not translated.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

log = logging.getLogger(__name__)

SYSTEM = "system"  # the setting's value for "follow the operating system"
SETTING_KEY = "language"  # key in the settings file (config/cairn.ini)
SOURCE_LANGUAGE = "en"  # the language the code is written in: no translator needed
TRANSLATOR_NAME = "cairn-i18n-translator"  # object name of the translators we install


@dataclass(frozen=True)
class Language:
    code: str  # Qt locale name, also the suffix of the .ts/.qm files
    native_name: str  # the language's name in that language (an endonym: never translated)


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("zh_CN", "简体中文"),
    Language("ja", "日本語"),
    Language("es", "Español"),
    Language("de", "Deutsch"),
    Language("fr", "Français"),
)
CODES = frozenset(lang.code for lang in LANGUAGES)


def translations_dir() -> Path:
    """Where cairn_<code>.qm lives: next to the bundle's code when frozen, else the checkout."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "i18n"
    return Path(__file__).resolve().parent.parent / "i18n"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own qtbase_<code>.qm may be (Qt's configured path first)."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if getattr(sys, "frozen", False):  # PyInstaller keeps PySide6's layout under _MEIPASS
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        dirs.append(base / "PySide6" / "Qt" / "translations")
    return dirs


def match_language(ui_languages: list[str]) -> str:
    """The first of the user's preferred languages (most wanted first) that Cairn has.

    Names come from QLocale.uiLanguages() ("zh-Hans-CN", "de-AT", "fr"...). Chinese counts as
    Simplified unless the script or region says Traditional; with no match: English.
    """
    for name in ui_languages:
        loc = QLocale(name.replace("-", "_"))
        lang = loc.language()
        if lang == QLocale.Language.C:
            continue
        if lang == QLocale.Language.Chinese:
            traditional = loc.script() == QLocale.Script.TraditionalChineseScript or (
                loc.script() == QLocale.Script.AnyScript
                and loc.territory()
                in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
            )
            if not traditional:
                return "zh_CN"
            continue
        code = QLocale.languageToCode(lang)  # "ja", "es", "de", "fr", "en"
        if code in CODES:
            return code
    return SOURCE_LANGUAGE


def resolve_language(setting: str | None, system: QLocale | None = None) -> str:
    """The language code to use for a setting value ("system", a code, or junk -> system)."""
    if setting and setting != SYSTEM and setting in CODES:
        return setting
    if setting and setting != SYSTEM:
        log.warning("unknown language setting %r: following the system", setting)
    return match_language((system or QLocale.system()).uiLanguages())


def _lrelease() -> Path | None:
    import PySide6

    exe = Path(PySide6.__file__).resolve().parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return exe if exe.exists() else None


def _ensure_compiled(code: str, directory: Path) -> Path:
    """In a source checkout, build cairn_<code>.qm from its .ts when missing or older.

    Installers ship the .qm built by packaging/build_translations.py; this only spares a
    developer that step. Failure is logged and leaves the window in English.
    """
    qm = directory / f"cairn_{code}.qm"
    ts = directory / f"cairn_{code}.ts"
    if getattr(sys, "frozen", False) or not ts.exists():
        return qm
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        return qm
    try:
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("could not compile %s: %s", ts.name, e)
    return qm


def _remove_ours(app: QCoreApplication) -> None:
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)  # back to Python ownership: deleted with its last reference


def _install(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if not path.is_file() or not translator.load(str(path)):
        translator.setParent(None)
        return False
    app.installTranslator(translator)
    return True


def apply_language(
    app: QCoreApplication | None, setting: str | None = SYSTEM, *, directory: Path | None = None
) -> str:
    """Switch the running app to a language; return the code in effect.

    Replaces any translators installed earlier by this function, so it serves both start-up
    and a change in the settings. Qt then sends LanguageChange to every widget. Also sets the
    default QLocale so numbers and dates follow the chosen language.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QCoreApplication")
    code = resolve_language(setting)
    _remove_ours(app)
    if code != SOURCE_LANGUAGE:
        directory = directory or translations_dir()
        if not _install(app, _ensure_compiled(code, directory)):
            log.warning("no translations for %s in %s: showing English", code, directory)
            code = SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(code))
    if code == SOURCE_LANGUAGE:
        return code
    for qt_dir in qt_translations_dirs():
        if _install(app, qt_dir / f"qtbase_{code}.qm"):
            break
    else:
        log.warning("no Qt translations (qtbase_%s.qm) found: standard buttons stay English", code)
    return code


def installed_translators(app: QCoreApplication | None = None) -> list[QTranslator]:
    """The translators apply_language installed (for tests and the about box)."""
    app = app or QCoreApplication.instance()
    return list(app.findChildren(QTranslator, TRANSLATOR_NAME)) if app else []


def saved_language() -> str:
    """The language chosen in the settings ("system" when none), read before any window."""
    from inference.paths import data_dirs

    from .settings import OPTIONS, Settings

    settings = Settings(data_dirs(os.environ).config)
    if SETTING_KEY in OPTIONS:
        return str(settings.get(SETTING_KEY) or SYSTEM)
    # Not declared as an option yet: read the key straight from the same file.
    stored = QSettings(str(settings.path), QSettings.Format.IniFormat).value(SETTING_KEY, SYSTEM)
    return str(stored or SYSTEM)


def install(app: QCoreApplication, setting: str | None = None) -> str:
    """Start-up: the saved (or given) language, else the system's. Returns the code used."""
    if setting is None:
        try:
            setting = saved_language()
        except (OSError, ValueError, TypeError):  # unreadable settings: the window still opens
            log.exception("could not read the language setting")
            setting = SYSTEM
    return apply_language(app, setting)


def fill_language_combo(combo, current: str | None = SYSTEM) -> None:
    """Fill a QComboBox for the settings: "same as the system" then each language by its own
    name; item data is the value to store under SETTING_KEY and pass to apply_language()."""
    combo.clear()
    combo.addItem(QCoreApplication.translate("Language", "Same as the system"), SYSTEM)
    for lang in LANGUAGES:
        combo.addItem(lang.native_name, lang.code)
    index = combo.findData(current if current in CODES else SYSTEM)
    combo.setCurrentIndex(max(index, 0))


class _LanguageChangeFilter(QObject):
    """Calls back when its parent widget receives LanguageChange (see on_language_change)."""

    def __init__(self, widget: QObject, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and watched is self.parent():
            self._callback()
        return False


def on_language_change(widget: QObject, callback) -> QObject:
    """Run callback (typically the widget's retranslate method) after every language switch.

    The alternative to overriding changeEvent(): `i18n.on_language_change(self,
    self.retranslate_ui)` in __init__. The filter lives and dies with the widget.
    """
    return _LanguageChangeFilter(widget, callback)
