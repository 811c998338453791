"""A read-only register in the window: a banner and a status mark from the moment it opens,
the actions that would change it disabled with the reason, and a write that still gets through
(a task) refused with the same reason, the register unchanged."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtGui import QAction

from desktop.ui import prompts
from desktop.ui.read_only import WRITE_ACTIONS
from tests.fuzz.harness import register_digest


def _newer(path):
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('rectification_ledger', '9999_from_the_future', 'x')")
    conn.commit()
    conn.close()


def _open(qtbot, path):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    win = MainWindow(open_session(path), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _action(win, name: str) -> QAction:
    (found,) = [a for a in win.findChildren(QAction) if a.objectName() == name]
    return found


@pytest.fixture
def unwritable(demo_path):
    os.chmod(demo_path, 0o444)
    yield demo_path
    os.chmod(demo_path, 0o644)


@pytest.mark.parametrize(("making", "said"), [("unwritable", "没有写入权限"),
                                              ("newer", "更新版本的程序创建")])
def test_the_window_says_read_only_and_writes_are_off(qtbot, demo_path, monkeypatch, making, said):
    if making == "unwritable":
        os.chmod(demo_path, 0o444)
    else:
        _newer(demo_path)
    before = register_digest(demo_path)
    win = _open(qtbot, demo_path)
    try:
        banner = win.findChild(type(win.read_only.banner), "readOnlyBanner")
        assert banner.isVisible() and said in banner.text() and "只读" in banner.text()
        assert win.findChild(type(banner), "readOnlyStatus").isVisible()
        for name in ("importLedger", "collectForms", "undo", "restore", "addProblem"):
            action = _action(win, name)
            assert not action.isEnabled(), name
            assert said in action.toolTip()
        win.refresh_undo_actions()                  # the window's own refresh does not undo it
        assert not _action(win, "undo").isEnabled()
        warned = []
        monkeypatch.setattr(prompts, "warn", lambda _p, title, text: warned.append(text))
        from desktop.ui.operations.register_ops import undo_last
        from desktop.ui.tasks import Op
        win.run(Op("撤销", undo_last))               # a write that reaches the register anyway
        qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
        assert said in warned[0]
    finally:
        win.close()
        os.chmod(demo_path, 0o644)
    assert register_digest(demo_path) == before


def test_a_writable_register_shows_no_banner(window):
    assert not window.read_only.banner.isVisible()
    assert not window.read_only.status.isVisible()
    assert _action(window, "importLedger").isEnabled()
    assert set(WRITE_ACTIONS) <= {a.objectName() for a in window.findChildren(QAction)}


def test_opening_a_writable_register_after_a_read_only_one_turns_writing_back_on(
        qtbot, demo_path, tmp_path):
    from db.connection import open_register
    from desktop.ui.session import open_session

    _newer(demo_path)
    other = tmp_path / "另一个台账.db"
    open_register(other).close()
    win = _open(qtbot, demo_path)
    try:
        assert win.read_only.banner.isVisible()
        win.switch_session(open_session(other))
        assert not win.read_only.banner.isVisible() and not win.read_only.status.isVisible()
        assert _action(win, "importLedger").isEnabled()
        assert "只读" not in _action(win, "importLedger").toolTip()
    finally:
        win.close()
