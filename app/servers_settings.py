"""Settings -> Servers: OpenAI-compatible servers (vLLM, llama.cpp's server, Ollama, another
Cairn) whose models the picker offers as "NAME on HOST", and the "offline only" switch.

The list lives in the settings ("servers": JSON of endpoint + the model ids last listed, so the
picker never contacts a server at start-up); each key goes to the keychain under its endpoint
(inference.models.secrets, the same entry `cairn remote key URL` writes). Connecting is not
done here: the dialog gets a `ServerProbe` (app/engine_open.py's probe_server, through the
Backend) and runs it on a worker, so no widget reaches an engine. `RemoteNote` is the
status-bar line that says, while a server's model is chosen, that messages leave this computer.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from inference.models.secrets import endpoint_key_store

from . import workers
from .messages import error_text
from .seams import ServerProbe
from .settings import Settings

log = logging.getLogger(__name__)

REMOTE_PREFIX = "remote:"  # a picker ref "remote:<endpoint> <model id>"


@dataclass(frozen=True)
class Server:
    url: str  # the endpoint as the probe normalised it (e.g. http://host:8000/v1)
    models: tuple[str, ...]  # the ids it listed at the last test


def remote_ref(url: str, model: str) -> str:
    return f"{REMOTE_PREFIX}{url} {model}"


def parse_remote_ref(ref: str | None) -> tuple[str, str] | None:
    """(endpoint, model id) of a server's model in the picker, None for a local model."""
    if not ref or not ref.startswith(REMOTE_PREFIX) or " " not in ref:
        return None
    url, model = ref[len(REMOTE_PREFIX) :].split(" ", 1)
    return (url, model) if url and model else None


def host_label(url: str) -> str:
    """host[:port] of an endpoint (what "NAME on HOST" shows)."""
    try:
        parts = urlsplit(url)
        return parts.netloc.rsplit("@", 1)[-1] or url
    except ValueError:
        return url


def load_servers(settings: Settings) -> list[Server]:
    try:
        raw = json.loads(settings.get("servers") or "[]")
        return [
            Server(str(s["url"]), tuple(str(m) for m in s.get("models", ())))
            for s in raw
            if isinstance(s, dict) and s.get("url")
        ]
    except (ValueError, TypeError, KeyError):
        log.warning("the servers setting is unreadable; ignoring it")
        return []


def save_servers(settings: Settings, servers: list[Server]) -> None:
    settings.set("servers", json.dumps([{"url": s.url, "models": list(s.models)} for s in servers]))
    settings.sync()


def offline_only(settings: Settings) -> bool:
    return bool(settings.get("offline_only"))


def remote_choices(settings: Settings) -> list[tuple[str, str]]:
    """(label, ref) of every server model for the picker; none while "offline only" is on."""
    if offline_only(settings):
        return []
    template = QCoreApplication.translate("Servers", "%1 on %2")
    return [
        (template.replace("%1", model).replace("%2", host_label(s.url)), remote_ref(s.url, model))
        for s in load_servers(settings)
        for model in s.models
    ]


class RemoteNote(QLabel):
    """Shown while the picker's model is a server's: the messages leave this computer."""

    def __init__(self, model_box: QComboBox, parent=None) -> None:
        super().__init__(parent)
        self.model_box = model_box
        self.setObjectName("remoteNote")
        self.setStyleSheet("color: #b06000; font-weight: bold")
        self.setWordWrap(False)
        model_box.currentIndexChanged.connect(lambda _i: self.update_note())
        # the picker is refilled with its signals blocked (model_choices.fill_grouped): its
        # model's row signals still come, and the note follows once the refill is over
        rows = model_box.model()
        rows.rowsInserted.connect(lambda *_: QTimer.singleShot(0, self.update_note))
        rows.rowsRemoved.connect(lambda *_: QTimer.singleShot(0, self.update_note))
        self.update_note()

    def update_note(self) -> None:
        remote = parse_remote_ref(self.model_box.currentData())
        self.setVisible(remote is not None)
        if remote is not None:
            self.setText(
                self.tr("Messages go to %1 and leave this computer.").replace(
                    "%1", host_label(remote[0])
                )
            )


