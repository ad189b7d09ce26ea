"""The GUI's "Local API server": inference/server's app on the window's own engine thread.

The server's requests become jobs on the window's EngineController, so the chat and the API take
turns on the one model (MLX streams are thread-local: one thread loads and generates). The
uvicorn thread cannot touch Qt objects, so `QtEngineRunner.submit` emits a signal that the GUI
thread receives (a queued connection) and turns into `controller.submit(Job("server", ...))`.
The job hands its chunks straight to the server's event loop (inference/server/jobs.py); the
controller's signals for it are ignored by the window, which filters by job id.

Off by default (setting "api_server"); `ServerSettingsBox` is the part of the Settings dialog that
turns it on and shows the address and a copy-token button; `status` is the status-bar note.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from inference.cancel import CancelToken

from .engine_thread import EngineController, Job

if TYPE_CHECKING:
    from inference.server.run import BackgroundServer
from .settings import Settings

log = logging.getLogger(__name__)


class QtEngineRunner(QObject):
    """inference.server.jobs.EngineRunner on the window's engine thread."""

    _request = Signal(object, object)  # work, cancel token (emitted from the server's thread)

    def __init__(self, controller: EngineController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._request.connect(self._submit)

    def submit(self, work, cancel: CancelToken) -> None:
        self._request.emit(work, cancel)

    @Slot(object, object)
    def _submit(self, work, cancel: CancelToken) -> None:
        def run(session, _host_token):
            work(session.require_engine, cancel)
            yield from ()

        try:
            self.controller.submit(Job("server", run))
        except RuntimeError:  # the engine thread has shut down: the work still ends its request
            cancel.cancel()
            work(_no_engine, cancel)


def _no_engine():
    from inference.errors import CairnError, ErrorCode

    raise CairnError(ErrorCode.MODEL_NOT_FOUND, "the engine has stopped")


class ServerController(QObject):
    """Starts and stops the local API server from the settings; says so in the status bar."""

    changed = Signal()  # started, stopped or failed: the settings box and the note update

    def __init__(
        self,
        controller: EngineController,
        settings: Settings,
        describe: Callable[[], tuple[str, frozenset] | None],
        parent: QObject | None = None,
        environ: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.describe = describe
        self.environ = dict(os.environ if environ is None else environ)
        self.runner = QtEngineRunner(controller, self)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Local API server"))
        self.status.hide()
        self._server: BackgroundServer | None = None
        self.token: str | None = None
        self.error: str = ""

    @property
    def url(self) -> str | None:
        return self._server.url if self._server is not None else None

    @property
    def running(self) -> bool:
        return self._server is not None

    def apply(self) -> None:
        """Start or stop to match the settings (after the Settings dialog, and at start-up)."""
        want = bool(self.settings.get("api_server"))
        port = int(self.settings.get("api_port"))
        server = self._server
        if server is not None and (not want or port not in (0, server.sock.getsockname()[1])):
            self.stop()
        if want and not self.running:
            self.start(port)

    def start(self, port: int) -> bool:
        from inference.server.app import ServedModel, ServerConfig, create_app
        from inference.server.defences import Policy
        from inference.server.run import LOOPBACK, BackgroundServer, bind
        from inference.server.token import api_token

        self.error = ""
        try:
            sock = bind(LOOPBACK, port)
        except OSError as e:
            self.error = (
                self.tr("Port %1 is not free (%2)")
                .replace("%1", str(port))
                .replace("%2", e.strerror or str(e))
            )
            self._show()
            return False
        self.token = api_token(self.environ).value
        config = ServerConfig(policy=Policy(token=self.token))
        app = create_app(self.runner, ServedModel(self.describe), config)
        self._server = BackgroundServer(app, sock, on_stop=app.state.gate.cancel_all).start()
        self._show()
        return True

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            if not server.stop():
                log.warning("the API server did not stop in time")
        self._show()

    def _show(self) -> None:
        if self._server is not None:
            self.status.setText(self.tr("API server on %1").replace("%1", self._server.url))
            self.status.show()
        elif self.error:
            self.status.setText(self.error)
            self.status.show()
        else:
            self.status.hide()
        self.changed.emit()

    def retranslate_ui(self) -> None:
        self._show()


class ServerSettingsBox(QGroupBox):
    """Settings -> Local API server: on/off, port, the address and a copy-token button."""

    def __init__(self, settings: Settings, server: ServerController | None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.server = server
        self.setTitle(self.tr("Local API server"))
        layout = QVBoxLayout(self)
        self.enabled = QCheckBox(
            self.tr("Let programs on this computer use the loaded model (OpenAI-compatible API)")
        )
        self.enabled.setChecked(bool(settings.get("api_server")))
        layout.addWidget(self.enabled)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Port:")))
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(int(settings.get("api_port")))
        self.port.setAccessibleName(self.tr("Port"))
        row.addWidget(self.port)
        row.addStretch(1)
        layout.addLayout(row)
        self.address = QLabel()
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.address)
        self.copy_token = QPushButton(self.tr("Copy token"))
        self.copy_token.setToolTip(self.tr("Programs send it as: Authorization: Bearer TOKEN"))
        self.copy_token.clicked.connect(self._copy)
        layout.addWidget(self.copy_token)
        if server is not None:
            server.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        s = self.server
        if s is not None and s.running:
            self.address.setText(
                self.tr("Listening on %1 (this computer only)").replace("%1", s.url or "")
            )
        elif s is not None and s.error:
            self.address.setText(s.error)
        else:
            self.address.setText(self.tr("Off"))
        self.copy_token.setEnabled(s is not None and s.token is not None)

    def _copy(self) -> None:
        if self.server is not None and self.server.token:
            QApplication.clipboard().setText(self.server.token)

    def save(self) -> None:
        """Store the choice and start or stop the server to match."""
        self.settings.set("api_server", int(self.enabled.isChecked()))
        self.settings.set("api_port", self.port.value())
        if self.server is not None:
            self.server.apply()
