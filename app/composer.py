"""The message box: attachments as chips above the text, an attach button, Send / Stop.

The attachments themselves are kept by a MediaPane (app/media_pane.py: the drop rules, the
thumbnail worker); this box shows them as chips and removes them through it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QVBoxLayout

from . import i18n, icons
from .attachment_chips import ChipRow
from .chat_input import ChatInput
from .media_pane import MediaPane


class Composer(QFrame):
    def __init__(self, media: MediaPane, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.media = media
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        self.chips = ChipRow(removable=True)
        self.chips.removeRequested.connect(media.remove_path)
        self.chips.summarizeRequested.connect(media.summarizeRequested)
        layout.addWidget(self.chips)
        self.input = ChatInput()
        self.input.setObjectName("chatInput")
        self.input.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.input)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.attach_button = QToolButton()
        self.attach_button.setAutoRaise(True)
        self.attach_button.setIconSize(QSize(18, 18))
        self.attach_button.clicked.connect(media.pick_files)
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendButton")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopButton")
        row.addWidget(self.attach_button)
        row.addStretch(1)
        row.addWidget(self.stop_button)
        row.addWidget(self.send_button)
        layout.addLayout(row)
        self.input.installEventFilter(self)
        media.changed.connect(self.show_attachments)
        media.thumbnailReady.connect(self._on_thumbnail)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()
        self.restyle()

    def retranslate_ui(self) -> None:
        self.attach_button.setToolTip(self.tr("Attach images, videos or documents (Ctrl+O)"))
        self.attach_button.setAccessibleName(self.tr("Attach files"))
        self.chips.setAccessibleName(self.tr("Attached files"))
        for chip in self.chips.chips:
            chip.retranslate_ui()

    def restyle(self) -> None:
        self.attach_button.setIcon(icons.icon("attach", size=18))
        self.send_button.setIcon(icons.icon("send", "#ffffff", size=16))
        self.stop_button.setIcon(icons.icon("stop", size=14))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """The box's border shows keyboard focus in its text (QSS has no :focus-within)."""
        if watched is self.input and event.type() in (event.Type.FocusIn, event.Type.FocusOut):
            self.setProperty("focused", event.type() == event.Type.FocusIn)
            self.style().unpolish(self)
            self.style().polish(self)
        return super().eventFilter(watched, event)

    def set_dropping(self, on: bool) -> None:
        """While files are dragged over the window the box says where they will go."""
        self.setProperty("dropping", on)
        self.input.setPlaceholderText(
            self.tr("Drop to attach to your message") if on else self.input.placeholder()
        )
        self.style().unpolish(self)
        self.style().polish(self)

    def set_busy(self, busy: bool) -> None:
        """While answering the Stop button shows instead of Send."""
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.send_button.setVisible(not busy)
        self.stop_button.setVisible(busy)

    def show_attachments(self) -> None:
        items = [(a.path, a.kind) for a in self.media.attachments()]
        self.chips.set_items(items, self.media.thumbnails)
        for chip in self.chips.chips:
            chip.set_caption(self.media.captions.get(str(chip.path), ""))

    def _on_thumbnail(self, key: str, caption: str) -> None:
        chip = self.chips.chip(key)
        if chip is not None:
            chip.set_thumbnail(self.media.thumbnails.get(key))
            chip.set_caption(caption)
