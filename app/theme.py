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


def colors(dark: bool) -> dict[str, str]:
    """The few colours the style sheet uses beyond the palette."""
    if dark:
        return {
            "canvas": "#1b1c1e",
            "pane": "#202124",
            "bubble": "#2f3640",
            "chip": "#2a2b2e",
            "border": "#3c4043",
            "muted": "#9aa0a6",
            "accent": "#5b8def",
            "accent_hover": "#6f9cf2",
            "focus": "#8ab4f8",
            "hover": "#2d2e31",
            "notice": "#2a2f3a",
            "selected": "#33425c",
            "text": "#e8eaed",
        }
    return {
        "canvas": "#ffffff",
        "pane": "#f7f7f8",
        "bubble": "#eef1f6",
        "chip": "#ffffff",
        "border": "#dcdfe4",
        "muted": "#5f6368",
        "accent": "#2f6fde",
        "accent_hover": "#255ec2",
        "focus": "#2f6fde",
        "hover": "#eceef1",
        "notice": "#eef3fd",
        "selected": "#dde6f7",
        "text": "#202124",
    }


def style_sheet(dark: bool) -> str:
    c = colors(dark)
    return f"""
    QWidget#chatPane, QWidget#chatCanvas, QScrollArea > QWidget > QWidget#chatCanvas {{
        background: {c["canvas"]}; }}
    QWidget#sidePane {{ background: {c["pane"]}; }}
    QFrame#userBubble {{ background: {c["bubble"]}; border: none; border-radius: 14px; }}
    QFrame#userMessage, QFrame#assistantMessage, QFrame#assistantBody {{
        background: transparent; border: none; }}
    QFrame#userBubble QTextBrowser, QFrame#assistantBody QTextBrowser {{
        background: transparent; border: none; }}
    QPlainTextEdit#thinkingView {{ background: {c["pane"]}; border: 1px solid {c["border"]};
        border-radius: 6px; color: {c["muted"]}; }}
    QLabel#statsLabel, QLabel#statusLabel, QLabel#hintLabel {{ color: {c["muted"]}; }}
    QLabel#greeting {{ font-size: 22pt; font-weight: 600; }}
    QPushButton#suggestion {{ text-align: left; padding: 10px 12px; border: 1px solid
        {c["border"]}; border-radius: 10px; background: {c["canvas"]}; }}
    QPushButton#suggestion:hover {{ background: {c["hover"]}; }}
    QFrame#composer {{ background: {c["canvas"]}; border: 1px solid {c["border"]};
        border-radius: 14px; }}
    QFrame#composer[focused="true"] {{ border: 2px solid {c["focus"]}; }}
    QFrame#composer[dropping="true"] {{ border: 2px dashed {c["accent"]};
        background: {c["notice"]}; }}
    QPlainTextEdit#chatInput {{ background: transparent; border: none; }}
    QPushButton#sendButton {{ background: {c["accent"]}; color: #ffffff; border: none;
        border-radius: 8px; padding: 5px 14px; font-weight: 600; }}
    QPushButton#sendButton:hover {{ background: {c["accent_hover"]}; }}
    QPushButton#sendButton:disabled {{ background: {c["border"]}; }}
    QPushButton#stopButton {{ border: 1px solid {c["border"]}; border-radius: 8px;
        padding: 5px 14px; background: {c["canvas"]}; }}
    QFrame#chip {{ background: {c["chip"]}; border: 1px solid {c["border"]};
        border-radius: 8px; }}
    QFrame#noticeBar {{ background: {c["notice"]}; border: 1px solid {c["border"]};
        border-radius: 8px; }}
    QPushButton#linkButton {{ border: none; background: transparent; color: {c["accent"]};
        font-weight: 600; padding: 4px 8px; }}
    QPushButton#linkButton:hover {{ text-decoration: underline; }}
    QToolButton {{ border: 1px solid transparent; border-radius: 6px; padding: 3px; }}
    QToolButton:hover {{ background: {c["hover"]}; }}
    QToolButton:checked {{ background: {c["hover"]}; }}
    QToolBar#mainToolbar {{ border: none; border-bottom: 1px solid {c["border"]}; spacing: 4px;
        padding: 4px 6px; }}
    QListWidget#conversationList {{ background: transparent; border: none; }}
    QListWidget#conversationList::item {{ padding: 7px 8px; border-radius: 6px; }}
    QListWidget#conversationList::item:hover {{ background: {c["hover"]}; }}
    QListWidget#conversationList::item:selected {{ background: {c["selected"]};
        color: {c["text"]}; }}
    QSplitter::handle {{ background: {c["border"]}; }}
    QSplitter::handle:horizontal {{ width: 1px; }}
    QToolButton:focus, QPushButton#suggestion:focus, QPushButton#linkButton:focus,
    QPushButton#sendButton:focus, QPushButton#stopButton:focus {{
        border: 2px solid {c["focus"]}; }}
    QListWidget:focus, QListWidget#conversationList:focus {{
        border: 1px solid {c["focus"]}; border-radius: 6px; }}
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
