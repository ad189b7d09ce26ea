"""The two side panes (conversations, documents): shown or folded by their toolbar buttons and
shortcuts, folded by themselves in a window narrower than AUTO_COLLAPSE_PX.

What the user chooses in a wide window is remembered (settings show_conversations and
show_documents); in a narrow one a pane can still be opened, without changing that choice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .settings import Settings

AUTO_COLLAPSE_PX = 1100  # narrower windows fold the side panes away


class SidePanes(QObject):
    def __init__(
        self, settings: Settings, left: QWidget, right: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.left, self.right = left, right
        self.left_action = self._action("Ctrl+B", left)
        self.right_action = self._action("Ctrl+D", right)
        self.narrow: bool | None = None

    def _action(self, keys: str, pane: QWidget) -> QAction:
        action = QAction(self)
        action.setCheckable(True)
        action.setChecked(True)
        action.setShortcut(QKeySequence(keys))
        action.toggled.connect(lambda on: self.show(pane, on, by_user=True))
        return action

    def _key(self, pane: QWidget) -> str:
        return "show_conversations" if pane is self.left else "show_documents"

    def show(self, pane: QWidget, on: bool, *, by_user: bool = False) -> None:
        pane.setVisible(on)
        action = self.left_action if pane is self.left else self.right_action
        if action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        if by_user and not self.narrow:
            self.settings.set(self._key(pane), on)

    def fit(self, width: int) -> None:
        """Below AUTO_COLLAPSE_PX both panes fold; wider again, they come back as chosen."""
        narrow = width < AUTO_COLLAPSE_PX
        if narrow == self.narrow:
            return
        self.narrow = narrow
        for pane in (self.left, self.right):
            self.show(pane, not narrow and self.settings.get(self._key(pane)))
