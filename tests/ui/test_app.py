"""Start-up, --screenshot, layout memory, long work with a delayed progress window, backups."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton

from db.connection import open_register
from db.demo import build_demo
from desktop.ui import prompts
from desktop.ui.main_window import MainWindow
from desktop.ui.session import LAST_REGISTER_KEY, start_session
from desktop.ui.settings import window_settings
from desktop.ui.tasks import Cancelled

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_writes_a_1600_by_1000_png(tmp_path):
    db_path = tmp_path / "演示 台账.db"
    build_demo(open_register(db_path))
    out = tmp_path / "截图 看板.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db_path), "--screenshot",
                           str(out), "--view", "dashboard"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)


def test_screenshot_refuses_a_file_that_is_not_a_register(tmp_path):
    bad = tmp_path / "不是台账.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(bad), "--screenshot",
                           str(tmp_path / "x.png")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and "不是有效的台账" in done.stderr


def test_without_a_register_the_window_starts_on_its_start_page(qtbot):
    session = start_session(None, None)
    assert not session.is_demo and session.db["problems"].count == 0
    window = MainWindow(session, window_settings(), remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.start_page
    assert "首次使用" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert window.session.is_demo and window.session.db["problems"].count == 63
    assert "演示" in window.windowTitle()
    assert window.stack.currentWidget() is window.register_view
    window.close()


def test_window_layout_is_remembered(qtbot, demo_path):
    settings = window_settings()
    assert str(Path(settings.fileName()).parent) == os.environ["RECTIFICATION_LEDGER_HOME"]
    first = MainWindow(start_session(str(demo_path), None), settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 700)  # the off-screen screen is 800×800
    first.register_view.table.setColumnWidth(2, 401)
    first.close()
    second = MainWindow(start_session(str(demo_path), None), window_settings())
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (780, 700)
    assert second.register_view.table.columnWidth(2) == 401
    second.close()


def _slow_work(db, progress):
    for i in range(200):
        if progress.cancelled():
            raise Cancelled("已取消")
        progress.update(i, 200, f"第 {i} 步")
        time.sleep(0.02)
    return "done"


def test_long_work_shows_a_progress_window_late_and_can_cancel(qtbot, window):
    failures = []
    op = window.run_op("正在做一件慢事", _slow_work, long=True, failure=failures.append)
    assert window.progress_windows.dialog is None  # not at once: no flash for quick work
    qtbot.waitUntil(lambda: window.progress_windows.dialog is not None, timeout=3000)
    dialog = window.progress_windows.dialog
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=3000)
    cancel = dialog.findChild(QPushButton)
    with qtbot.waitSignal(window.tasks.done, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert failures and isinstance(failures[0], Cancelled)
    assert op.progress.cancelled() and window.progress_windows.dialog is None


def test_work_ending_while_the_progress_window_updates(qtbot, window):
    """A window-modal progress dialog runs the event loop inside setValue; the work may end there
    and the window close under the update."""
    watcher = window.progress_windows
    op = window.run_op("正在做一件慢事", _slow_work, long=True, failure=lambda e: None)
    qtbot.waitUntil(lambda: watcher.dialog is not None, timeout=3000)
    watcher.dialog.setValue = lambda _v: watcher._done(op)      # the end arrives mid-update
    watcher._progressed(op, 5, 200, "第 5 步")
    assert watcher.dialog is None
    op.progress.cancel()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5000)


def test_quick_work_never_shows_a_progress_window(qtbot, window, monkeypatch):
    from desktop.ui import progress_window

    shown = []

    class Watched(progress_window.QProgressDialog):
        def show(self):
            shown.append(self.labelText())
            super().show()

    monkeypatch.setattr(progress_window, "QProgressDialog", Watched)
    monkeypatch.setattr(progress_window, "DELAY_MS", 1500)  # far beyond a count of 63 rows
    with qtbot.waitSignal(window.tasks.done, timeout=5000):
        window.run_op("很快", lambda db, p: db["problems"].count, long=True)
    qtbot.wait(1700)
    assert shown == [] and window.progress_windows.dialog is None
    window.run_op("正在做一件慢事", _slow_work, long=True, failure=lambda e: None)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)  # the watch itself sees a window
    window.progress_windows.dialog.cancel()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5000)


def test_backup_then_restore(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "备份 一.db"
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    with qtbot.waitSignal(window.tasks.done, timeout=5000):
        window.actions_.backup.trigger()
    assert out.exists() and "已备份" in window.statusBar().currentMessage()
    from desktop.ui.operations.problem_ops import save_problem

    first = window.register_view.model.row(0)
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.run_op("改", save_problem(first["id"], first["code"], {"title": "改过的标题"}))
    assert window.register_view.model.row(0)["title"] == "改过的标题"
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(out))
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.restore.trigger()
    assert window.register_view.model.row(0)["title"] == first["title"]


def test_open_register_switches_and_is_remembered(qtbot, window, tmp_path, monkeypatch):
    other = tmp_path / "乡镇 台账.db"
    open_register(other).close()
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(other))
    window.actions_.open.trigger()
    assert "乡镇 台账" in window.windowTitle()
    assert window.register_view.model.rowCount() == 0
    assert window_settings().value(LAST_REGISTER_KEY) == str(other)


def test_settings_change_the_rate_rule_and_a_rounds_feedback_date(qtbot, window):
    from db.settings import load_report_settings, round_starts
    from tests.ui.helpers import choose

    dialog = window.commands.open_settings()
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.rule, "已办结＋阶段性办结")
    dialog.round_dates[0].line.setText("2024年4月15日")
    with qtbot.waitSignal(window.changed, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    db = window.session.db
    assert load_report_settings(db).completion_rule == "done_staged"
    assert list(round_starts(db).values())[0].isoformat() == "2024-04-15"
    window.show_view("petitions")
    assert "已办结＋阶段性办结" in window.petitions.counts.text()
    with qtbot.waitSignal(window.changed, timeout=10000):
        window.actions_.undo.trigger()  # the feedback date is register data: undoable
    assert list(round_starts(db).values())[0].isoformat() != "2024-04-15"


def test_settings_refuse_a_bad_date(qtbot, window):
    dialog = window.commands.open_settings()
    dialog.round_dates[0].line.setText("2024年4月")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "2021年5月10日" in dialog.error.text() and dialog.isVisible()
    dialog.reject()


def test_a_feedback_date_picked_from_the_calendar(qtbot, window):
    import datetime as dt

    from PySide6.QtCore import QDate

    from db.settings import round_starts

    dialog = window.commands.open_settings()
    qtbot.waitExposed(dialog)
    field = dialog.round_dates[0]
    field.line.setText("2021.5.10")
    qtbot.mouseClick(field.picker, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.calendar.isVisible)
    assert field.calendar.selectedDate() == QDate(2021, 5, 10)
    field.calendar.setSelectedDate(QDate(2021, 7, 20))
    field.calendar.clicked.emit(QDate(2021, 7, 20))
    assert not field.calendar.isVisible() and field.line.text() == "2021年7月20日"
    with qtbot.waitSignal(window.changed, timeout=10000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert list(round_starts(window.session.db).values())[0] == dt.date(2021, 7, 20)
