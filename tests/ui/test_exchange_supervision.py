"""文件 → 合并交换包 brings another laptop's closure steps, flag and evidence into the window's
register: the 验收销号 tab shows the stages, the 佐证材料 tab opens the received file from this
register's evidence store; the same package again changes nothing; 撤销 takes it all out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from db.connection import open_register
from db.evidence_files import evidence_dir
from desktop.exchange.merge import merge_package
from desktop.exchange.package_out import export_package
from tests.exchange.support import REPORT, close_and_flag, content, county_register, stored_file
from tests.ui.test_exchange_window import open_merge, told
from tests.ui.test_problem_dialog import open_problem, row_of


@pytest.fixture
def closed_elsewhere(tmp_path):
    """B (the window's register) had A's common package; A closed 1 with evidence, flagged 2."""
    a_path, b_path = tmp_path / "甲 台账.db", tmp_path / "乙 台账.db"
    a = county_register(a_path)
    export_package(a, tmp_path / "共同.zip")
    b = open_register(b_path)
    merge_package(b, tmp_path / "共同.zip")
    b.close()
    close_and_flag(a, tmp_path)
    export_package(a, tmp_path / "甲.zip")
    return a, b_path, tmp_path / "甲.zip"


@pytest.fixture
def window_b(qtbot, closed_elsewhere):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    win = MainWindow(open_session(closed_elsewhere[1]), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def merge_through_window(qtbot, window, monkeypatch, package: Path) -> None:
    dialog = open_merge(qtbot, window, monkeypatch, package)
    assert dialog.table.rowCount() == 0
    assert "验收销号记录 3 条" in dialog.summary.text() and "佐证材料 1 条" in dialog.summary.text()
    with qtbot.waitSignal(window.changed, timeout=30000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)


def test_merged_closure_flag_and_evidence_shown_and_opened(qtbot, window_b, closed_elsewhere,
                                                           monkeypatch):
    a, _b_path, package = closed_elsewhere
    said = told(monkeypatch)
    before = content(window_b.session.db)
    merge_through_window(qtbot, window_b, monkeypatch, package)
    db = window_b.session.db
    assert content(db) == content(a)
    assert row_of(window_b, "1")["status"] == "closed"
    assert db.execute("SELECT leader FROM flags").fetchall() == [("王副县长",)]
    dialog = open_problem(qtbot, window_b, "1")
    tab, evidence = dialog.supervision.closure, dialog.supervision.evidence
    dialog.tabs.setCurrentWidget(tab)
    assert tab.stage.text().startswith("销号阶段：已销号") and tab.steps.rowCount() == 3
    dialog.tabs.setCurrentWidget(evidence)
    assert evidence.table.item(0, 0).text() == "验收报告"
    opened: list[str] = []
    monkeypatch.setattr("desktop.ui.supervision.evidence_tab.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    evidence.table.selectRow(0)
    qtbot.mouseClick(evidence.findChild(QPushButton, "openEvidence"), Qt.MouseButton.LeftButton)
    sha, stored = stored_file(db, "验收报告")
    assert sha == stored_file(a, "验收报告")[0]
    assert opened == [str(stored)] and stored.parent.parent == evidence_dir(db)
    assert Path(opened[0]).read_bytes() == REPORT
    dialog.close()
    # The same package again: nothing to merge, the register unchanged.
    after, count = content(db), db["undo_steps"].count
    dialog = open_merge(qtbot, window_b, monkeypatch, package)
    assert "新增：" not in dialog.summary.text()
    with qtbot.waitSignal(window_b.tasks.done, timeout=30000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "台账未改变" in said[-1][1])
    assert content(db) == after and db["undo_steps"].count == count
    # 编辑 → 撤销 takes the merge out.
    with qtbot.waitSignal(window_b.changed, timeout=5000):
        window_b.actions_.undo.trigger()
    assert content(db) == before
    assert [db[t].count for t in ("closure_steps", "flags", "evidence")] == [0, 0, 0]
