"""Cairn's Qt-free core: engines, models, media, documents, storage and the command line."""

__version__ = "0.1.0"
