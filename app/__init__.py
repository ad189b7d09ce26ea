"""Cairn's desktop app (PySide6). Reaches models only through inference/."""
