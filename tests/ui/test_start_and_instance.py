"""First start, the help page, and one window per register."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from db.connection import open_register
from desktop.ui import prompts
from desktop.ui.instance import RegisterInUse
from desktop.ui.main_window import MainWindow
from desktop.ui.session import demo_session, open_session, start_session
from desktop.ui.settings import window_settings


def _window(qtbot, session) -> MainWindow:
    window = MainWindow(session, window_settings(), remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_start_page_imports_and_then_gives_way_to_the_register(qtbot, monkeypatch, samples):
    window = _window(qtbot, start_session(None, None))
    page = window.start_page
    assert window.stack.currentWidget() is page
    assert {b.objectName() for b in (page.import_button, page.demo_button, page.help_button)} == {
        "startImport", "startDemo", "startHelp"}
    monkeypatch.setattr(prompts, "open_file",
                        lambda *a: str(samples / "ledger_county_problems.xlsx"))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(object, "importDialog")
    qtbot.waitUntil(lambda: dialog.reading is not None and dialog.op is None, timeout=10000)
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.register_view
    assert window.register_view.model.rowCount() == 8
    dialog.close()
    window.close()


def test_help_opens_the_offline_page_with_pictures(qtbot, window):
    from PySide6.QtWidgets import QMenu

    help_menu = window.menuBar().findChild(QMenu, "helpMenu")
    next(a for a in help_menu.actions() if a.objectName() == "help").trigger()
    shown = window.findChild(object, "helpWindow")
    qtbot.waitExposed(shown)
    text = shown.browser.toPlainText()
    for step in ("导入", "分发填报表", "收集填报表", "填回上级表", "月报", "备份", "反馈日期"):
        assert step in text
    html = shown.browser.toHtml()
    assert "img/register.png" in html
    document = shown.browser.document()
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl("img/register.png"))
    assert picture is not None and not picture.isNull()
    window.commands.show_help()
    assert len(window.findChildren(type(shown), "helpWindow")) == 1
    shown.close()


def test_a_second_window_on_the_same_register_is_refused(qtbot, demo_path):
    first = open_session(demo_path)
    with pytest.raises(RegisterInUse, match="已在另一个整改台账窗口中打开"):
        open_session(demo_path)
    first.close()
    again = open_session(demo_path)  # free once the first window let it go
    again.close()


def test_a_second_start_never_rebuilds_the_demo_under_a_first_window(qtbot):
    first = demo_session()
    db = first.db
    with db.conn:
        db.execute("UPDATE problems SET progress = '第一个窗口的修改' WHERE code = '1'")
    with pytest.raises(RegisterInUse):
        demo_session()
    with pytest.raises(RegisterInUse):
        start_session(str(first.path), None)
    (kept,) = db.execute("SELECT progress FROM problems WHERE code = '1'").fetchone()
    assert kept == "第一个窗口的修改"
    first.close()
    reopened = demo_session()  # an existing demo is opened as it is, not rebuilt
    (kept,) = reopened.db.execute("SELECT progress FROM problems WHERE code = '1'").fetchone()
    assert kept == "第一个窗口的修改"
    reopened.close()


def test_opening_a_register_open_elsewhere_keeps_the_window_as_it_was(qtbot, window, tmp_path,
                                                                        monkeypatch):
    other = tmp_path / "乡镇 台账.db"
    open_register(other).close()
    elsewhere = open_session(other)
    warned = []
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(other))
    monkeypatch.setattr(prompts, "warn", lambda *a: warned.append(a[2]))
    window.actions_.open.trigger()
    assert warned and "另一个整改台账窗口" in warned[0]
    assert window.session.path != other and window.register_view.model.rowCount() == 63
    elsewhere.close()


def test_the_program_started_twice_on_one_register_says_so(tmp_path, demo_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    holder = open_session(demo_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    script = ("import sys; from desktop.ui import prompts; "
              "prompts.warn = lambda p, t, x: print(x, file=sys.stderr); "
              "from desktop.ui.app import main; sys.exit(main(['--db', sys.argv[1]]))")
    done = subprocess.run([sys.executable, "-c", script, str(demo_path)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    holder.close()
    assert done.returncode == 1 and "已在另一个整改台账窗口中打开" in done.stderr


def test_a_lock_left_by_a_crashed_program_is_taken_over(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from desktop.ui.instance import claim, lock_path

    register = tmp_path / "崩溃 台账.db"
    script = ("import os, sys; from pathlib import Path; from desktop.ui.instance import claim; "
              "held = claim(Path(sys.argv[1])); os._exit(0)")  # dies holding the lock
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script, str(register)], cwd=root, check=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    assert lock_path(register).exists()
    claim(register).unlock()
