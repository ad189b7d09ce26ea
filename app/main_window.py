"""The main window: conversations on the left, the chat in the middle, attachments on the right;
the first-run page instead while no model is installed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
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
from inference.records import GenParams

from . import markdown_doc
from .chat_input import ChatInput
from .chat_session import ChatSession
from .chat_view import ChatView, MessageWidget
from .conversation_list import ConversationList
from .docs_panel import DocsPanel
from .engine_thread import EngineController
from .first_run import FirstRunPage
from .job_records import DOCS, SUMMARY
from .media_pane import MediaPane
from .model_controller import ModelController
from .seams import Backend, Models
from .server_controller import ServerController
from .servers_settings import RemoteNote
from .settings import Settings
from .viewer_controller import ViewerController

log = logging.getLogger(__name__)

STATUS_MS = 8000  # how long a notice stays in the status bar


class MainWindow(QMainWindow):
    """Lays out the panes and wires them; the model pickers and loading live in ModelController,
    the frame and page viewers in ViewerController, a conversation's turns in ChatSession."""

    def __init__(
        self,
        dirs: DataDirs,
        settings: Settings,
        *,
        backend: Backend,
        controller: EngineController | None = None,
        model_store: Models | None = None,
        model_override: str | None = None,
        dark: bool = False,
    ) -> None:
        super().__init__()
        self.dirs = dirs
        self.settings = settings
        self.backend = backend
        self.setAcceptDrops(True)
        self.history = HistoryStore(dirs.history_db)
        self.controller = controller or EngineController(self)
        self.models = ModelController(
            settings,
            self.controller,
            backend.opener,
            models_dir=dirs.models,
            model_store=model_store,
            model_override=model_override,
            parent=self,
        )
        self.models.loadFailed.connect(self.statusBar().showMessage)
        self.viewers = ViewerController(self)
        self.viewers.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self._editing: MessageWidget | None = None

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
            job_factory=backend.job_for,
        )
        self.session.busyChanged.connect(self._on_busy)
        self.session.notice.connect(self.statusBar().showMessage)
        self.session.conversationCreated.connect(self.conversations.select)
        self.session.editRequested.connect(self.begin_edit)
        self.session.answerFinished.connect(lambda *_: self.conversations.refresh())
        self._build_toolbar()
        self.server = ServerController(self.controller, self.settings, self._served_model, self)
        self.statusBar().addWidget(self.server.status)
        self.remote_note = RemoteNote(self.models.model_box)  # while a server's model is chosen
        self.statusBar().addWidget(self.remote_note)
        self._build_shortcuts()
        self.retranslate_ui()
        self._on_busy(False)
        geometry = settings.get("geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        self.start()
        self.server.apply()  # the local API server, when the settings turn it on
        self.docs.start()  # lists the library and resumes interrupted indexing, on its worker
        QThreadPool.globalInstance().start(markdown_doc.warm_up)

    # layout

    def _build_chat_page(self, dark: bool) -> QWidget:
        self.conversations = ConversationList(self.history)
        self.conversations.selected.connect(self.open_conversation)
        self.conversations.newRequested.connect(self.new_conversation)
        self.chat_view = ChatView()
        self.chat_view.dark = dark
        self.chat_view.timeClicked.connect(self.viewers.show_frame)
        self.chat_view.sourceClicked.connect(self.viewers.show_source)
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
        self.media.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.media.route_documents = True
        self.media.summarizeRequested.connect(self.summarize_video)
        self.docs = DocsPanel(self.backend.library)
        self.docs.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
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
        self.models.place(bar, self.statusBar())
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

    def retranslate_ui(self) -> None:
        """Every fixed text of the window; run again on a language switch (see app/i18n.py)."""
        self.setWindowTitle(self.tr("Cairn"))
        self.server.retranslate_ui()
        self.remote_note.update_note()
        self.send_button.setText(self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send the message"))
        self.send_button.setToolTip(self.tr("Send (Enter)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the answer"))
        self.stop_button.setToolTip(self.tr("Stop (Esc)"))
        self.toolbar.setWindowTitle(self.tr("Main"))
        self.settings_action.setText(self.tr("Settings…"))
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(self.tr("Export the conversation to Markdown (Ctrl+E)"))
        self.models_action.setText(self.tr("Get a model…"))
        self.models_action.setToolTip(self.tr("Download a model or import one from disk"))
        self.models.retranslate_ui()

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

    def start(self) -> None:
        """Open the chosen model, or the first-run page when there is none."""
        ref = self.models.choose()
        if not ref:
            self.show_first_run()
            return
        self.stack.setCurrentWidget(self.chat_page)
        self.models.load_model(ref)
        self.input.setFocus()

    def show_first_run(self) -> None:
        """The download / import page: at first run, or later to get another model."""
        if self.first_run is None:
            self.first_run = FirstRunPage(self.models.model_store(), settings=self.settings)
            self.first_run.modelReady.connect(self._on_first_model)
            self.first_run.backRequested.connect(
                lambda: self.stack.setCurrentWidget(self.chat_page)
            )
            self.stack.addWidget(self.first_run)
        self.first_run.back_button.setVisible(self.models.has_models())
        self.stack.setCurrentWidget(self.first_run)

    def _on_first_model(self, model_id: str) -> None:
        self.models.remember(model_id)
        self.start()

    def _served_model(self):
        """(id, capabilities) of the loaded model for the API server; read from its thread."""
        loaded = self.models.loaded
        return None if loaded is None else (loaded.ref or loaded.name, loaded.capabilities)

    def _request_options(self) -> tuple[str, GenParams, bool | None]:
        return (
            self.settings.get("system_prompt"),
            self.settings.gen_params(),
            self.settings.thinking(),
        )

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
        ok = self.session.send(self.tr("Summarize this video."), [(path, "video")], intent=SUMMARY)
        if ok:
            self.media.remove_path(path)
        return ok

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
        self.conversations.list.setCurrentRow(-1)  # no current item
        self.input.setFocus()

    def open_conversation(self, conversation_id: int | None) -> None:
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

        SettingsDialog(
            self.settings, self.models.current_spec(), self, server=self.server, probe=self.backend.probe
        ).exec()
        if not self.models.refill():  # a server's model hidden by "offline only"
            self.start()
        self.remote_note.update_note()

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
        self.server.stop()
        self.controller.shutdown()
        self.docs.shutdown()
        self.docs.library.close()
        self.history.close()
        super().closeEvent(event)
