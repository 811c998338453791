"""The progress window of long work: appears only after a short delay, can cancel.

It closes when the work ends, before the work's callbacks run, so no message box they open ever
sits under it (under a real window manager a modal progress window would keep the box's
确定 from answering)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.tasks import Op, TaskManager

DELAY_MS = 600


class ProgressWindows(QObject):
    """Watches the task manager; shows a window for a long op still running after DELAY_MS."""

    def __init__(self, tasks: TaskManager, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self.dialog: QProgressDialog | None = None
        self._op: Op | None = None
        self._last: tuple[int, int, str] = (0, 0, "")
        tasks.started.connect(self._started)
        tasks.ending.connect(self._done)
        tasks.progressed.connect(self._progressed)

    def _started(self, op: Op) -> None:
        if op.long:
            self._op, self._last = op, (0, 0, "")
            QTimer.singleShot(DELAY_MS, lambda: self._show(op))

    def _show(self, op: Op) -> None:
        if self._op is not op or self.dialog is not None:
            return
        dialog = QProgressDialog(op.label, "取消", 0, 0, self._parent)
        dialog.setWindowTitle("请稍候")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(lambda: self._cancel(op))
        self.dialog = dialog
        self._apply(*self._last)
        dialog.show()

    def _cancel(self, op: Op) -> None:
        if op.progress is not None:
            op.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText("正在取消……")

    def _progressed(self, op: Op, done: int, total: int, text: str) -> None:
        if op is self._op:
            self._last = (done, total, text)
            if self.dialog is not None and not (op.progress and op.progress.cancelled()):
                self._apply(done, total, text)

    def _apply(self, done: int, total: int, text: str) -> None:
        dialog, op = self.dialog, self._op
        if dialog is None or op is None:
            return
        if text:
            dialog.setLabelText(f"{op.label}\n{text}")
        dialog.setMaximum(max(total, 0))
        # A window-modal QProgressDialog processes events inside setValue: the work may end (and
        # this window close) right there, so nothing may touch the dialog after this call.
        dialog.setValue(min(done, total) if total else 0)

    def _done(self, op: Op) -> None:
        if op is not self._op:
            return
        self._op = None
        if self.dialog is not None:
            self.dialog.canceled.disconnect()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
