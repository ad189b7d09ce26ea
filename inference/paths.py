"""Where Cairn keeps its data: one root, from platformdirs or CAIRN_HOME.

The callers (the command line, the GUI) read the environment and pass it in, so that nothing
in inference/ reads settings behind their back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Cairn"


@dataclass(frozen=True)
class DataDirs:
    root: Path

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def config(self) -> Path:
        return self.root / "config"

    @property
    def history_db(self) -> Path:
        return self.root / "history.sqlite3"

    @property
    def docs_db(self) -> Path:
        return self.root / "documents.sqlite3"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def ensure(self) -> DataDirs:
        for p in (self.root, self.models, self.config, self.logs, self.cache):
            p.mkdir(parents=True, exist_ok=True)
        return self


def data_dirs(environ: Mapping[str, str]) -> DataDirs:
    """CAIRN_HOME when set (tests, portable installs), else the platform's user data folder."""
    home = environ.get("CAIRN_HOME")
    if home:
        return DataDirs(Path(home).expanduser().resolve())
    import platformdirs

    return DataDirs(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
