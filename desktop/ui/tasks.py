"""Operations run off the UI thread on the one writer connection; results come back by signal.

An Op is a small piece of work: `work(db, progress)` runs on the writer thread with the writer's
own connection, and `success(result)` / `failure(error)` run back on the UI thread. Long work
receives a Progress whose `update()` and `cancelled()` it calls; the progress window appears
only if the work is still running after a short delay (ui/progress_window.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from db.connection import open_register
from desktop.ui.changes import Changes

log = logging.getLogger(__name__)


class Progress:
    """Handed to long work: report progress (throttled) and ask whether the clerk cancelled."""

    THROTTLE = 0.1  # seconds between updates sent to the UI

    def __init__(self, emit: Callable[[int, int, str], None]):
        self._emit, self._event, self._last = emit, threading.Event(), 0.0

    def update(self, done: int, total: int = 0, text: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= self.THROTTLE or (total and done >= total):
            self._last = now
            self._emit(int(done), int(total), text)

    def cancel(self) -> None:
        self._event.set()

    def cancelled(self) -> bool:
        return self._event.is_set()


class Cancelled(Exception):
    """Raised by work that stopped because the clerk cancelled; nothing was changed."""


@dataclass(eq=False)
class Op:
    label: str                                   # Chinese: what the progress window says
    work: Callable[[Any, Progress], Any]         # (writer db, progress) -> result
    success: Callable[[Any], None] | None = None
    failure: Callable[[BaseException], None] | None = None
    long: bool = False                           # show a progress window after a delay
    progress: Progress | None = None


class _Writer(QObject):
    finished = Signal(object, object, object)   # op, result, error
    progressed = Signal(object, int, int, str)  # op, done, total, text

    def __init__(self, path: Path):
        super().__init__()
        self.path, self.db = path, None

    @Slot(object)
    def run(self, op: Op) -> None:
        try:
            if self.db is None:
                self.db = open_register(self.path)
            result = op.work(self.db, op.progress)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the UI to be shown
            log.exception("操作失败：%s", op.label)
            self.finished.emit(op, None, exc)
        else:
            self.finished.emit(op, result, None)

    @Slot()
    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


class TaskManager(QObject):
    """Owns the writer thread. `changed` is emitted with the Changes an operation returned."""

    changed = Signal(object)
    started = Signal(object)            # op
    ending = Signal(object)             # op, before its callbacks run (progress windows close)
    done = Signal(object)               # op (after its callbacks ran)
    failed = Signal(object, object)     # op, error (when the op has no failure handler)
    progressed = Signal(object, int, int, str)
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("台账写入")
        self._writer = _Writer(path)
        self._writer.moveToThread(self._thread)
        self._submit.connect(self._writer.run)
        self._close.connect(self._writer.close)
        self._writer.finished.connect(self._finished)
        self._writer.progressed.connect(self.progressed)
        self._running: list[Op] = []
        self._thread.start()

    def run(self, op: Op) -> Op:
        op.progress = Progress(lambda d, t, s: self._writer.progressed.emit(op, d, t, s))
        self._running.append(op)
        self.started.emit(op)
        self._submit.emit(op)
        return op

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _finished(self, op: Op, result: Any, error: BaseException | None) -> None:
        self._running.remove(op)
        # Whatever the callbacks open (a result box, a warning) must not sit under a progress
        # window: the window closes first, before any callback runs.
        self.ending.emit(op)
        if error is None:
            if op.success:
                op.success(result)
            changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
            if isinstance(changes, Changes):
                self.changed.emit(changes)
        elif op.failure:
            op.failure(error)
        else:
            self.failed.emit(op, error)
        self.done.emit(op)

    def close(self) -> None:
        """Finish queued work, close the writer connection and stop the thread."""
        self._close.emit()
        self._thread.quit()
        self._thread.wait()
