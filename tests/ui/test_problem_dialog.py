"""Opening a problem, recording this month's progress, undoing and redoing it, editing fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from db.queries import problem_detail
from desktop.ui import prompts
from tests.ui.helpers import choose, double_click_row, type_text


def open_problem(qtbot, window, code: str):
    view = window.register_view
    row = next(i for i, r in enumerate(view.model.all_rows()) if r["code"] == code)
    double_click_row(qtbot, view.table, row)
    qtbot.waitUntil(lambda: bool(window.commands.dialogs))
    dialog = next(iter(window.commands.dialogs.values()))
    qtbot.waitExposed(dialog)
    return dialog


def row_of(window, code: str) -> dict:
    return next(r for r in window.register_view.model.all_rows() if r["code"] == code)


def test_record_this_months_progress_then_undo_and_redo(qtbot, window):
    dialog = open_problem(qtbot, window, "12")
    assert dialog.detail["code"] == "12"
    dialog.tabs.setCurrentWidget(dialog.progress)
    panel = dialog.progress
    before_rows = panel.history.rowCount()
    assert panel.period.text() == f"{dt.date.today():%Y-%m}"
    choose(qtbot, panel.status, "达到序时进度")
    panel.percent.clear()
    type_text(qtbot, panel.percent, "70")
    type_text(qtbot, panel.text, "主体工程完成七成，正在组织中期核查")
    type_text(qtbot, panel.difficulties, "资金到位滞后")
    type_text(qtbot, panel.next_steps, "下月完成管网验收")
    type_text(qtbot, panel.reporter, "张三")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert panel.history.rowCount() == before_rows + 1
    assert panel.history.item(0, 3).text() == "主体工程完成七成，正在组织中期核查"
    assert [panel.history.item(0, c).text() for c in (6, 7, 8)] == [
        "资金到位滞后", "下月完成管网验收", "张三"]
    assert panel.text.toPlainText() == "" and not dialog.save_button.isEnabled()
    newest = problem_detail(window.session.db, dialog.problem_id)["history"][-1]
    assert (newest["difficulties"], newest["next_steps"], newest["reporter"]) == (
        "资金到位滞后", "下月完成管网验收", "张三")
    row = row_of(window, "12")
    assert row["progress"] == "主体工程完成七成，正在组织中期核查"
    assert row["status"] == "on_schedule" and row["percent"] == 70
    assert window.actions_.undo.text().startswith("撤销 填报进展 12")

    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    row = row_of(window, "12")
    assert row["progress"] != "主体工程完成七成，正在组织中期核查"
    assert row["status"] == "behind_schedule"
    assert panel.history.rowCount() == before_rows
    assert "已撤销" in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert row_of(window, "12")["progress"] == "主体工程完成七成，正在组织中期核查"
    dialog.close()


def test_report_needs_text_and_a_valid_period(qtbot, window):
    dialog = open_problem(qtbot, window, "3")
    panel = dialog.progress
    panel.period.clear()
    type_text(qtbot, panel.period, "2024-13")
    type_text(qtbot, panel.text, "有进展")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "期次" in dialog.errors.text()
    panel.period.clear()
    type_text(qtbot, panel.period, "2024-06")
    panel.text.clear()
    type_text(qtbot, panel.next_steps, "下月开工")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "进展情况" in dialog.errors.text()
    assert not window.tasks.busy
    dialog.discard_and_close()


def test_one_save_records_field_edits_and_the_report_as_one_step(qtbot, window):
    dialog = open_problem(qtbot, window, "7")
    assert dialog.findChildren(type(dialog.save_button), "saveReport") == []
    dialog.fields.w["responsible_person"].setText("李科长")
    type_text(qtbot, dialog.progress.text, "完成现场核查")
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = problem_detail(window.session.db, dialog.problem_id)
    assert saved["responsible_person"] == "李科长" and saved["progress"] == "完成现场核查"
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    undone = problem_detail(window.session.db, dialog.problem_id)
    assert undone["responsible_person"] != "李科长" and undone["progress"] != "完成现场核查"
    dialog.close()


def test_edit_fields_with_validation_then_undo(qtbot, window):
    dialog = open_problem(qtbot, window, "5")
    fields = dialog.fields
    assert not dialog.save_button.isEnabled()
    fields.w["code"].clear()
    type_text(qtbot, fields.w["code"], "6")  # taken by another problem of the round
    assert "已有编号" in dialog.errors.text()
    fields.w["code"].clear()
    type_text(qtbot, fields.w["code"], "5")
    fields.w["deadline_text"].clear()
    type_text(qtbot, fields.w["deadline_text"], "2030年6月底前")
    assert "2030年06月30日" in fields.deadline_note.text()
    fields.w["responsible_person"].clear()
    type_text(qtbot, fields.w["responsible_person"], "王主任")
    assert dialog.save_button.isEnabled() and dialog.errors.text() == ""
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = problem_detail(window.session.db, dialog.problem_id)
    assert saved["deadline"] == "2030-06-30" and saved["responsible_person"] == "王主任"
    assert row_of(window, "5")["deadline_text"] == "2030年6月底前"
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    restored = problem_detail(window.session.db, dialog.problem_id)
    assert restored["responsible_person"] == "" and restored["deadline_text"] != "2030年6月底前"
    assert fields.w["responsible_person"].text() == ""
    dialog.close()


def test_measures_are_edited_added_and_removed_as_one_step(qtbot, window):
    dialog = open_problem(qtbot, window, "3")
    editor = dialog.measures
    count = editor.table.rowCount()
    assert count >= 2
    before = [(m["id"], m["seq"], m["content"])
              for m in problem_detail(window.session.db, dialog.problem_id)["measures"]]
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    editor.table.item(count, 1).setText("新增措施：建立月度调度机制")
    editor.table.setCurrentCell(0, 1)
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    measures = problem_detail(window.session.db, dialog.problem_id)["measures"]
    assert len(measures) == count
    assert [m["seq"] for m in measures] == list(range(1, count + 1))
    assert measures[-1]["content"] == "新增措施：建立月度调度机制"
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    restored = problem_detail(window.session.db, dialog.problem_id)["measures"]
    assert [(m["id"], m["seq"], m["content"]) for m in restored] == before
    assert [editor.table.item(r, 1).text() for r in range(count)] == [b[2] for b in before]
    dialog.close()


def test_closing_with_unsaved_edits_asks_first(qtbot, window, monkeypatch):
    dialog = open_problem(qtbot, window, "7")
    type_text(qtbot, dialog.fields.w["supervisor"], "李")
    asked = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: asked.append(a) or False)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert asked and dialog.isVisible()
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.commands.dialogs)


def test_the_history_tab_shows_who_changed_what_old_to_new(qtbot, window):
    from desktop.ui.operations.settings_ops import SettingsChoice, save_settings

    with qtbot.waitSignal(window.changed, timeout=5000):
        window.run_op("保存设置", save_settings(SettingsChoice(
            "某县整改办", {"reporter": "赵六", "reviewer": "", "phone": ""}, "calendar",
            "done", {})))
    dialog = open_problem(qtbot, window, "3")
    assert dialog.progress.reporter.text() == "赵六"  # 填报人 from 设置, ready for the report
    old_person = dialog.detail["responsible_person"] or "（空）"
    dialog.fields.w["responsible_person"].setText("钱主任")
    dialog.measures.table.setCurrentCell(0, 1)
    gone = dialog.measures.table.item(0, 1).text()
    qtbot.mouseClick(dialog.measures.remove, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.tabs.setCurrentWidget(dialog.history)
    table = dialog.history.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    mine = [r for r in rows if r[2] == "编辑问题 3"]
    assert mine and all(r[1] == "赵六" for r in mine)
    said = "\n".join(r[4] for r in mine)
    assert f"责任人：{old_person} → 钱主任" in said
    assert "删除措施" in said and gone[:10] in said
    with qtbot.waitSignal(window.changed, timeout=5000):
        window.actions_.undo.trigger()
    rows = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert "编辑问题 3（已撤销）" in rows
    dialog.close()


def test_a_status_changed_for_the_period_asks_for_its_progress_text(qtbot, window):
    dialog = open_problem(qtbot, window, "3")
    panel = dialog.progress
    assert not dialog.save_button.isEnabled()
    choose(qtbot, panel.status, "已完成")
    assert dialog.save_button.isEnabled() and "进展情况" in dialog.errors.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not window.tasks.busy
    type_text(qtbot, panel.text, "全部完成，申请验收")
    with qtbot.waitSignal(window.changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert problem_detail(window.session.db, dialog.problem_id)["status"] == "completed"
    assert not dialog.save_button.isEnabled()
    dialog.close()
