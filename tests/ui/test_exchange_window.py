"""文件 → 导出交换包 / 合并交换包 through the window: the conflicts shown side by side, the clerk's
choice written, one undoable step; a refused package told in Chinese, nothing changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QRadioButton

from db.connection import open_register
from desktop.exchange.merge import merge_package
from desktop.exchange.package_out import export_package
from desktop.ui import prompts
from tests.exchange.support import content, county_register, edit
from tests.ui.helpers import choose


@pytest.fixture
def two_laptops(tmp_path):
    """A (the window's register) and B, diverged from a common package; B's package on disk."""
    a_path, b_path = tmp_path / "甲 台账.db", tmp_path / "乙 台账.db"
    a = county_register(a_path)
    export_package(a, tmp_path / "共同.zip")
    b = open_register(b_path)
    merge_package(b, tmp_path / "共同.zip")
    edit(a, "甲的修改", {"1": {"supervisor": "王副县长"}, "3": {"target": "砂石全部清运"}})
    edit(b, "乙的修改", {"2": {"supervisor": "李副县长"}, "3": {"target": "砂石堆场复绿"}},
         reports={"2": ("2024-05", "检查工地12处", "正在推进", "县工信局")})
    export_package(b, tmp_path / "乙.zip")
    a.close()
    return a_path, b, tmp_path / "乙.zip"


@pytest.fixture
def window_on(qtbot, two_laptops):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    win = MainWindow(open_session(two_laptops[0]), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def told(monkeypatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text: said.append((title, text)))
    monkeypatch.setattr(prompts, "warn", lambda _p, title, text: said.append((title, text)))
    return said


def open_merge(qtbot, window, monkeypatch, package):
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(package))
    exchange = window.commands.exchange
    assert exchange.merge_action in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(window.tasks.done, timeout=30000):
        exchange.merge_action.trigger()
    qtbot.waitUntil(lambda: exchange.dialog is not None and exchange.dialog.isVisible())
    return exchange.dialog


def test_merge_shows_the_conflict_side_by_side_and_takes_the_clerks_choice(
        qtbot, window_on, two_laptops, monkeypatch):
    said = told(monkeypatch)
    dialog = open_merge(qtbot, window_on, monkeypatch, two_laptops[2])
    table = dialog.table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "整改目标"
    mine, theirs = (table.cellWidget(0, c).findChild(QLabel).text() for c in (2, 3))
    assert (mine, theirs) == ("砂石全部清运", "砂石堆场复绿")
    assert table.cellWidget(0, 2).findChild(QRadioButton).isChecked()
    qtbot.mouseClick(table.cellWidget(0, 3).findChild(QRadioButton), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window_on.changed, timeout=30000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    db = window_on.session.db
    rows = dict(db.execute("SELECT code, target FROM problems").fetchall())
    assert rows["3"] == "砂石堆场复绿"
    sup = dict(db.execute("SELECT code, supervisor FROM problems").fetchall())
    assert sup["1"] == "王副县长" and sup["2"] == "李副县长"
    assert said[-1][0] == "合并交换包" and "冲突" in said[-1][1]
    assert window_on.actions_.undo.text() == "撤销 合并交换包 乙.zip"
    # Back the other way, through the window on laptop B: the clerk chose B's value, so no
    # conflict is left and both registers end the same.
    out = two_laptops[0].parent / "甲.zip"
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    scope = window_on.commands.exchange.export_package()
    with qtbot.waitSignal(window_on.tasks.done, timeout=30000):
        scope.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    a_content = content(db)
    b_path = two_laptops[1].execute("PRAGMA database_list").fetchone()[2]
    monkeypatch.setattr(prompts, "open_file", lambda *a: b_path)
    window_on.actions_.open.trigger()              # 文件 → 打开台账… laptop B's register
    assert window_on.session.path == Path(b_path)
    dialog = open_merge(qtbot, window_on, monkeypatch, out)
    assert dialog.table.rowCount() == 0 and not dialog.table.isVisible()
    assert "没有冲突" in dialog.findChild(QLabel, "conflictNote").text()
    with qtbot.waitSignal(window_on.changed, timeout=30000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    assert content(window_on.session.db) == a_content == content(two_laptops[1])


def test_choose_all_theirs_then_cancel_changes_nothing(qtbot, window_on, two_laptops, monkeypatch):
    dialog = open_merge(qtbot, window_on, monkeypatch, two_laptops[2])
    qtbot.mouseClick(dialog.findChild(QPushButton, "allTheirs"), Qt.MouseButton.LeftButton)
    assert dialog.choices() == {0: "theirs"}
    before = content(window_on.session.db)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: window_on.commands.exchange.dialog is None)
    assert content(window_on.session.db) == before


def test_a_tampered_package_is_refused_in_chinese(qtbot, window_on, two_laptops, monkeypatch,
                                                  tmp_path):
    said = told(monkeypatch)
    forged = tmp_path / "改过.zip"
    with zipfile.ZipFile(two_laptops[2]) as zin, zipfile.ZipFile(forged, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace("李副县长".encode(), "赵副县长".encode()))
    before = content(window_on.session.db)
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(forged))
    with qtbot.waitSignal(window_on.tasks.done, timeout=30000):
        window_on.commands.exchange.merge_action.trigger()
    assert said and said[-1][0] == "合并交换包" and "校验值不符" in said[-1][1]
    assert window_on.commands.exchange.dialog is None
    assert content(window_on.session.db) == before


def test_export_a_package_for_one_unit(qtbot, window_on, monkeypatch, tmp_path):
    said = told(monkeypatch)
    out = tmp_path / "给青山镇.zip"
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    dialog = window_on.commands.exchange.export_package()
    qtbot.waitUntil(dialog.isVisible)
    choose(qtbot, dialog.unit, "青山镇")
    with qtbot.waitSignal(window_on.tasks.done, timeout=30000):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert out.exists() and said[-1][0] == "导出交换包" and "2 个问题" in said[-1][1]
    fresh = open_register(tmp_path / "青山镇.db")
    assert merge_package(fresh, out).problems_created == 2


def test_the_choice_holds_when_the_register_moved_while_choosing(qtbot, window_on, two_laptops,
                                                                 monkeypatch):
    told(monkeypatch)
    dialog = open_merge(qtbot, window_on, monkeypatch, two_laptops[2])
    other = open_register(two_laptops[0])
    edit(other, "另一处修改", {"3": {"target": "砂石清运一半"}, "4": {"supervisor": "赵副县长"}})
    other.close()
    qtbot.mouseClick(dialog.findChild(QPushButton, "allTheirs"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window_on.changed, timeout=30000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    rows = dict(window_on.session.db.execute("SELECT code, target FROM problems").fetchall())
    sup = dict(window_on.session.db.execute("SELECT code, supervisor FROM problems").fetchall())
    assert rows["3"] == "砂石堆场复绿" and sup["4"] == "赵副县长"
