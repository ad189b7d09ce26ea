"""What an empty conversation shows: a greeting, suggestions that fit the loaded model and the
documents, and where to drop files."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inference.records import Modality

from . import i18n, icons

# suggestion kinds, in the order they are offered
DESCRIBE_IMAGE = "image"
SUMMARIZE_VIDEO = "video"
ASK_DOCUMENTS = "documents"
EXPLAIN = "explain"
DRAFT = "draft"


class EmptyState(QWidget):
    suggestionChosen = Signal(str)  # one of the kinds above

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hintLabel")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.greeting)
        layout.addWidget(self.subtitle)
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        layout.addSpacing(8)
        layout.addLayout(self._grid)
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("hintLabel")
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setWordWrap(True)
        layout.addSpacing(8)
        layout.addWidget(self.drop_hint)
        self.buttons: dict[str, QPushButton] = {}
        for kind in (DESCRIBE_IMAGE, SUMMARIZE_VIDEO, ASK_DOCUMENTS, EXPLAIN, DRAFT):
            button = QPushButton()
            button.setObjectName("suggestion")
            button.setIconSize(QSize(18, 18))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, k=kind: self.suggestionChosen.emit(k))
            self.buttons[kind] = button
        self.offered: list[str] = []
        self.set_options(frozenset({Modality.TEXT}), documents=False)
        i18n.on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.greeting.setText(self.tr("What can I help with?"))
        self.subtitle.setText(self.tr("Everything stays on this computer."))
        self.drop_hint.setText(
            self.tr("Drop images, videos or documents anywhere in the window to use them.")
        )
        texts = {
            DESCRIBE_IMAGE: self.tr("Describe an image"),
            SUMMARIZE_VIDEO: self.tr("Summarize a video"),
            ASK_DOCUMENTS: self.tr("Ask your documents"),
            EXPLAIN: self.tr("Explain a topic simply"),
            DRAFT: self.tr("Draft an email"),
        }
        for kind, button in self.buttons.items():
            button.setText(texts[kind])
            button.setAccessibleName(texts[kind])

    def restyle(self) -> None:
        shapes = {
            DESCRIBE_IMAGE: "image",
            SUMMARIZE_VIDEO: "video",
            ASK_DOCUMENTS: "documents",
            EXPLAIN: "chat",
            DRAFT: "edit",
        }
        for kind, button in self.buttons.items():
            button.setIcon(icons.icon(shapes[kind], size=18))

    def set_options(self, capabilities: frozenset, *, documents: bool) -> None:
        """Offer what the loaded model can do: pictures and video only when it sees them,
        the documents when some are ready."""
        offered = []
        if Modality.IMAGE in capabilities:
            offered.append(DESCRIBE_IMAGE)
        if Modality.VIDEO in capabilities:
            offered.append(SUMMARIZE_VIDEO)
        if documents:
            offered.append(ASK_DOCUMENTS)
        offered += [EXPLAIN, DRAFT]
        offered = offered[:4]
        if offered == self.offered:
            return
        self.offered = offered
        for button in self.buttons.values():
            self._grid.removeWidget(button)
            button.hide()
        for i, kind in enumerate(offered):
            self._grid.addWidget(self.buttons[kind], i // 2, i % 2)
            self.buttons[kind].show()
        self.restyle()
