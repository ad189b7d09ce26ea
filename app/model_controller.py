"""The model list and loading: the toolbar's model and engine pickers, the load job on the engine
thread, and the status-bar line that says which model is loaded.

Kept apart from the window so the window only lays things out: what is offered, what is loaded
and why a load failed are decided here (issue 16 grows the picker here, not in MainWindow).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar, QToolBar

from inference.errors import CairnError
from inference.records import ENGINE_CHOICES, LOCAL_ENGINE_CHOICES, EngineName

from .engine_thread import EngineController, LoadedModel, load_job
from .first_run import default_store
from .messages import error_text, stage_text
from .seams import Models, Opener
from .servers_settings import parse_remote_ref, remote_choices
from .settings import Settings

if TYPE_CHECKING:
    from inference.records import ModelSpec

log = logging.getLogger(__name__)

AUTO = ENGINE_CHOICES[0]  # "auto": the engine that suits the model and this machine


class ModelController(QObject):
    """Owns the model/engine pickers and the load job; the window places the widgets."""

    loadFailed = Signal(str)  # a translated one-line reason, for the status bar

    def __init__(
        self,
        settings: Settings,
        controller: EngineController,
        opener: Opener,
        *,
        models_dir: Path,
        model_store: Models | None = None,
        model_override: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.controller = controller
        self.opener = opener
        self._models_dir = models_dir
        self._store = model_store
        self._override = model_override
        self.loaded: LoadedModel | None = None
        self._load_job: int | None = None

        self.model_label = QLabel()
        self.model_box = QComboBox()
        self.model_box.setMinimumWidth(220)
        self.model_box.activated.connect(self._on_model_chosen)
        self.engine_label = QLabel()
        self.engine_box = QComboBox()
        for value in LOCAL_ENGINE_CHOICES:
            self.engine_box.addItem("", value)  # labels set in retranslate_ui
        self.engine_box.setCurrentIndex(
            max(0, self.engine_box.findData(self.settings.get("engine")))
        )
        self.engine_box.activated.connect(self._on_engine_chosen)
        self.model_status = QLabel()
        controller.progress.connect(self._on_progress)
        controller.finished.connect(self._on_job_finished)
        controller.failed.connect(self._on_job_failed)

    def place(self, bar: QToolBar, status: QStatusBar) -> None:
        """Put the pickers on the toolbar and the model line on the status bar."""
        for widget in (self.model_label, self.model_box, self.engine_label, self.engine_box):
            bar.addWidget(widget)
        status.addPermanentWidget(self.model_status)

    def retranslate_ui(self) -> None:
        self.model_label.setText(self.tr("Model:") + " ")
        self.model_box.setAccessibleName(self.tr("Model"))
        self.engine_label.setText(" " + self.tr("Engine:") + " ")
        self.engine_box.setAccessibleName(self.tr("Engine"))
        labels = {
            AUTO: self.tr("Automatic"),
            EngineName.MLX: self.tr("MLX"),
            EngineName.LLAMACPP: self.tr("llama.cpp"),
        }
        for i, value in enumerate(LOCAL_ENGINE_CHOICES):
            self.engine_box.setItemText(i, labels.get(value, value))  # a new engine: its name
        if self.loaded is not None:
            self._show_loaded(self.loaded)
        elif self._load_job is not None:
            self.model_status.setText(stage_text("load_model"))
        elif self.model_status.text():
            self.model_status.setText(self.tr("No model loaded"))

    # what is offered

    def model_store(self) -> Models:
        if self._store is None:
            self._store = default_store(self._models_dir)
        return self._store

    def ready_models(self) -> list[tuple[str, str]]:
        """(label, ref) of every model offered for chat (inference.models.store.is_chat_model)."""
        from inference.models.store import is_chat_model

        out = []
        try:
            for entry in self.model_store().entries():
                if is_chat_model(entry):
                    spec = entry.spec
                    # a product name and data, no words to translate
                    label = f"Qwen3.5 {spec.size} · {spec.quantization}" if spec else entry.id
                    out.append((label, entry.id))
        except (OSError, CairnError):  # an unreadable models folder must not stop the window
            log.exception("listing models failed")
        return out + remote_choices(self.settings)  # "NAME on HOST"; none when offline only

    def refill(self) -> bool:
        """The servers or "offline only" changed: offer the new list. False when the chosen
        model is no longer offered (the caller chooses again)."""
        ref = self.model_box.currentData()
        models = self.ready_models()
        if ref and parse_remote_ref(ref) is not None and ref not in [r for _l, r in models]:
            self.settings.set("model", "")
            return False
        if ref:
            self._fill_models(models, ref)
        return True

    def has_models(self) -> bool:
        return bool(self.model_box.count())

    def choose(self) -> str:
        """Fill the model box and return the model to open: the one named on the command line,
        else the remembered one, else the first ready one; "" when there is none."""
        models = self.ready_models()
        refs = [r for _l, r in models]
        ref = self.settings.get("model")
        if ref and ref not in refs and not Path(ref).expanduser().exists():
            ref = ""  # the remembered model has gone: fall back to another
        ref = self._override or ref  # what the user named is tried, and fails with a message
        ref = ref or (refs[0] if refs else "")
        if ref:
            self._fill_models(models, ref)
        return ref

    def remember(self, model_id: str) -> None:
        """A model was downloaded or imported: it is the one to open next."""
        self.settings.set("model", model_id)
        self._override = None

    def _fill_models(self, models: list[tuple[str, str]], current: str) -> None:
        self.model_box.clear()
        for label, ref in models:
            self.model_box.addItem(label, ref)
        if current and self.model_box.findData(current) < 0:
            self.model_box.addItem(Path(current).name or current, current)
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(current)))

    def current_spec(self) -> ModelSpec | None:
        """The catalog's spec of the chosen model (None for an imported one)."""
        ref = self.model_box.currentData()
        if not ref:
            return None
        from inference.catalog import find

        try:
            return find(ref)
        except (OSError, CairnError, ValueError, KeyError):  # a damaged catalog: no presets
            log.exception("reading the catalog failed")
            return None

    # loading

    def load_model(self, ref: str) -> None:
        engine = self.engine_box.currentData() or AUTO
        self.model_status.setText(stage_text("load_model"))
        self._load_job = self.controller.submit(
            load_job(functools.partial(self.opener, ref, engine), ref)
        )

    def _on_model_chosen(self, _index: int) -> None:
        ref = self.model_box.currentData()
        if ref:
            self.settings.set("model", ref)
            self.load_model(ref)

    def _on_engine_chosen(self, _index: int) -> None:
        self.settings.set("engine", self.engine_box.currentData())
        if self.model_box.currentData():
            self.load_model(self.model_box.currentData())

    def _on_progress(self, job_id: int, progress: object) -> None:
        if job_id == self._load_job:
            self.model_status.setText(stage_text(getattr(progress, "stage", "")))

    def _on_job_finished(self, job_id: int, result: object) -> None:
        if job_id == self._load_job and isinstance(result, LoadedModel):
            self._load_job = None
            self.loaded = result
            self._show_loaded(result)

    def _show_loaded(self, result: LoadedModel) -> None:
        self.model_status.setText(
            self.tr("%1 on %2 (%3)")
            .replace("%1", result.name)
            .replace("%2", result.engine)
            .replace("%3", result.device)
        )

    def _on_job_failed(self, job_id: int, code: str, detail: str) -> None:
        if job_id == self._load_job:
            self._load_job = None
            self.loaded = None
            self.model_status.setText(self.tr("No model loaded"))
            log.warning("loading a model failed: %s %s", code, detail)
            self.loadFailed.emit(error_text(code, detail))
