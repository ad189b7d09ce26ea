"""The main window: conversations on the left, the chat in the middle, attachments on the right;
the first-run page instead while no model is installed."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inference.history import HistoryStore
from inference.paths import DataDirs

from . import markdown_doc
from .chat_input import ChatInput
from .chat_session import ChatSession
from .chat_view import ChatView, MessageWidget
from .conversation_list import ConversationList
from .docs_panel import DocLibrary, DocsPanel
from .engine_thread import EngineController, LoadedModel, load_job, open_model
from .first_run import FirstRunPage, default_store
from .jobs import DOCS, job_for, summary_intent
from .media_pane import MediaPane
from .messages import error_text, stage_text
from .settings import Settings

log = logging.getLogger(__name__)

Opener = Callable[[str, str], object]  # (model ref, engine choice) -> Engine, on the engine thread


class MainWindow(QMainWindow):
    def __init__(
        self,
        dirs: DataDirs,
        settings: Settings,
        *,
        controller: EngineController | None = None,
        opener: Opener | None = None,
        model_store=None,
        model_override: str | None = None,
        dark: bool = False,
    ) -> None:
        super().__init__()
        self.dirs = dirs
        self.settings = settings
        self.setAcceptDrops(True)
        self.history = HistoryStore(dirs.history_db)
        self.controller = controller or EngineController(self)
        self.opener: Opener = opener or functools.partial(_open, models_dir=dirs.models)
        self._model_store = model_store
        self._override = model_override
        self.loaded: LoadedModel | None = None
        self._load_job: int | None = None
        self._editing: MessageWidget | None = None
        self.frame_viewer = None  # app/frame_viewer.FrameViewer, made on the first timestamp click
        self.page_viewer = None  # app/page_viewer.PageViewer, made on the first citation click

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.chat_page = self._build_chat_page(dark)
        self.stack.addWidget(self.chat_page)
        self.first_run: FirstRunPage | None = None
        self.session = ChatSession(
            self.chat_view,
            self.history,
            self.controller,
            request_options=self._request_options,
            job_factory=self._job_for,
        )
        self.session.busyChanged.connect(self._on_busy)
        self.session.notice.connect(self.statusBar().showMessage)
        self.session.conversationCreated.connect(self.conversations.select)
        self.session.editRequested.connect(self.begin_edit)
        self.session.answerFinished.connect(lambda *_: self.conversations.refresh())
        self.controller.progress.connect(self._on_progress)
        self.controller.finished.connect(self._on_job_finished)
        self.controller.failed.connect(self._on_job_failed)
        self._build_toolbar()
        self._build_shortcuts()
        self.retranslate_ui()
        self._on_busy(False)
        geometry = settings.get("geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        self.start()
        self.docs.start()  # lists the library and resumes interrupted indexing, on its worker
        QThreadPool.globalInstance().start(markdown_doc.warm_up)

    # layout

    def _build_chat_page(self, dark: bool) -> QWidget:
        self.conversations = ConversationList(self.history)
        self.conversations.selected.connect(self.open_conversation)
        self.conversations.newRequested.connect(self.new_conversation)
        self.chat_view = ChatView()
        self.chat_view.dark = dark
        self.chat_view.timeClicked.connect(self.show_frame)
        self.chat_view.sourceClicked.connect(self.show_source)
        self.input = ChatInput()
        self.input.submitted.connect(self.send)
        self.send_button = QPushButton()
        self.send_button.clicked.connect(lambda: self.send(self.input.toPlainText()))
        self.stop_button = QPushButton()
        self.stop_button.clicked.connect(self.stop)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addLayout(buttons)
        middle = QWidget()
        col = QVBoxLayout(middle)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.chat_view, 1)
        col.addLayout(row)
        self.media = MediaPane()
        self.media.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.media.route_documents = True
        self.media.summarizeRequested.connect(self.summarize_video)
        self.docs = DocsPanel(DocLibrary(self.dirs.docs_db, self.dirs.models))
        self.docs.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.media.documentsDropped.connect(self.docs.add)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.media)
        right.addWidget(self.docs)
        right.setSizes([400, 360])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.conversations, middle, right):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 720, 240])
        state = self.settings.get("splitter")
        if state:
            self.splitter.restoreState(state)
        return self.splitter

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar()
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.model_label = QLabel()
        bar.addWidget(self.model_label)
        self.model_box = QComboBox()
        self.model_box.setMinimumWidth(220)
        self.model_box.activated.connect(self._on_model_chosen)
        bar.addWidget(self.model_box)
        self.engine_label = QLabel()
        bar.addWidget(self.engine_label)
        self.engine_box = QComboBox()
        for value in ("auto", "mlx", "llamacpp"):
            self.engine_box.addItem("", value)  # labels set in retranslate_ui
        self.engine_box.setCurrentIndex(
            max(0, self.engine_box.findData(self.settings.get("engine")))
        )
        self.engine_box.activated.connect(self._on_engine_chosen)
        bar.addWidget(self.engine_box)
        bar.addSeparator()
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        bar.addAction(self.settings_action)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_conversation)
        bar.addAction(self.export_action)
        self.models_action = QAction(self)
        self.models_action.triggered.connect(self.show_first_run)
        bar.addAction(self.models_action)
        self.model_status = QLabel()
        self.statusBar().addPermanentWidget(self.model_status)

    def retranslate_ui(self) -> None:
        """Every fixed text of the window; run again on a language switch (see app/i18n.py)."""
        self.setWindowTitle(self.tr("Cairn"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send the message"))
        self.send_button.setToolTip(self.tr("Send (Enter)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the answer"))
        self.stop_button.setToolTip(self.tr("Stop (Esc)"))
        self.toolbar.setWindowTitle(self.tr("Main"))
        self.model_label.setText(self.tr("Model:") + " ")
        self.model_box.setAccessibleName(self.tr("Model"))
        self.engine_label.setText(" " + self.tr("Engine:") + " ")
        self.engine_box.setAccessibleName(self.tr("Engine"))
        for i, label in enumerate((self.tr("Automatic"), self.tr("MLX"), self.tr("llama.cpp"))):
            self.engine_box.setItemText(i, label)
        self.settings_action.setText(self.tr("Settings…"))
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(self.tr("Export the conversation to Markdown (Ctrl+E)"))
        self.models_action.setText(self.tr("Get a model…"))
        self.models_action.setToolTip(self.tr("Download a model or import one from disk"))
        if self.loaded is not None:
            self._show_loaded(self.loaded)
        elif self._load_job is not None:
            self.model_status.setText(stage_text("load_model"))
        elif self.model_status.text():
            self.model_status.setText(self.tr("No model loaded"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _build_shortcuts(self) -> None:
        def action(keys: str, slot) -> None:
            a = QAction(self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(slot)
            self.addAction(a)

        action("Ctrl+N", self.new_conversation)
        action("Esc", self._escape)
        action("Ctrl+R", lambda: self.session.regenerate())
        action("Ctrl+F", lambda: self.conversations.search.setFocus())
        action("Ctrl+O", self.media.pick_files)
        action("Ctrl+L", lambda: self.input.setFocus())
        action("Ctrl+Shift+C", self._copy_last_answer)
        action("Ctrl+Q", self.close)

    # start-up and models

    def model_store(self):
        if self._model_store is None:
            self._model_store = default_store(self.dirs.models)
        return self._model_store

    def ready_models(self) -> list[tuple[str, str]]:
        """(label, ref) of every ready model in the models folder."""
        from inference.docs.embedder_llamacpp import is_chat_entry

        out = []
        try:
            for entry in self.model_store().entries():
                if getattr(entry.state, "value", entry.state) == "ready" and is_chat_entry(entry):
                    spec = entry.spec
                    # a product name and data, no words to translate
                    label = f"Qwen3.5 {spec.size} · {spec.quantization}" if spec else entry.id
                    out.append((label, entry.id))
        except Exception:  # an unreadable models folder must not stop the window
            log.exception("listing models failed")
        return out

    def start(self) -> None:
        models = self.ready_models()
        refs = [r for _l, r in models]
        ref = self.settings.get("model")
        if ref and ref not in refs and not Path(ref).expanduser().exists():
            ref = ""  # the remembered model has gone: fall back to another
        ref = self._override or ref  # what the user named is tried, and fails with a message
        ref = ref or (refs[0] if refs else "")
        if not ref:
            self.show_first_run()
            return
        self._fill_models(models, ref)
        self.stack.setCurrentWidget(self.chat_page)
        self.load_model(ref)
        self.input.setFocus()

    def _fill_models(self, models: list[tuple[str, str]], current: str) -> None:
        self.model_box.clear()
        for label, ref in models:
            self.model_box.addItem(label, ref)
        if current and self.model_box.findData(current) < 0:
            self.model_box.addItem(Path(current).name or current, current)
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(current)))

    def show_first_run(self) -> None:
        """The download / import page: at first run, or later to get another model."""
        if self.first_run is None:
            self.first_run = FirstRunPage(self.model_store())
            self.first_run.modelReady.connect(self._on_first_model)
            self.first_run.backRequested.connect(
                lambda: self.stack.setCurrentWidget(self.chat_page)
            )
            self.stack.addWidget(self.first_run)
        self.first_run.back_button.setVisible(bool(self.model_box.count()))
        self.stack.setCurrentWidget(self.first_run)

    def _on_first_model(self, model_id: str) -> None:
        self.settings.set("model", model_id)
        self._override = None
        self.start()

    def load_model(self, ref: str) -> None:
        engine = self.engine_box.currentData() or "auto"
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
            self.statusBar().showMessage(error_text(code, detail))

    def _job_for(self, request, intent: str):
        return job_for(request, intent, docs=(self.docs.library, self.docs.collection))

    def _request_options(self):
        return (
            self.settings.get("system_prompt"),
            self.settings.gen_params(),
            self.settings.thinking(),
        )

    def current_spec(self):
        ref = self.model_box.currentData()
        try:
            from inference.catalog import find

            return find(ref) if ref else None
        except Exception:
            return None

    # chat actions

    def send(self, text: str) -> bool:
        text = text.strip()
        if not text or self.session.busy:
            return False
        attachments = [(a.path, a.kind) for a in self.media.attachments()]
        # a message with pictures or a video is about them, not about the documents
        intent = DOCS if self.docs.in_use() and not attachments else ""
        if self._editing is not None:
            widget, self._editing = self._editing, None
            ok = self.session.edit_and_resend(widget, text, attachments, intent=intent)
        else:
            ok = self.session.send(text, attachments, intent=intent)
        if ok:
            self.input.clear()
            self.media.clear()
        return ok

    def stop(self) -> None:
        self.session.stop()

    # videos and documents

    def summarize_video(self, path: Path) -> bool:
        """The Summarize button: a summary with chapters of `path`, as a new message."""
        if self.session.busy:
            return False
        intent = summary_intent(self.media.summary_detail())
        ok = self.session.send(self.tr("Summarize this video."), [(path, "video")], intent=intent)
        if ok:
            self.media.remove_path(path)
        return ok

    def show_frame(self, widget: MessageWidget, t: float) -> None:
        """A timestamp was clicked: show that moment of the answer's video."""
        from .frame_viewer import FrameViewer

        if self.frame_viewer is not None and self.frame_viewer.path == widget.video:
            self.frame_viewer.seek(t)
        else:
            if self.frame_viewer is not None:
                self.frame_viewer.close()
            self.frame_viewer = FrameViewer(widget.video, t, parent=self)
        self.frame_viewer.show()
        self.frame_viewer.raise_()

    def show_source(self, widget: MessageWidget, n: int) -> None:
        """A citation was clicked: a PDF opens at its page in the app, other files outside."""
        from .page_viewer import PageViewer, open_externally

        source = widget.sources.get(n)
        if source is None:
            return
        path = Path(source.path)
        if not path.is_file():
            self.statusBar().showMessage(error_text("doc_not_found", str(path)), 8000)
            return
        if path.suffix.lower() != ".pdf":
            open_externally(path)
            return
        if self.page_viewer is not None and self.page_viewer.path == path:
            self.page_viewer.show_page(source.page or 1)
        else:
            if self.page_viewer is not None:
                self.page_viewer.close()
            self.page_viewer = PageViewer(path, source.page or 1, parent=self)
        self.page_viewer.show()
        self.page_viewer.raise_()

    def begin_edit(self, widget: MessageWidget) -> None:
        if self.session.busy:
            return
        self._editing = widget
        self.input.setPlainText(widget.text)
        self.input.setFocus()
        self.statusBar().showMessage(
            self.tr("Editing a message: Enter sends it again and replaces the answers after it.")
        )

    def _escape(self) -> None:
        if self.session.busy:
            self.stop()
        elif self._editing is not None:
            self._editing = None
            self.input.clear()
            self.statusBar().clearMessage()

    def _copy_last_answer(self) -> None:
        for w in reversed(self.chat_view.messages()):
            if w.role == "assistant":
                w.copy_text()
                return

    def _on_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)

    # conversations

    def new_conversation(self) -> None:
        self.session.open(None)
        self.conversations.list.clearSelection()
        self.conversations.list.setCurrentItem(None)
        self.input.setFocus()

    def open_conversation(self, conversation_id: object) -> None:
        if conversation_id == self.session.conversation_id:
            return
        self._editing = None
        self.session.open(conversation_id if isinstance(conversation_id, int) else None)

    def export_conversation(self, path: str | None = None) -> None:
        cid = self.session.conversation_id
        if cid is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the conversation"), "", self.tr("Markdown (*.md)")
            )
        if path:
            Path(path).write_text(self.history.export_markdown(cid), encoding="utf-8")
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 5000)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self.current_spec(), self).exec()

    # drops anywhere in the window go to the attachments

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.media.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.media.dropEvent(event)

    def closeEvent(self, event) -> None:
        self.session.abandon()
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("splitter", self.splitter.saveState())
        self.settings.sync()
        self.controller.shutdown()
        self.docs.shutdown()
        self.docs.library.close()
        self.history.close()
        super().closeEvent(event)


def _open(ref: str, engine: str, *, models_dir: Path):
    return open_model(ref, engine, models_dir)
