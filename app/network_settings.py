"""Settings -> Network: the Hub mirror (HF_ENDPOINT) and the proxy that model downloads use.

The values live in the app's settings (hf_endpoint, proxy) and reach the downloader as
parameters (network_params); inference/ reads no environment for them. Empty fields mean: the
Hugging Face Hub, and the system's proxy settings.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from .settings import Settings


def network_params(settings: Settings | None) -> tuple[str | None, str | None]:
    """(endpoint, proxy) for a download: None where the user set nothing."""
    if settings is None:
        return None, None
    return (settings.get("hf_endpoint").strip() or None, settings.get("proxy").strip() or None)


def url_problem(value: str) -> str | None:
    """Why `value` is not an http(s) address with a host, or None when it is one (or empty)."""
    value = value.strip()
    if not value:
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "bad"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "scheme"
    return None


class NetworkSettings(QWidget):
    """The two fields and a line saying what is wrong with them; embeddable in any dialog."""

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.endpoint = QLineEdit(settings.get("hf_endpoint"))
        self.endpoint.setAccessibleName(self.tr("Model server mirror"))
        self.endpoint.setPlaceholderText("https://huggingface.co")
        self.endpoint.setClearButtonEnabled(True)
        self.proxy = QLineEdit(settings.get("proxy"))
        self.proxy.setAccessibleName(self.tr("Proxy"))
        self.proxy.setPlaceholderText(self.tr("The system's proxy settings"))
        self.proxy.setClearButtonEnabled(True)
        form.addRow(self.tr("Mirror (HF_ENDPOINT):"), self.endpoint)
        form.addRow(self.tr("Proxy:"), self.proxy)
        self.hint = QLabel(
            self.tr(
                "Only model downloads use these. Leave the mirror empty for the Hugging Face Hub, "
                "the proxy empty for the system's settings. Example: http://proxy.example:8080"
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hintLabel")
        form.addRow(self.hint)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d93025")
        self.error.hide()
        form.addRow(self.error)

    def problem(self) -> str | None:
        """A sentence about the first bad field (and focus on it), or None when both are fine."""
        if url_problem(self.endpoint.text()) is not None:
            self.endpoint.setFocus()
            return self.tr("The mirror must be an address starting with http:// or https://.")
        if url_problem(self.proxy.text()) is not None:
            self.proxy.setFocus()
            return self.tr("The proxy must be an address starting with http:// or https://.")
        return None

    def save(self, settings: Settings) -> bool:
        """Store both values when they are valid; otherwise show why and keep them unsaved."""
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(problem is not None)
        if problem is not None:
            return False
        settings.set("hf_endpoint", self.endpoint.text().strip().rstrip("/"))
        settings.set("proxy", self.proxy.text().strip())
        settings.sync()
        return True


class NetworkDialog(QDialog):
    """Settings -> Network, on its own (from the first-run screen and the settings dialog)."""

    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Network"))
        layout = QVBoxLayout(self)
        self.fields = NetworkSettings(settings)
        layout.addWidget(self.fields)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if self.fields.save(self.settings):
            super().accept()
