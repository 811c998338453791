"""Importing a sample ledger through the dialog: preview, change the mapping, commit, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.queries import ProblemFilter, problem_list
from desktop.ui import prompts
from tests.ui.helpers import choose


def start_import(qtbot, window, monkeypatch, path):
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is None)
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(path))
    qtbot.mouseClick(window.toolbar.widgetForAction(window.actions_.import_ledger),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is not None)
    dialog = window.findChild(object, "importDialog")
    qtbot.waitUntil(lambda: dialog.reading is not None and dialog.op is None, timeout=10000)
    return dialog


def test_import_a_sample_ledger_through_the_dialog_then_undo(qtbot, window, monkeypatch, samples):
    before = window.register_view.model.rowCount()
    dialog = start_import(qtbot, window, monkeypatch, samples / "ledger_county_problems.xlsx")
    assert dialog.kind.text() == "问题台账"
    assert dialog.header_rows.text() == "第 3、4 行"
    assert dialog.mapping.combo("F").currentData() == "lead_units"
    assert dialog.preview.problems.rowCount() == 8
    assert dialog.preview.measures.rowCount() == 18  # as samples/expected lists them
    assert dialog.preview.skipped.rowCount() >= 1
    skipped = [dialog.preview.skipped.item(r, 1).text() for r in range(dialog.preview.skipped.rowCount())]
    assert any("注" in reason for reason in skipped)

    choose(qtbot, dialog.mapping.combo("H"), "（不导入）")  # 责任领导 stays in the original columns
    qtbot.waitUntil(lambda: dialog.op is None, timeout=10000)
    assert dialog.reading.layout.mapping()["H"] == ""
    dialog.round.setCurrentText("县级督察整改（测试）")
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.result_page
    assert dialog.result.committed and dialog.result.problems_created == 8
    assert dialog.result_page.cards["created"].number.text() == "8"
    assert window.register_view.model.rowCount() == before + 8
    imported = problem_list(window.session.db, ProblemFilter(search="污水处理厂"))
    assert imported and all(not r.get("supervisor") for r in imported)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # 完成
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.register_view.model.rowCount() == before


def test_the_mapping_is_remembered_for_the_template(qtbot, window, monkeypatch, samples):
    path = samples / "ledger_county_problems.xlsx"
    dialog = start_import(qtbot, window, monkeypatch, path)
    choose(qtbot, dialog.mapping.combo("H"), "（不导入）")
    qtbot.waitUntil(lambda: dialog.op is None, timeout=10000)
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    dialog.close()
    again = start_import(qtbot, window, monkeypatch, path)
    assert again.mapping.combo("H").currentData() == ""
    qtbot.mouseClick(again.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.result is not None, timeout=10000)
    assert again.result.problems_unchanged == 8 and again.result.problems_created == 0
    again.close()


def test_petitions_and_failed_rows(qtbot, window, monkeypatch, samples, tmp_path):
    dialog = start_import(qtbot, window, monkeypatch, samples / "petitions_county.xlsx")
    assert dialog.kind.text() == "信访件台账" and not dialog.round.isEnabled()
    count = dialog.preview.petitions.rowCount()
    assert count > 0
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert dialog.result.petitions_created == count
    window.show_view("petitions")
    assert window.petitions.model.rowCount() == 120 + count
    dialog.close()


def test_a_new_rounds_feedback_date_and_the_rows_not_imported(qtbot, window, monkeypatch, samples,
                                                              tmp_path):
    from openpyxl import load_workbook

    from db.settings import round_starts
    from tests.ui.helpers import type_text

    dialog = start_import(qtbot, window, monkeypatch, samples / "ledger_county_problems.xlsx")
    dialog.round.setCurrentText("县级督察整改（反馈日期）")
    field = dialog.feedback.field
    assert field.isEnabled() and "新批次" in dialog.feedback.note.text()
    type_text(qtbot, field.line, "2021年7月20日")
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    db = window.session.db
    (rid,) = db.execute("SELECT id FROM rounds WHERE name = ?",
                        ["县级督察整改（反馈日期）"]).fetchone()
    assert round_starts(db)[rid].isoformat() == "2021-07-20"
    skipped = dialog.result.skipped_rows
    assert len(skipped) == 2
    out = tmp_path / "未导入的行.xlsx"
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    qtbot.mouseClick(dialog.result_page.save_failed, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and "已保存" in dialog.status.text(), timeout=10000)
    sheet = load_workbook(out).active
    text = "\n".join(" ".join(str(c) for c in row if c is not None)
                     for row in sheet.iter_rows(values_only=True))
    for s in skipped:
        assert s.reason in text
    dialog.close()


def test_a_bad_feedback_date_is_refused_before_anything_is_written(qtbot, window, monkeypatch,
                                                                  samples):
    dialog = start_import(qtbot, window, monkeypatch, samples / "ledger_county_problems.xlsx")
    dialog.round.setCurrentText("县级督察整改（日期写错）")
    dialog.feedback.field.line.setText("7月20日")
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert "反馈日期" in dialog.errors.text() and dialog.result is None
    dialog.feedback.field.line.setText("2021/7/20")
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert dialog.result.problems_created == 8
    dialog.close()


def test_a_file_that_is_not_a_ledger_is_refused_in_the_dialog(qtbot, window, monkeypatch, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "随便 一个表.xlsx"
    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(path)
    monkeypatch.setattr(prompts, "open_file", lambda *a: str(path))
    window.actions_.import_ledger.trigger()
    dialog = window.findChild(object, "importDialog")
    qtbot.waitUntil(lambda: dialog.op is None and bool(dialog.errors.text()), timeout=10000)
    assert "没有找到台账的表头" in dialog.errors.text()
    assert not dialog.commit_button.isEnabled()
    dialog.close()


def test_header_rows_named_by_the_clerk(qtbot, window, monkeypatch, samples):
    dialog = start_import(qtbot, window, monkeypatch, samples / "ledger_county_problems.xlsx")
    assert (dialog.header_first.value(), dialog.header_count.value()) == (3, 2)
    dialog.header_count.setValue(1)                  # only row 3: 牵头单位/配合单位 are lost
    qtbot.mouseClick(dialog.header_apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.reading.header_rows == [3], timeout=10000)
    assert dialog.header_rows.text() == "第 3 行"
    dialog.header_count.setValue(2)
    qtbot.mouseClick(dialog.header_apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.reading.header_rows == [3, 4], timeout=10000)
    assert dialog.mapping.combo("F").currentData() == "lead_units"
    assert dialog.preview.problems.rowCount() == 8
    dialog.close()


def test_header_rows_named_and_imported_are_read_so_next_time(qtbot, window, monkeypatch,
                                                              samples):
    dialog = start_import(qtbot, window, monkeypatch, samples / "ledger_county_problems.xlsx")
    dialog.header_count.setValue(1)                  # the clerk's choice: row 3 alone
    qtbot.mouseClick(dialog.header_apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.reading.header_rows == [3], timeout=10000)
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None, timeout=10000)
    dialog.close()
    again = start_import(qtbot, window, monkeypatch, samples / "ledger_county_problems.xlsx")
    assert again.header_rows.text() == "第 3 行"      # as named, not the rows the search finds
    assert (again.header_first.value(), again.header_count.value()) == (3, 1)
    again.close()


def test_pasted_plan_text_imports_through_the_dialog(qtbot, window, monkeypatch):
    from desktop.ui.import_dialog import paste
    from tests.ledger.documents.word_docs import work_points_text

    before = window.register_view.model.rowCount()
    monkeypatch.setattr(paste, "ask_pasted_plan",
                        lambda parent: paste.save_pasted("\n".join(work_points_text())))
    window.actions_.paste_plan.trigger()
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is not None)
    dialog = window.findChild(object, "importDialog")
    qtbot.waitUntil(lambda: dialog.reading is not None and dialog.op is None, timeout=10000)
    assert dialog.sheet.currentText() == "方案正文" and dialog.kind.text() == "问题台账"
    assert dialog.preview.problems.rowCount() == 63
    assert dialog.round.currentText() == "2020年全省生态环境保护工作要点"
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert dialog.result.problems_created == 63
    assert window.register_view.model.rowCount() == before + 63
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is None)


def test_paste_dialog_asks_for_text_before_reading(qtbot):
    from desktop.ui.import_dialog.paste import PasteDialog

    dialog = PasteDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "粘贴" in dialog.error.text()
    dialog.text.setPlainText("一、水污染\n1.问题\n牵头单位：县住建局")
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_word_problem_list_through_the_dialog(qtbot, window, monkeypatch, tmp_path):
    from tests.ledger.documents.word_docs import problem_list

    dialog = start_import(qtbot, window, monkeypatch, problem_list(tmp_path / "整改清单.docx"))
    assert dialog.sheet.currentText() == "表格1" and dialog.header_rows.text() == "第 1 行"
    assert dialog.preview.problems.rowCount() == 4 and dialog.preview.measures.rowCount() == 10
    with qtbot.waitSignal(window.changed, timeout=10000):
        qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    assert dialog.result.problems_created == 4
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(object, "importDialog") is None)
