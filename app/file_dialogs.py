"""File dialogs that speak the app's language: Qt's own dialog rather than the platform's.

The platform's native dialog follows the system language and never hears of a switch made in
Cairn's settings; Qt's dialog is translated by the qtbase catalogue app/i18n.py installs and
retranslates itself on a switch, like every other widget.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def existing_directory(parent: QWidget | None, title: str) -> str:
    return QFileDialog.getExistingDirectory(
        parent, title, "", OPTIONS | QFileDialog.Option.ShowDirsOnly
    )


def open_file(parent: QWidget | None, title: str, filters: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters, "", OPTIONS)
    return path


def open_files(parent: QWidget | None, title: str, filters: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters, "", OPTIONS)
    return paths


def save_file(parent: QWidget | None, title: str, filters: str = "") -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, "", filters, "", OPTIONS)
    return path