class ServersDialog(QDialog):
    """Add a server (its key into the keychain), test the connection, list its models."""

    def __init__(self, settings: Settings, probe: ServerProbe | None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.probe = probe
        self.servers = load_servers(settings)
        self._task: workers.Task | None = None
        self.setWindowTitle(self.tr("Servers"))
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Use models on a server your team runs (vLLM, llama.cpp's server, Ollama or "
                "another Cairn). While one is chosen, your messages, pictures and document "
                "passages are sent to that server."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.server_list = QListWidget()
        self.server_list.setAccessibleName(self.tr("Servers"))
        self.server_list.currentRowChanged.connect(self._show_models)
        layout.addWidget(self.server_list)

        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setAccessibleName(self.tr("Server address"))
        self.url.setPlaceholderText("https://gpu-box.example:8000/v1")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setPlaceholderText(self.tr("Empty if the server wants none"))
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("API key:"), self.key)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add and connect"))
        self.add_button.clicked.connect(self.add_server)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.test_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("serverStatus")
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Models on the selected server:")))
        self.model_list = QListWidget()
        self.model_list.setAccessibleName(self.tr("Models on the server"))
        layout.addWidget(self.model_list)

        self.offline = QCheckBox(self.tr("Offline only: never use a server"))
        self.offline.setChecked(offline_only(settings))
        layout.addWidget(self.offline)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._fill()
        self.resize(560, 520)

    # the list

    def _fill(self, select: int = -1) -> None:
        self.server_list.clear()
        for s in self.servers:
            self.server_list.addItem(
                self.tr("%1 (%n model(s))", "", len(s.models)).replace("%1", s.url)
            )
        if self.servers:
            self.server_list.setCurrentRow(select if 0 <= select < len(self.servers) else 0)
        else:
            self._show_models(-1)
        self.test_button.setEnabled(bool(self.servers))
        self.remove_button.setEnabled(bool(self.servers))

    def _show_models(self, row: int) -> None:
        self.model_list.clear()
        if 0 <= row < len(self.servers):
            self.model_list.addItems(list(self.servers[row].models))

    # connecting (on a worker: a server that does not answer must not freeze the window)

    def add_server(self) -> None:
        url = self.url.text().strip()
        if not url:
            self.url.setFocus()
            self.status.setText(self.tr("Type the server's address first."))
            return
        self._connect(url, self.key.text().strip() or None, store_key=True)

    def test_selected(self) -> None:
        row = self.server_list.currentRow()
        if 0 <= row < len(self.servers):
            self._connect(self.servers[row].url, None, store_key=False)

    def _connect(self, url: str, key: str | None, *, store_key: bool) -> None:
        if self.probe is None or self._task is not None:
            return
        probe = self.probe
        self.status.setText(self.tr("Connecting to %1…").replace("%1", host_label(url)))
        self._set_busy(True)
        task = workers.Task(lambda _progress, cancel: probe(url, key, cancel))
        task.signals.done.connect(lambda result: self._connected(result, key, store_key))
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(lambda: self._set_busy(False))
        self._task = workers.start(task)

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        for button in (self.add_button, self.test_button, self.remove_button):
            button.setEnabled(not busy and (button is self.add_button or bool(self.servers)))

    def _connected(self, result: object, key: str | None, store_key: bool) -> None:
        self._set_busy(False)
        base, models, cleartext = result if isinstance(result, tuple) else ("", [], False)
        if not base:
            return
        if store_key and key:
            kept = endpoint_key_store(base).set(key)
            if not kept:
                log.info("no keychain: the key for %s lasts until Cairn closes", base)
        server = Server(base, tuple(models))
        urls = [s.url for s in self.servers]
        if base in urls:
            row = urls.index(base)
            self.servers[row] = server
        else:
            self.servers.append(server)
            row = len(self.servers) - 1
        save_servers(self.settings, self.servers)
        self.url.clear()
        self.key.clear()
        self._fill(row)
        text = self.tr("Connected to %1: %n model(s).", "", len(models)).replace(
            "%1", host_label(base)
        )
        if cleartext:
            text += " " + self.tr(
                "Warning: plain http to another computer; the key and your messages travel "
                "unencrypted. Use https."
            )
        self.status.setText(text)

    def _failed(self, code: str, detail: str) -> None:
        self._set_busy(False)
        self.status.setText(error_text(code, detail))

    def remove_selected(self) -> None:
        row = self.server_list.currentRow()
        if 0 <= row < len(self.servers):
            gone = self.servers.pop(row)
            endpoint_key_store(gone.url).delete()
            save_servers(self.settings, self.servers)
            self._fill(row - 1)
            self.status.setText(self.tr("Removed %1 and its key.").replace("%1", gone.url))

    def done(self, result: int) -> None:
        self.settings.set("offline_only", int(self.offline.isChecked()))
        self.settings.sync()
        if self._task is not None:
            self._task.cancel()
        super().done(result)
