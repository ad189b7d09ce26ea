"""Light and dark, following the system (Qt's color scheme hint), on the Fusion style."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def is_dark(app: QGuiApplication | None = None) -> bool:
    if app is None:
        running = QGuiApplication.instance()
        if not isinstance(running, QGuiApplication):  # no GUI application yet: light
            return False
        app = running
    try:
        return app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5: judge by the window colour
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d6fd1",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, color in colors.items():
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6f7276"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6f7276"))
    return p


def style_sheet(dark: bool) -> str:
    user = "#263a5c" if dark else "#e8f0fe"
    assistant = "#26272a" if dark else "#ffffff"
    border = "#3c4043" if dark else "#dadce0"
    muted = "#9aa0a6" if dark else "#5f6368"
    return f"""
    QFrame#userMessage {{ background: {user}; border: 1px solid {border}; border-radius: 8px; }}
    QFrame#assistantMessage {{ background: {assistant}; border: 1px solid {border};
                               border-radius: 8px; }}
    QFrame#userMessage QTextBrowser, QFrame#assistantMessage QTextBrowser {{
        background: transparent; }}
    QLabel#statsLabel, QLabel#statusLabel, QLabel#hintLabel {{ color: {muted}; }}
    """


def apply(app: QApplication, preference: str = "system") -> bool:
    """Apply light or dark ("system" follows the OS); returns True when dark."""
    app.setStyle("Fusion")
    dark = is_dark(app) if preference == "system" else preference == "dark"
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setStyleSheet(style_sheet(dark))
    return dark


def follow_system(app: QApplication, preference: str) -> None:
    """Re-apply when the OS switches between light and dark (only when following it)."""
    if preference != "system":
        return
    try:
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app, "system"))
    except AttributeError:  # Qt < 6.5: the theme stays as chosen at start-up
        log.info("this Qt cannot follow the system's colour scheme")
