"""The app's settings: every option declared once with its default, stored in an INI file.

QSettings lives under the data root (config/cairn.ini) so that CAIRN_HOME moves everything,
including settings, for tests and portable installs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from inference.records import ENGINE_CHOICES, GenParams


@dataclass(frozen=True)
class Option:
    key: str
    default: object
    kind: type


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("model", "", str),  # a model id in the models folder, or a path
        Option("engine", ENGINE_CHOICES[0], str),  # one of inference.records.ENGINE_CHOICES
        Option("system_prompt", "", str),
        Option("thinking", "default", str),  # "default", "on", "off"
        Option("preset", "model", str),  # "model": the catalog's preset; "custom": the values below
        Option("temperature", 0.7, float),
        Option("top_p", 0.8, float),
        Option("top_k", 20, int),
        Option("presence_penalty", 1.5, float),
        Option("max_tokens", 1024, int),
        # memory for checkpoints of the model state, reused across turns: MiB; -1: the engines'
        # default from the machine's RAM (min(2 GiB, RAM / 8)); 0: read every prompt in full
        Option("state_memory_mb", -1, int),
        # disk for each conversation's last checkpoint (reopened conversations continue without
        # reading them again), MiB; 0: none
        Option("state_disk_mb", 1024, int),
        Option("theme", "system", str),  # "system", "light", "dark"
        Option("language", "system", str),  # "system" or a code in app/i18n.py LANGUAGES
        Option("hf_endpoint", "", str),  # a Hub mirror for downloads; "" is the Hugging Face Hub
        Option("proxy", "", str),  # an http(s) proxy for downloads; "" is the system's settings
        Option("api_server", 0, int),  # 1: the local OpenAI-compatible API server runs
        Option("api_port", 8080, int),
        Option("use_documents", True, bool),  # "Answer from these documents" ticked
        Option("show_conversations", True, bool),  # the side panes, when the window is wide
        Option("show_documents", True, bool),
        Option("servers", "[]", str),  # JSON: OpenAI-compatible servers (app/servers_settings.py)
        Option("offline_only", 0, int),  # 1: servers are hidden and refused
        Option("geometry", b"", bytes),
        Option("splitter", b"", bytes),
    )
}


class Settings:
    """Typed access to the options; unknown keys are a programming error."""

    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True)
        self.path = config_dir / "cairn.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str):
        opt = OPTIONS[key]
        value = self._qs.value(key, opt.default)
        if opt.kind is bytes:
            if isinstance(value, QByteArray):  # what QSettings gives back for bytes
                return value.data()
            return bytes(value) if isinstance(value, bytes | bytearray) else b""
        if opt.kind is bool:  # the INI file gives "true"/"false" back as text
            return value in (True, 1, "true", "1") if not isinstance(value, bool) else value
        try:
            return opt.kind(value)
        except (TypeError, ValueError):
            return opt.default

    def set(self, key: str, value) -> None:
        OPTIONS[key]  # noqa: B018 - raises KeyError for an undeclared option
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    def thinking(self) -> bool | None:
        mode = self.get("thinking")
        return None if mode == "default" else mode == "on"

    def state_budget(self) -> int | None:
        """Bytes the engine may keep in checkpoints (None: its default from the RAM)."""
        mb = self.get("state_memory_mb")
        return None if mb < 0 else mb * 2**20

    def state_disk_budget(self) -> int:
        """Bytes of conversations' last checkpoints kept on disk (0: none)."""
        return max(0, self.get("state_disk_mb")) * 2**20

    def gen_params(self) -> GenParams:
        """Sampling: None fields take the model card's preset unless the user chose custom."""
        if self.get("preset") == "custom":
            return GenParams(
                max_tokens=self.get("max_tokens"),
                temperature=self.get("temperature"),
                top_p=self.get("top_p"),
                top_k=self.get("top_k"),
                presence_penalty=self.get("presence_penalty"),
            )
        return GenParams(max_tokens=self.get("max_tokens"))
