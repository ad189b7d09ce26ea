"""Language, appearance (light, dark, the system's), system prompt and sampling settings, with
the model card's presets from the catalog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from inference.records import DEFAULT_PRESETS, ModelSpec, SamplingPreset

from . import i18n
from .settings import Settings


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, spec: ModelSpec | None, parent=None, server=None, probe=None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.spec = spec
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        i18n.fill_language_combo(self.language, settings.get("language"))
        form.addRow(self.tr("Language:"), self.language)

        self.appearance = _choices(
            self.tr("Appearance"),
            [
                (self.tr("Follow the system"), "system"),
                (self.tr("Light"), "light"),
                (self.tr("Dark"), "dark"),
            ],
            settings.get("theme"),
        )
        form.addRow(self.tr("Appearance:"), self.appearance)

        self.system_prompt = QPlainTextEdit(settings.get("system_prompt"))
        self.system_prompt.setAccessibleName(self.tr("System prompt"))
        self.system_prompt.setPlaceholderText(self.tr("For example: You are a concise assistant."))
        form.addRow(self.tr("System prompt:"), self.system_prompt)

        self.thinking = _choices(
            self.tr("Thinking"),
            [
                (self.tr("The model's default"), "default"),
                (self.tr("Think before answering"), "on"),
                (self.tr("Answer directly"), "off"),
            ],
            settings.get("thinking"),
        )
        self.thinking.currentIndexChanged.connect(lambda _i: self._show_preset())
        form.addRow(self.tr("Thinking:"), self.thinking)

        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Sampling preset"))
        self.preset.addItem(self.tr("The model card's recommendation"), "model")
        self.preset.addItem(self.tr("Custom"), "custom")
        self.preset.setCurrentIndex(max(0, self.preset.findData(settings.get("preset"))))
        self.preset.currentIndexChanged.connect(lambda _i: self._show_preset())
        form.addRow(self.tr("Sampling:"), self.preset)

        self.temperature = self._double(0.0, 2.0, 0.05, self.tr("Temperature"))
        self.top_p = self._double(0.0, 1.0, 0.05, self.tr("Top P"))
        self.top_k = QSpinBox()
        self.top_k.setRange(0, 1000)
        self.top_k.setAccessibleName(self.tr("Top K"))
        self.presence = self._double(0.0, 2.0, 0.1, self.tr("Presence penalty"))
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(16, 32768)
        self.max_tokens.setSingleStep(256)
        self.max_tokens.setValue(settings.get("max_tokens"))
        self.max_tokens.setAccessibleName(self.tr("Longest answer in tokens"))
        form.addRow(self.tr("Temperature:"), self.temperature)
        form.addRow(self.tr("Top P:"), self.top_p)
        form.addRow(self.tr("Top K:"), self.top_k)
        form.addRow(self.tr("Presence penalty:"), self.presence)
        form.addRow(self.tr("Longest answer (tokens):"), self.max_tokens)
        self.network = QPushButton(self.tr("Mirror and proxy…"))
        self.network.setAccessibleName(self.tr("Network settings for downloads"))
        self.network.clicked.connect(self._edit_network)
        form.addRow(self.tr("Network:"), self.network)
        self.probe = probe  # a seams.ServerProbe for Settings -> Servers
        self.servers = QPushButton(self.tr("Servers…"))
        self.servers.setAccessibleName(self.tr("Servers running models for this app"))
        self.servers.clicked.connect(self._edit_servers)
        form.addRow(self.tr("Servers:"), self.servers)

        from .server_controller import ServerSettingsBox

        self.server_box = ServerSettingsBox(settings, server)
        layout.addWidget(self.server_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_preset()

    def _edit_network(self) -> None:
        from .network_settings import NetworkDialog

        NetworkDialog(self.settings, self).exec()

    def _edit_servers(self) -> None:
        from .servers_settings import ServersDialog

        ServersDialog(self.settings, self.probe, self).exec()

    def _double(self, lo: float, hi: float, step: float, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setSingleStep(step)
        box.setDecimals(2)
        box.setAccessibleName(name)
        return box

    def model_preset(self) -> SamplingPreset:
        mode = self.thinking.currentData()
        thinking = mode == "on" or (
            mode == "default" and bool(self.spec and self.spec.thinking_default)
        )
        if self.spec is not None:
            return self.spec.preset(thinking)
        return DEFAULT_PRESETS["thinking" if thinking else "instruct"]

    def _show_preset(self) -> None:
        custom = self.preset.currentData() == "custom"
        if custom:
            s = self.settings
            values = (
                s.get("temperature"),
                s.get("top_p"),
                s.get("top_k"),
                s.get("presence_penalty"),
            )
        else:
            p = self.model_preset()
            values = (p.temperature, p.top_p, p.top_k, p.presence_penalty)
        temperature, top_p, top_k, presence = values
        for box, value in (
            (self.temperature, temperature),
            (self.top_p, top_p),
            (self.presence, presence),
        ):
            box.setValue(float(value))
            box.setEnabled(custom)
        self.top_k.setValue(int(top_k))
        self.top_k.setEnabled(custom)

    def accept(self) -> None:
        s = self.settings
        s.set("system_prompt", self.system_prompt.toPlainText())
        s.set("thinking", self.thinking.currentData())
        s.set("preset", self.preset.currentData())
        s.set("max_tokens", self.max_tokens.value())
        s.set("theme", self.appearance.currentData())
        if self.preset.currentData() == "custom":
            s.set("temperature", self.temperature.value())
            s.set("top_p", self.top_p.value())
            s.set("top_k", self.top_k.value())
            s.set("presence_penalty", self.presence.value())
        language = self.language.currentData()
        changed = language != s.get("language")
        s.set("language", language)
        self.server_box.save()
        s.sync()
        super().accept()
        if changed:  # after closing, so the dialog is not retranslated mid-accept
            i18n.apply_language(QApplication.instance(), language)


def _choices(name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
    """A combo box of (label, value) with `current` chosen (the first when unknown)."""
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box
