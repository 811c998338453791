"""Adding and deleting a problem, editing a petition: through the 编辑 menu, each one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from db.queries import problem_detail
from desktop.ui import prompts
from tests.ui.helpers import choose, type_text


def _edit_menu_action(window, name: str):
    menu = window.menuBar().findChild(QMenu, "editMenu")
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, f"编辑菜单中没有 {name}"
    return found[0]


def test_add_a_problem_by_hand_then_undo(qtbot, window):
    _edit_menu_action(window, "addProblem").trigger()
    dialog = window.findChild(object, "newProblemDialog")
    qtbot.waitExposed(dialog)
    assert dialog.code.text() == "64"  # after the round's 63
    type_text(qtbot, dialog.description, "河道两岸违规堆放建筑垃圾")
    type_text(qtbot, dialog.lead, "县住建局、县水利局")
    type_text(qtbot, dialog.deadline, "2026年12月底前")
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.commands.dialogs), timeout=5000)
    problem_dialog = next(iter(window.commands.dialogs.values()))
    added = problem_detail(window.session.db, problem_dialog.problem_id)
    assert added["code"] == "64" and added["deadline"] == "2026-12-31"
    assert added["lead_units"] == ["县住建局", "县水利局"]
    assert window.register_view.model.rowCount() == 64
    row = next(r for r in window.register_view.model.all_rows() if r["code"] == "64")
    assert row["title"] == "河道两岸违规堆放建筑垃圾"
    assert window.actions_.undo.text() == "撤销 新增问题 64"
    problem_dialog.close()
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    assert window.register_view.model.rowCount() == 63


def test_a_taken_code_is_refused(qtbot, window):
    window.commands.records.new_problem()
    dialog = window.findChild(object, "newProblemDialog")
    dialog.code.setText("5")
    type_text(qtbot, dialog.description, "重复编号")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "已有编号" in dialog.error.text() and not window.tasks.busy
    dialog.reject()


def test_delete_a_problem_with_its_measures_then_undo(qtbot, window, monkeypatch):
    view = window.register_view
    assert view.select_problem(next(r["id"] for r in view.model.all_rows() if r["code"] == "3"))
    pid = view.selected_id()
    measures = len(problem_detail(window.session.db, pid)["measures"])
    assert measures >= 2
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(a[2]) or True)
    with qtbot.waitSignal(window.changed, timeout=5000):
        _edit_menu_action(window, "deleteProblem").trigger()
    assert "删除问题 3" in asked[0]
    assert problem_detail(window.session.db, pid) is None
    assert view.model.rowCount() == 62
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    restored = problem_detail(window.session.db, pid)
    assert restored is not None and len(restored["measures"]) == measures
    assert view.model.rowCount() == 63


def test_edit_a_petition_verification_result_and_status(qtbot, window):
    window.show_view("petitions")
    petitions = window.petitions
    qtbot.waitUntil(lambda: petitions.model.rowCount() > 0, timeout=5000)
    petitions.table.selectRow(0)
    pid = petitions.selected_id()
    _edit_menu_action(window, "editPetition").trigger()
    dialog = window.findChild(object, "petitionDialog")
    qtbot.waitExposed(dialog)
    choose(qtbot, dialog.verified, "部分属实")
    choose(qtbot, dialog.status, "阶段性办结")
    dialog.result.setPlainText("已责令停产整改，正在复查")
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = window.session.db.execute(
        "SELECT verified, status, result, status_text FROM petitions WHERE id = ?",
        [pid]).fetchone()
    assert row == ("partial", "staged", "已责令停产整改，正在复查", "阶段性办结")
    assert window.actions_.undo.text().startswith("撤销 编辑信访件")
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    after = window.session.db.execute("SELECT result FROM petitions WHERE id = ?", [pid]).fetchone()
    assert after[0] != "已责令停产整改，正在复查"
