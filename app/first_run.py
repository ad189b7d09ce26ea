"""The first-run screen: no model yet. Recommends a size for this machine, downloads it with
progress, cancel and resume, or imports a model folder / GGUF file from disk.

Downloads and imports run on the I/O thread pool (app/workers.py), never on the engine thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inference.errors import CairnError
from inference.records import Progress

from . import workers
from .messages import error_text, human_bytes, stage_text
from .seams import Models
from .settings import Settings

log = logging.getLogger(__name__)


def default_store(models_dir: Path) -> Models:
    from inference.models.store import ModelStore

    return ModelStore(models_dir)


def recommended_id(store: Models) -> str | None:
    """The catalog entry suggested for this machine, or None when that cannot be worked out."""
    try:
        from inference.models.recommend import recommend_for_this_machine

        return recommend_for_this_machine(store.catalog, store.models_dir).id
    except (CairnError, OSError, ValueError, ImportError):
        # a missing or failing probe only loses the suggestion
        log.warning("no recommendation for this machine", exc_info=True)
        return None


def offered(store: Models, show_all: bool) -> tuple[list, int]:
    """(chat entries in the order to offer them, how many builds are hidden on this machine)."""
    from inference.checkpoint import ModelRole
    from inference.models.recommend import is_apple_silicon, offer_order
    from inference.models.store import ModelState, role_of

    by_id = {e.id: e for e in store.entries()}
    chat = [  # catalog entries only: not imports, not the embedding model (document search)
        e.spec for e in by_id.values() if e.spec is not None and role_of(e) is ModelRole.CHAT
    ]
    apple = is_apple_silicon()
    shown = {s.id for s in offer_order(chat, apple_silicon=apple, show_all=show_all)}
    out = [
        by_id[s.id]
        for s in offer_order(chat, apple_silicon=apple, show_all=True)
        if s.id in by_id
        and (s.id in shown or by_id[s.id].state is not ModelState.NOT_DOWNLOADED)
    ]  # a slow build already (partly) downloaded stays listed, to resume or use it
    return out, len(chat) - len(out)


class FirstRunPage(QWidget):
    modelReady = Signal(str)  # the id of a ready model in the models folder
    backRequested = Signal()  # "Back to the chat" (shown when a model is already installed)

    def __init__(
        self,
        store: Models,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings  # app/settings.Settings: the network options for downloads
        self.pool = pool or QThreadPool.globalInstance()
        self.task: workers.Task | None = None

        # A panel of bounded width, centred: word-wrapped labels placed with an alignment
        # flag get their one-line size hint and are cut off under a real window system.
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        outer.addLayout(middle)
        outer.addStretch(2)
        panel = QWidget()
        panel.setMaximumWidth(680)
        middle.addStretch(1)
        middle.addWidget(panel, 4)
        middle.addStretch(1)
        box = QVBoxLayout(panel)

        self.title = title = QLabel()
        title.setStyleSheet("font-size: 22pt; font-weight: bold")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(title)
        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(intro)

        self.recommendation = QLabel()
        self.recommendation.setWordWrap(True)
        self.recommendation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.recommendation)

        row = QHBoxLayout()
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(lambda _i: self._update_buttons())
        row.addWidget(self.choice, 1)
        self.download_button = QPushButton()
        self.download_button.setDefault(True)
        self.download_button.clicked.connect(self.start_download)
        row.addWidget(self.download_button)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        row.addWidget(self.cancel_button)
        box.addLayout(row)
        self.show_all = QCheckBox()
        self.show_all.toggled.connect(lambda _on: self.refresh())
        box.addWidget(self.show_all)

        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        box.addWidget(self.progress_bar)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hintLabel")
        box.addWidget(self.progress_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #d93025")
        self.error_label.hide()
        box.addWidget(self.error_label)

        imports = QHBoxLayout()
        self.import_folder_button = QPushButton()
        self.import_folder_button.clicked.connect(self.pick_folder)
        self.import_file_button = QPushButton()
        self.import_file_button.clicked.connect(self.pick_gguf)
        imports.addWidget(self.import_folder_button)
        imports.addWidget(self.import_file_button)
        self.network_button = QPushButton()
        self.network_button.clicked.connect(self.edit_network)
        self.network_button.setVisible(settings is not None)
        imports.addWidget(self.network_button)
        imports.addStretch(1)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.backRequested)
        self.back_button.hide()
        imports.addWidget(self.back_button)
        box.addLayout(imports)
        for w in (title, intro, self.recommendation):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMaximumWidth(16777215)
        self._set_fixed_texts()
        self.refresh()

    def _set_fixed_texts(self) -> None:
        self.setAccessibleName(self.tr("Welcome"))
        self.title.setText(self.tr("Welcome to Cairn"))
        self.intro.setText(
            self.tr(
                "Cairn runs an AI model on this computer. Nothing you type, attach or ask leaves "
                "it. First, choose a model: download one once, or import one you already have."
            )
        )
        self.choice.setAccessibleName(self.tr("Model to download"))
        self.download_button.setAccessibleName(self.tr("Download the chosen model"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the download"))
        self.progress_bar.setAccessibleName(self.tr("Download progress"))
        self.import_folder_button.setText(self.tr("Import a model folder…"))
        self.import_file_button.setText(self.tr("Import a GGUF file…"))
        self.back_button.setText(self.tr("Back to the chat"))
        self.show_all.setText(self.tr("Show all builds (MLX runs slowly on this computer)"))
        self.network_button.setText(self.tr("Network…"))
        self.network_button.setAccessibleName(self.tr("Mirror and proxy for downloads"))

    def retranslate_ui(self) -> None:
        """Fixed texts and the model list again in the new language, keeping the choice."""
        self._set_fixed_texts()
        chosen = self.selected_id()
        self.refresh()
        if chosen is not None:
            self.choice.setCurrentIndex(max(0, self.choice.findData(chosen)))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # state

    def refresh(self) -> None:
        """Fill the model choice from the store, the recommended model first and selected."""
        rec = recommended_id(self.store)
        self.choice.blockSignals(True)
        self.choice.clear()
        entries, hidden = offered(self.store, self.show_all.isChecked())
        self.show_all.setVisible(hidden > 0 or self.show_all.isChecked())
        for entry in entries:
            spec = entry.spec
            size = human_bytes(spec.download_bytes)
            if spec.id == rec:
                label = self.tr("Qwen3.5 %1 (%2), %3 download, recommended")
            else:
                label = self.tr("Qwen3.5 %1 (%2), %3 download")
            label = label.replace("%1", spec.size).replace("%2", spec.quantization)
            self.choice.addItem(label.replace("%3", size), entry.id)
            if spec.id == rec:
                self.choice.setCurrentIndex(self.choice.count() - 1)
        if self.choice.currentIndex() < 0 and self.choice.count():
            self.choice.setCurrentIndex(0)
        self.choice.blockSignals(False)
        recommended = next((e.spec for e in self.store.entries() if e.id == rec), None)
        if recommended is not None:
            spec = recommended
            self.recommendation.setText(
                self.tr(
                    "Recommended for this computer: Qwen3.5 %1. It needs about %2 of memory and "
                    "%3 of disk space."
                )
                .replace("%1", spec.size)
                .replace("%2", human_bytes(spec.ram_bytes))
                .replace("%3", human_bytes(spec.download_bytes))
            )
        self._update_buttons()

    def selected_id(self) -> str | None:
        return self.choice.currentData()

    def _entry_state(self, model_id: str | None) -> str:
        if model_id is None:
            return ""
        for entry in self.store.entries():
            if entry.id == model_id:
                return getattr(entry.state, "value", str(entry.state))
        return ""

    def _update_buttons(self) -> None:
        busy = self.task is not None
        state = self._entry_state(self.selected_id())
        self.download_button.setText(
            self.tr("Resume download") if state == "downloading" else self.tr("Download")
        )
        self.download_button.setEnabled(not busy and self.selected_id() is not None)
        self.cancel_button.setEnabled(busy)
        self.choice.setEnabled(not busy)
        self.show_all.setEnabled(not busy)
        self.import_folder_button.setEnabled(not busy)
        self.import_file_button.setEnabled(not busy)

    # actions

    def start_download(self) -> None:
        model_id = self.selected_id()
        if model_id is None or self.task is not None:
            return
        self.error_label.hide()
        self.progress_bar.show()
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(stage_text("download"))
        store = self.store
        if self.settings is not None and hasattr(store, "with_network"):
            from .network_settings import network_params

            store = store.with_network(*network_params(self.settings))
        self._run(
            lambda progress, cancel: (
                store.download(model_id, progress=progress, cancel=cancel),
                model_id,
            )[1]
        )

    def import_path(self, path: Path) -> None:
        if self.task is not None:
            return
        self.error_label.hide()
        self.progress_bar.show()
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(stage_text("import"))
        store = self.store
        self._run(lambda progress, cancel: store.import_path(path))

    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a Qwen3.5 model folder"))
        if folder:
            self.import_path(Path(folder))

    def pick_gguf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a GGUF model file"), "", self.tr("GGUF models (*.gguf)")
        )
        if path:
            self.import_path(Path(path))

    def edit_network(self) -> None:
        from .network_settings import NetworkDialog

        if self.settings is not None:  # the button is only shown when there are settings
            NetworkDialog(self.settings, self).exec()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))

    def _run(self, fn) -> None:
        self.task = workers.Task(fn)
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.done.connect(self._on_done)
        self.task.signals.failed.connect(self._on_failed)
        self.task.signals.cancelled.connect(self._on_cancelled)
        self._update_buttons()
        workers.start(self.task, self.pool)

    def _on_progress(self, p: object) -> None:
        if not isinstance(p, Progress):
            return
        if p.total:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * min(1.0, p.done / p.total)))
            text = self.tr("%1 of %2").replace("%1", human_bytes(p.done))
            text = text.replace("%2", human_bytes(p.total))
            if p.rate:
                text = self.tr("%1 at %2/s").replace("%1", text).replace("%2", human_bytes(p.rate))
            if p.eta_s is not None:
                minutes = max(1, round(p.eta_s / 60))
                text = self.tr("%1, about %n minute(s) left", "", minutes).replace("%1", text)
            self.progress_label.setText(text)
        elif p.stage == "insecure_token":  # said before the token leaves this machine
            self.error_label.setText(
                self.tr(
                    "Warning: your Hub token is sent unencrypted (plain http) to %1. Use an https mirror."
                ).replace("%1", p.detail)
            )
            self.error_label.show()
        elif p.stage == "files":  # the files chosen from the repository's listing
            self.progress_label.setText(self.tr("Fetching %1").replace("%1", p.detail))
        else:
            self.progress_label.setText(stage_text(p.stage))

    def _on_done(self, model_id: str) -> None:
        self.task = None
        self.progress_bar.hide()
        self.progress_label.setText(self.tr("The model is ready."))
        self._update_buttons()
        self.modelReady.emit(str(model_id))

    def _on_failed(self, code: str, detail: str) -> None:
        self.task = None
        self.progress_bar.hide()
        self.progress_label.clear()
        self.error_label.setText(error_text(code, detail))
        self.error_label.show()
        self._update_buttons()

    def _on_cancelled(self) -> None:
        self.task = None
        self.progress_bar.hide()
        self.progress_label.setText(
            self.tr("Download paused. The part already fetched is kept: resume at any time.")
        )
        self._update_buttons()
