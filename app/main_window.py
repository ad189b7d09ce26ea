"""The main window: conversations on the left, the chat in the middle, documents on the right;
the first-run page instead while no model is installed.

The side panes fold away (toolbar buttons, Ctrl+B and Ctrl+D) and fold by themselves when the
window is narrower than AUTO_COLLAPSE_PX (app/side_panes.py), so the chat keeps its column.

Over 400 lines because it is the one place that wires the panes together: the toolbar, the
shortcuts and their sheet, the tab order, the empty state's suggestions, editing, the theme.
Each piece is a few lines calling a widget that does the work; the next cut is the toolbar and
shortcuts into their own module.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QThreadPool
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from inference.history import HistoryStore
from inference.paths import DataDirs
from inference.records import GenParams

from . import empty_state, icons, markdown_doc, theme
from .chat_session import ChatSession
from .chat_view import CentredColumn, ChatView, MessageWidget
from .composer import Composer
from .conversation_list import UNDO_MS, ConversationList
from .docs_panel import DocsPanel
from .empty_state import EmptyState
from .engine_thread import EngineController, LoadedModel
from .first_run import FirstRunPage
from .job_records import DOCS, summary_intent
from .media_pane import MediaPane
from .model_controller import ModelController
from .notice_bar import NoticeBar
from .seams import Backend, Models
from .server_controller import ServerController
from .servers_settings import RemoteNote
from .settings import Settings
from .side_panes import SidePanes
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
        self.models.downloadRequested.connect(self.show_first_run)  # "No model loaded"'s actions
        self.models.importRequested.connect(self._import_model)
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
        self.controller.finished.connect(self._on_job_finished)
        self._build_toolbar()
        self.server = ServerController(self.controller, self.settings, self._served_model, self)
        self.statusBar().addWidget(self.server.status)
        self.remote_note = RemoteNote(self.models.model_box)  # while a server's model is chosen
        self.statusBar().addWidget(self.remote_note)
        self._build_shortcuts()
        self._set_tab_order()
        self.retranslate_ui()
        self.restyle()
        self._on_busy(False)
        geometry = settings.get("geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        self.panes.fit(self.width())
        hints = QApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt >= 6.5: follow the system when asked to
            hints.colorSchemeChanged.connect(self._on_system_scheme)  # gone with the window
        self.start()
        self.server.apply()  # the local API server, when the settings turn it on
        self.docs.start()  # lists the library and resumes interrupted indexing, on its worker
        QThreadPool.globalInstance().start(markdown_doc.warm_up)

    # layout

    def _build_chat_page(self, dark: bool) -> QWidget:
        self.conversations = ConversationList(self.history)
        self.conversations.setObjectName("sidePane")
        self.conversations.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.conversations.selected.connect(self.open_conversation)
        self.conversations.newRequested.connect(self.new_conversation)
        self.conversations.deleted.connect(self._on_deleted)
        self.chat_view = ChatView()
        self.chat_view.dark = dark
        self.chat_view.timeClicked.connect(self.viewers.show_frame)
        self.chat_view.sourceClicked.connect(self.viewers.show_source)
        self.empty = EmptyState()
        self.empty.suggestionChosen.connect(self._on_suggestion)
        self.chat_view.set_empty_state(self.empty)
        # the attachments' state and drop rules; shown as chips in the message box
        self.media = MediaPane(parent=self)
        self.media.hide()
        self.media.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.media.route_documents = True
        self.media.summarizeRequested.connect(self.summarize_video)
        self.composer = Composer(self.media)
        self.input = self.composer.input
        self.chat_view.tab_after = self.input
        self.input.submitted.connect(self.send)
        self.input.filesDropped.connect(self.media.add_paths)
        self.send_button = self.composer.send_button
        self.send_button.clicked.connect(lambda: self.send(self.input.toPlainText()))
        self.stop_button = self.composer.stop_button
        self.stop_button.clicked.connect(self.stop)
        self.notice = NoticeBar()
        bottom = CentredColumn()
        bottom.box.addWidget(self.notice)
        bottom.box.addWidget(self.composer)
        middle = QWidget()
        middle.setObjectName("chatPane")
        col = QVBoxLayout(middle)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.chat_view, 1)
        col.addWidget(bottom)
        self.docs = DocsPanel(self.backend.library)
        self.docs.setObjectName("sidePane")
        self.docs.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        docs_layout = self.docs.layout()
        if docs_layout is not None:  # the same breathing room as the conversation list
            docs_layout.setContentsMargins(8, 8, 8, 8)
        self.docs.message.connect(lambda text: self.statusBar().showMessage(text, STATUS_MS))
        self.docs.changed.connect(self._update_empty_state)
        self.media.documentsDropped.connect(self.docs.add)
        # "Answer from these documents" is remembered across restarts
        self.docs.use_box.setChecked(self.settings.get("use_documents"))
        self.docs.use_box.toggled.connect(lambda on: self.settings.set("use_documents", on))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for w in (self.conversations, middle, self.docs):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 720, 280])
        state = self.settings.get("splitter")
        if state:
            self.splitter.restoreState(state)
        self.conversations.setMinimumWidth(180)
        self.docs.setMinimumWidth(220)
        return self.splitter

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar()
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        self.addToolBar(bar)
        self.panes = SidePanes(self.settings, self.conversations, self.docs, self)
        self.conversations_action = self.panes.left_action
        bar.addAction(self.conversations_action)
        bar.addSeparator()
        self.models.place(bar, self.statusBar())
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.models_action = QAction(self)
        self.models_action.triggered.connect(lambda: self.show_first_run())
        bar.addAction(self.models_action)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        # a lambda: triggered(bool) must not land in export_conversation's path argument
        self.export_action.triggered.connect(lambda: self.export_conversation())
        bar.addAction(self.export_action)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(lambda: self.open_settings())
        bar.addAction(self.settings_action)
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(lambda: self.show_shortcuts())
        bar.addAction(self.shortcuts_action)
        self.documents_action = self.panes.right_action
        bar.addAction(self.documents_action)

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
        self.settings_action.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.export_action.setText(self.tr("Export…"))
        self.export_action.setToolTip(self.tr("Export the conversation to Markdown (Ctrl+E)"))
        self.models_action.setText(self.tr("Get a model…"))
        self.models_action.setToolTip(self.tr("Download a model or import one from disk"))
        self.shortcuts_action.setText(self.tr("Keyboard shortcuts"))
        self.shortcuts_action.setToolTip(self.tr("Keyboard shortcuts (Ctrl+/)"))
        self.conversations_action.setText(self.tr("Conversations"))
        self.conversations_action.setToolTip(self.tr("Show or hide the conversations (Ctrl+B)"))
        self.documents_action.setText(self.tr("Documents"))
        self.documents_action.setToolTip(self.tr("Show or hide the documents (Ctrl+D)"))
        self.models.retranslate_ui()

    def restyle(self) -> None:
        """Icons in the palette's colours; run again after a theme switch."""
        for action, shape in (
            (self.conversations_action, "panel-left"),
            (self.documents_action, "panel-right"),
            (self.models_action, "download"),
            (self.export_action, "export"),
            (self.settings_action, "settings"),
            (self.shortcuts_action, "keyboard"),
        ):
            action.setIcon(icons.icon(shape))
        self.conversations.restyle()
        self.composer.restyle()
        self.notice.restyle()
        self.empty.restyle()
        self.chat_view.restyle(self.chat_view.dark)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) of every shortcut, for the sheet (Ctrl+/)."""
        return [
            ("Enter", self.tr("Send the message")),
            ("Shift+Enter", self.tr("New line in the message")),
            ("Esc", self.tr("Stop the answer, or stop editing")),
            ("Ctrl+N", self.tr("New conversation")),
            ("Ctrl+L", self.tr("Go to the message box")),
            ("Ctrl+F", self.tr("Search conversations")),
            ("Ctrl+O", self.tr("Attach files")),
            ("Ctrl+R", self.tr("Regenerate the last answer")),
            ("Ctrl+Shift+C", self.tr("Copy the last answer")),
            ("Ctrl+E", self.tr("Export the conversation")),
            ("Del", self.tr("Delete the selected conversation (in the list)")),
            ("F2", self.tr("Rename the selected conversation (in the list)")),
            ("Ctrl+B", self.tr("Show or hide the conversations")),
            ("Ctrl+D", self.tr("Show or hide the documents")),
            ("Ctrl+,", self.tr("Settings")),
            ("Ctrl+/", self.tr("Keyboard shortcuts")),
            ("Ctrl+Q", self.tr("Quit")),
        ]

    def _build_shortcuts(self) -> None:
        def action(keys: str, slot) -> None:
            a = QAction(self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(slot)
            self.addAction(a)

        action("Ctrl+N", lambda: self.new_conversation())
        action("Esc", lambda: self._escape())
        action("Ctrl+R", lambda: self.session.regenerate())
        action("Ctrl+F", lambda: self._focus_search())
        action("Ctrl+O", lambda: self.media.pick_files())
        action("Ctrl+L", lambda: self.input.setFocus())
        action("Ctrl+Shift+C", lambda: self._copy_last_answer())
        action("Ctrl+Q", lambda: self.close())

    def _set_tab_order(self) -> None:
        """Left to right, top to bottom: the list, the conversation, the message box, documents."""
        c, k = self.conversations, self.composer
        chain = [
            c.search,
            c.list,
            c.new_button,
            c.rename_button,
            c.delete_button,
            self.chat_view,
            k.input,
            k.attach_button,
            k.stop_button,
            k.send_button,
            self.docs.use_box,
            self.docs.list,
            self.docs.add_button,
            self.docs.remove_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

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

    def _import_model(self, kind: str) -> None:
        """Import a model folder or GGUF file (the first-run page does it, with its progress)."""
        self.show_first_run()
        if self.first_run is not None:
            (self.first_run.pick_gguf if kind == "gguf" else self.first_run.pick_folder)()

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
            self._end_edit_hint()
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

    def begin_edit(self, widget: MessageWidget) -> None:
        if self.session.busy:
            return
        self._editing = widget
        self.input.setPlainText(widget.text)
        self.input.moveCursor(self.input.textCursor().MoveOperation.End)
        self.input.setFocus()
        self.notice.show_notice(
            self.tr("Editing a message: Enter sends it again and replaces the answers after it."),
            self.tr("Cancel"),
            self.cancel_edit,
            ms=10 * 60 * 1000,
        )

    def cancel_edit(self) -> None:
        if self._editing is not None:
            self._editing = None
            self.input.clear()
        self._end_edit_hint()

    def _end_edit_hint(self) -> None:
        if self.notice.isVisible() and self.notice.action_button.text() == self.tr("Cancel"):
            self.notice.dismiss()

    def _escape(self) -> None:
        if self.session.busy:
            self.stop()
        elif self._editing is not None:
            self.cancel_edit()

    def _copy_last_answer(self) -> None:
        for w in reversed(self.chat_view.messages()):
            if w.role == "assistant":
                w.copy_text()
                return

    def _on_busy(self, busy: bool) -> None:
        self.composer.set_busy(busy)

    # the empty state

    def _on_job_finished(self, _job_id: int, result: object) -> None:
        if isinstance(result, LoadedModel):
            self._update_empty_state()

    def _update_empty_state(self) -> None:
        loaded = self.models.loaded
        caps = loaded.capabilities if loaded is not None else frozenset()
        self.empty.set_options(frozenset(caps), documents=self.docs.ready_count() > 0)

    def _on_suggestion(self, kind: str) -> None:
        """A suggestion of the empty state: start that kind of message."""
        prompts = {
            empty_state.DESCRIBE_IMAGE: self.tr("Describe this image in detail."),
            empty_state.EXPLAIN: self.tr("Explain how a rainbow forms, simply."),
            empty_state.DRAFT: self.tr("Draft a short, friendly email to "),
            empty_state.ASK_DOCUMENTS: "",
        }
        if kind == empty_state.SUMMARIZE_VIDEO:
            self.media.pick_files()
            video = self.media.video()
            if video is not None:
                self.summarize_video(video)
            return
        if kind == empty_state.ASK_DOCUMENTS:
            self.docs.use_box.setChecked(True)
            self.panes.show(self.docs, True, by_user=True)
            self.notice.show_notice(self.tr("Questions now go to your documents."))
        self.input.setPlainText(prompts.get(kind, ""))
        self.input.moveCursor(self.input.textCursor().MoveOperation.End)
        self.input.setFocus()
        if kind == empty_state.DESCRIBE_IMAGE:
            self.media.pick_files()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if hasattr(self, "panes"):
            self.panes.fit(self.width())

    # conversations

    def new_conversation(self) -> None:
        self.cancel_edit()
        self.session.open(None)
        self.conversations.list.clearSelection()
        self.conversations.list.setCurrentRow(-1)  # no current item
        self._update_empty_state()
        self.input.setFocus()

    def open_conversation(self, conversation_id: int | None) -> None:
        if conversation_id == self.session.conversation_id:
            return
        self.cancel_edit()
        self.session.open(conversation_id if isinstance(conversation_id, int) else None)
        self._update_empty_state()

    def _focus_search(self) -> None:
        self.panes.show(self.conversations, True, by_user=True)
        self.conversations.search.setFocus()

    def _on_deleted(self, conversation_id: int) -> None:
        self.notice.show_notice(
            self.tr("Conversation deleted"),
            self.tr("Undo"),
            lambda: self.conversations.undo_delete(conversation_id),
            ms=UNDO_MS,
        )

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

        before = self.settings.get("theme")
        SettingsDialog(
            self.settings,
            self.models.current_spec(),
            self,
            server=self.server,
            probe=self.backend.probe,
        ).exec()
        if self.settings.get("theme") != before:
            self.apply_theme()
        if not self.models.refill():  # a server's model hidden by "offline only"
            self.start()
        self.remote_note.update_note()

    def apply_theme(self) -> None:
        """Light, dark or the system's, as the settings say; messages are drawn again."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        dark = theme.apply(app, self.settings.get("theme"))
        self.chat_view.dark = dark
        self.restyle()
        cid = self.session.conversation_id
        if cid is not None and not self.session.busy:
            self.session.open(cid)  # code blocks take the new theme's colours

    def _on_system_scheme(self, *_scheme) -> None:
        if self.settings.get("theme") == "system":
            self.apply_theme()

    def show_shortcuts(self) -> None:
        from .shortcuts_sheet import ShortcutsSheet

        self.shortcuts_sheet = ShortcutsSheet(self.shortcuts(), self)
        self.shortcuts_sheet.open()

    # drops anywhere in the window go to the attachments

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.media.dragEnterEvent(event)
        self.composer.set_dropping(event.isAccepted())

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.composer.set_dropping(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.composer.set_dropping(False)
        self.media.dropEvent(event)

    def closeEvent(self, event) -> None:
        self.session.abandon()
        self.conversations.purge_deleted()
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("splitter", self.splitter.saveState())
        self.settings.sync()
        self.server.stop()
        self.controller.shutdown()
        self.docs.shutdown()
        self.docs.library.close()
        self.history.close()
        super().closeEvent(event)
