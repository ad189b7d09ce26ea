"""The model list and loading: the toolbar's model and engine pickers, the load job on the engine
thread, and the status-bar line that says which model is loaded.

Kept apart from the window so the window only lays things out: what is offered, what is loaded
and why a load failed are decided here (issue 16 grows the picker here, not in MainWindow).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStatusBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from inference.errors import CairnError
from inference.records import ENGINE_CHOICES, LOCAL_ENGINE_CHOICES, EngineName

from .engine_thread import EngineController, LoadedModel, load_job
from .first_run import default_store, recommended_id
from .messages import error_text, stage_text
from .model_choices import (
    Choice,
    engine_of,
    fill_grouped,
    grouped,
    installed_label,
    preferred_engine,
    recommended_label,
)
from .seams import Models, Opener
from .servers_settings import parse_remote_ref, remote_choices
from .settings import Settings

if TYPE_CHECKING:
    from inference.records import ModelSpec

log = logging.getLogger(__name__)

AUTO = ENGINE_CHOICES[0]  # "auto": the engine that suits the model and this machine
GONE = ("model_not_found", "model_incomplete", "model_not_downloaded")  # codes: list again


class FreshComboBox(QComboBox):
    """A combo box that asks for its rows again each time it opens (a model removed on disk
    meanwhile is no longer offered)."""

    def __init__(self, refresh) -> None:
        super().__init__()
        self._refresh = refresh

    def showPopup(self) -> None:  # noqa: N802 (Qt's name)
        self._refresh()
        super().showPopup()


class ModelController(QObject):
    """Owns the model/engine pickers and the load job; the window places the widgets."""

    loadFailed = Signal(str)  # a translated one-line reason, for the status bar
    downloadRequested = Signal()  # "Download…" beside "No model loaded": the download page
    importRequested = Signal(str)  # "folder" or "gguf": the import dialogs

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
        self._recommended: str | None = None  # the catalog id suggested for this machine

        self.model_label = QLabel()
        self.model_box = FreshComboBox(self.refresh)
        self.model_box.setMinimumWidth(260)
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
        self.no_model = self._build_no_model_actions()
        controller.progress.connect(self._on_progress)
        controller.finished.connect(self._on_job_finished)
        controller.failed.connect(self._on_job_failed)

    def _build_no_model_actions(self) -> QWidget:
        """What "No model loaded" offers: the installed models, Import and Download."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.choose_button = QToolButton()
        self.choose_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.choose_menu = QMenu(self.choose_button)
        self.choose_menu.aboutToShow.connect(self._fill_choose_menu)
        self.choose_button.setMenu(self.choose_menu)
        self.import_button = QToolButton()
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.import_button)
        self.import_folder_action = QAction(menu)
        self.import_folder_action.triggered.connect(lambda: self.importRequested.emit("folder"))
        self.import_file_action = QAction(menu)
        self.import_file_action.triggered.connect(lambda: self.importRequested.emit("gguf"))
        menu.addAction(self.import_folder_action)
        menu.addAction(self.import_file_action)
        self.import_button.setMenu(menu)
        self.download_button = QPushButton()
        self.download_button.clicked.connect(lambda: self.downloadRequested.emit())
        for w in (self.choose_button, self.import_button, self.download_button):
            row.addWidget(w)
        box.hide()
        return box

    def place(self, bar: QToolBar, status: QStatusBar) -> None:
        """Put the pickers on the toolbar and the model line on the status bar."""
        for widget in (self.model_label, self.model_box, self.engine_label, self.engine_box):
            bar.addWidget(widget)
        status.addPermanentWidget(self.model_status)
        status.addPermanentWidget(self.no_model)

    def _set_no_model(self) -> None:
        """ "No model loaded", with what to do about it."""
        self.model_status.setText(self.tr("No model loaded"))
        self.choose_button.setVisible(self.has_models())
        self.no_model.show()

    def _fill_choose_menu(self) -> None:
        self.refresh()
        self.choose_menu.clear()
        for i in range(self.model_box.count()):
            ref = self.model_box.itemData(i)
            if ref:
                action = self.choose_menu.addAction(self.model_box.itemText(i).strip())
                action.triggered.connect(lambda _=False, r=ref: self.choose_model(r))

    def choose_model(self, ref: str) -> None:
        """Load `ref` (a row of the picker or of "No model loaded"'s menu) and remember it."""
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(ref)))
        self.settings.set("model", ref)
        self.load_model(ref)

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
            self._set_no_model()
        if self.model_box.count():
            self.refresh()  # group headers and "imported" in the new language
        self.choose_button.setText(self.tr("Choose a model"))
        self.choose_button.setToolTip(self.tr("Load one of the installed models"))
        self.import_button.setText(self.tr("Import"))
        self.import_button.setToolTip(self.tr("Import a model from this computer"))
        self.import_folder_action.setText(self.tr("Import a model folder…"))
        self.import_file_action.setText(self.tr("Import a GGUF file…"))
        self.download_button.setText(self.tr("Download…"))
        self.download_button.setToolTip(self.tr("Download a model (once; it then runs offline)"))

    # what is offered

    def model_store(self) -> Models:
        if self._store is None:
            self._store = default_store(self._models_dir)
        return self._store

    def ready_models(self) -> list[Choice]:
        """Every model offered for chat (inference.models.store.is_chat_model), worded."""
        from inference.models.store import is_chat_model

        from .model_choices import sort_entries

        out = []
        try:
            store = self.model_store()
            if self._recommended is None:
                self._recommended = recommended_id(store) or ""
            for entry in sort_entries([e for e in store.entries() if is_chat_model(e)]):
                recommended = entry.id == self._recommended
                label = installed_label(entry)
                out.append(
                    Choice(
                        entry.id,
                        recommended_label(label) if recommended else label,
                        engine_of(entry),
                        recommended,
                    )
                )
        except (OSError, CairnError):  # an unreadable models folder must not stop the window
            log.exception("listing models failed")
        # "NAME on HOST" under their own header; none when offline only
        servers = remote_choices(self.settings)
        return out + [Choice(ref, label, EngineName.REMOTE.value) for label, ref in servers]

    def refill(self) -> bool:
        """The servers or "offline only" changed: offer the new list. False when the chosen
        model is no longer offered (the caller chooses again)."""
        ref = self.model_box.currentData()
        models = self.ready_models()
        if ref and parse_remote_ref(ref) is not None and ref not in [c.ref for c in models]:
            self.settings.set("model", "")
            return False
        if ref:
            self._fill_models(models, ref)
        return True

    def refresh(self) -> None:
        """List the installed models again (one removed meanwhile goes), keeping the choice."""
        current = self.model_box.currentData()
        self._fill_models(self.ready_models(), current or "")
        if self.loaded is None and self._load_job is None and self.model_status.text():
            self._set_no_model()

    def has_models(self) -> bool:
        return any(self.model_box.itemData(i) for i in range(self.model_box.count()))

    def choose(self) -> str:
        """Fill the model box and return the model to open: the one named on the command line,
        else the remembered one, else the recommended or first row offered; "" when none."""
        models = self.ready_models()
        refs = [c.ref for c in models]
        ref = self.settings.get("model")
        if ref and ref not in refs and not Path(ref).expanduser().exists():
            ref = ""  # the remembered model has gone: fall back to another
        ref = self._override or ref  # what the user named is tried, and fails with a message
        if not ref and models:  # the recommended one, else the first row of this machine's engine
            rows = [c for _engine, group in grouped(models, preferred_engine()) for c in group]
            ref = next((c.ref for c in rows if c.recommended), rows[0].ref)
        if ref:
            self._fill_models(models, ref)
        return ref

    def remember(self, model_id: str) -> None:
        """A model was downloaded or imported: it is the one to open next."""
        self.settings.set("model", model_id)
        self._override = None

    def _fill_models(self, models: list[Choice], current: str) -> None:
        refs = {c.ref for c in models}
        if current and current not in refs and Path(current).expanduser().exists():
            # a path named on the command line: offered as it is
            entry = SimpleNamespace(id=current, spec=None, path=Path(current).expanduser())
            models = [*models, Choice(current, installed_label(entry), engine_of(entry))]
        fill_grouped(self.model_box, models, preferred_engine(), current or None)

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
        self.no_model.hide()
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
            log.warning("loading a model failed: %s %s", code, detail)
            if code in GONE:  # removed or broken on disk meanwhile: no longer offered
                self._fill_models(self.ready_models(), "")
            self._set_no_model()
            self.loadFailed.emit(error_text(code, detail))
