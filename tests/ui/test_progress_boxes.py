"""No message box ever opens while a progress window lives: the window closes first."""

from __future__ import annotations

import time

from desktop.ui import prompts
from desktop.ui.progress_window import DELAY_MS


def _work_that_shows_progress(db, progress):
    for i in range(40):
        progress.update(i, 40, f"第 {i} 步")
        time.sleep((DELAY_MS / 1000 + 0.6) / 40)
    return "done"


def _work_that_fails(db, progress):
    _work_that_shows_progress(db, progress)
    raise ValueError("表格已损坏")


def test_the_result_box_opens_only_after_the_progress_window_closed(qtbot, window):
    under_box = []
    window.run_op("正在导出", _work_that_shows_progress, long=True,
                  success=lambda _r: under_box.append(window.progress_windows.dialog))
    qtbot.waitUntil(lambda: window.progress_windows.dialog is not None, timeout=5000)
    with qtbot.waitSignal(window.tasks.done, timeout=10000):
        pass
    assert under_box == [None]


def test_the_error_box_opens_only_after_the_progress_window_closed(qtbot, window, monkeypatch):
    under_box = []
    monkeypatch.setattr(prompts, "warn",
                        lambda *a: under_box.append((window.progress_windows.dialog, a[2])))
    window.run_op("正在填回", _work_that_fails, long=True)
    qtbot.waitUntil(lambda: window.progress_windows.dialog is not None, timeout=5000)
    with qtbot.waitSignal(window.tasks.done, timeout=10000):
        pass
    assert len(under_box) == 1 and under_box[0][0] is None and "表格已损坏" in under_box[0][1]
