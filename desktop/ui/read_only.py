"""The window says when the register is read-only (a file that cannot be written, or a register
made by a newer version of the program): a banner over the views and a mark in the status bar from
the moment it is opened, and the actions that would change the register disabled, their tip giving
the reason. Anything that still tries to write is refused with the same reason by
db/transaction.py's write_transaction (shown as "操作未完成").

    notice = ReadOnlyNotice(window)     # once, after the window's actions exist
    notice.refresh()                    # after another register was opened
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from db.transaction import read_only_reason

# Actions that change the register (object names); the rest only read, export or open.
WRITE_ACTIONS = ("importLedger", "pastePlan", "collectForms", "restore", "undo", "redo",
                 "mergePackage", "addProblem", "deleteProblem", "editPetition")
_BANNER_STYLE = ("QLabel#readOnlyBanner { background: #fff4ce; color: #5c3c00; padding: 6px 10px;"
                 " border-bottom: 1px solid #e0c060; }")


class ReadOnlyNotice:
    def __init__(self, window: QMainWindow):
        self.window = window
        self.reason: str | None = None
        self.banner = QLabel(objectName="readOnlyBanner", wordWrap=True)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.status = QLabel("只读", objectName="readOnlyStatus")
        self.status.setStyleSheet("color: #a05a00; font-weight: bold;")
        window.statusBar().addPermanentWidget(self.status)
        self._wrap_central_widget()
        for action in self.actions():
            action.changed.connect(lambda a=action: self._keep_disabled(a))
        window.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def _wrap_central_widget(self) -> None:
        views = self.window.takeCentralWidget()
        holder = QWidget(objectName="centralWithNotice")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(views, 1)
        self.window.setCentralWidget(holder)

    def actions(self) -> list[QAction]:
        return [a for a in self.window.findChildren(QAction) if a.objectName() in WRITE_ACTIONS]

    def refresh(self) -> None:
        was = self.reason
        self.reason = read_only_reason(self.window.session.db)
        self.banner.setVisible(bool(self.reason))
        self.status.setVisible(bool(self.reason))
        if self.reason:
            self.banner.setText(f"只读：{self.reason} 导入、收集、撤销、恢复等修改台账的操作已停用。")
            self.status.setToolTip(self.reason)
            for action in self.actions():
                self._keep_disabled(action)
        elif was:
            for action in self.actions():
                action.setEnabled(True)
                action.setToolTip(action.property("writableTip") or action.text())
            self.window.refresh_undo_actions()

    def _keep_disabled(self, action: QAction) -> None:
        """Whoever enables a writing action again (undo after a view refresh, a selection), it
        stays disabled while the register is read-only."""
        if not self.reason:
            return
        tip = f"台账为只读，不能{action.text().rstrip('…')}：{self.reason}"
        if action.isEnabled() or action.toolTip() != tip:
            if action.property("writableTip") is None:
                action.setProperty("writableTip", action.toolTip())
            action.setEnabled(False)
            action.setToolTip(tip)
