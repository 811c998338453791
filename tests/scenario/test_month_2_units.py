"""The clerk's month, steps 5–8: forms out to real units, every unit's return collected and
merged, the merged words adjusted, fill-back into the superior's workbook."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tests.scenario.clerk import type_text
from tests.scenario.month import (
    COUNTY,
    COUNTY_ROUND,
    MONTH_,
    find,
    register_rows,
    shown_column,
    state,
)

# -- 5. forms out ------------------------------------------------------------------------------
TOWNSHIPS = ["城关镇人民政府", "东城镇人民政府", "西河乡人民政府"]


def _pick_pair(qtbot, clerk, units, first: str, second: str, keep: str) -> None:
    pairs = find(units, "suggestedPairs")
    row = next(i for i in range(pairs.count())
               if first in pairs.item(i).text() and second in pairs.item(i).text())
    rect = pairs.visualItemRect(pairs.item(row))
    qtbot.mouseClick(pairs.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    seen = clerk.answer_next_input(item=keep, shot=f"05-合并单位-{keep}")
    clerk.click(find(units, "mergePair", QPushButton))
    clerk.wait_answered(seen)


def _unit_row(units, name: str) -> int:
    table = find(units, "unitsTable")
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def test_05_units_merged_groups_listed_and_forms_sent_for_open_problems(qtbot, clerk, monkeypatch,
                                                                        tmp_path_factory):
    from openpyxl import load_workbook

    from desktop.ui import prompts

    window = state["window"]
    clerk.menu(window, "编辑", "单位")
    units = clerk.dialog("unitsDialog")
    _pick_pair(qtbot, clerk, units, "县生态环境分局", "市生态环境局县分局", "市生态环境局县分局")
    _pick_pair(qtbot, clerk, units, "相关乡镇", "相关乡镇人民政府", "相关乡镇人民政府")
    table = find(units, "unitsTable")
    qtbot.waitUntil(lambda: not any(table.item(r, 0).text() == "县生态环境分局"
                                    for r in range(table.rowCount())), timeout=15000)
    table.selectRow(_unit_row(units, "各乡镇人民政府"))
    seen = clerk.answer_next_input(text="、".join(TOWNSHIPS), shot="05-单位组成员")
    clerk.click(find(units, "editGroup", QPushButton))
    clerk.wait_answered(seen)
    qtbot.waitUntil(lambda: table.item(_unit_row(units, "各乡镇人民政府"), 1).text() == "单位组",
                    timeout=15000)
    clerk.shot("05-单位")
    clerk.click(find(units, "closeUnits", QPushButton))
    clerk.wait_closed(units)

    folder = tmp_path_factory.mktemp("填报表 下发")
    monkeypatch.setattr(prompts, "choose_folder", lambda *a, **k: str(folder))

    def send(dialog) -> None:
        assert find(dialog, "period").text() == MONTH_
        assert not find(dialog, "includeCompleted").isChecked()
        assert "相关乡镇人民政府" in find(dialog, "groupsNote", QLabel).text()
        clerk.click_ok(dialog)

    asked = clerk.on_next_modal(lambda w: w.objectName() == "unitFormsDialog", send,
                                shot="05-分发填报表")
    told = clerk.answer_next_box(shot="05-分发结果")
    clerk.menu(window, "文件", "导出", "分发填报表")
    clerk.wait_answered(asked)
    clerk.wait_answered(told)
    assert "相关乡镇人民政府" in told["text"] and "未分发" in told["text"]
    forms = {f.name.split("_")[0]: f for f in folder.glob("*.xlsx")}
    assert set(TOWNSHIPS) <= set(forms), forms.keys()
    assert "县生态环境分局" not in forms and "各乡镇人民政府" not in forms
    assert "县市场监管局" not in forms        # its only problem is closed
    state["forms"] = forms
    book = load_workbook(forms["县住房城乡建设局"])
    sheet = book.worksheets[0]
    assert sheet.protection.sheet and sheet.data_validations.dataValidation
    codes = [str(r[1].value) for r in sheet.iter_rows(min_row=1) if r[1].value in ("1", "7", 1, 7)]
    assert codes, "县住房城乡建设局的填报表应有问题1和7"


# -- 6. returns collected ----------------------------------------------------------------------
def form_row(path, code: str) -> int:
    """The 0-based problem row of the county's problem `code` in a unit's form."""
    from openpyxl import load_workbook

    from desktop.ledger.forms import form_layout as fl

    sheet = load_workbook(path, read_only=True)[fl.FORM_SHEET]
    rows = list(sheet.iter_rows(min_row=fl.FIRST_ROW, values_only=True))
    code_at, round_at = fl.column_of("code") - 1, fl.column_of("round") - 1
    return next(i for i, r in enumerate(rows)
                if str(r[code_at]) == code and str(r[round_at]) == COUNTY_ROUND)


def returns(folder) -> list:
    """The units fill in their forms as units do: the open cells, the status from its list."""
    from desktop.ledger.forms import form_layout as fl
    from tests.ledger.forms_support import fill_form

    forms = state["forms"]
    said = {"县住房城乡建设局": ("扩容工程完成调试，进入试运行", "正在推进", 85),
            "县财政局": ("扩容资金1200万元已全部拨付", "已完成", 100),
            "县发展改革局": ("项目已批复", "已完成", 100)}
    out = []
    for unit, (text, status, percent) in said.items():
        row = form_row(forms[unit], "1")
        out.append(fill_form(forms[unit], folder / f"{unit}-交回.xlsx",
                             {row: {"text": text, "status_text": status, "percent": percent,
                                    "reporter": "张某", "phone": "0000-1234567"}}))
    tampered = forms["县农业农村局"]
    row = form_row(tampered, "6")

    def change_locked(book) -> None:
        sheet = book[fl.FORM_SHEET]
        sheet.cell(fl.FIRST_ROW + row, fl.column_of("description")).value = "（问题描述被改动）"
    out.append(fill_form(tampered, folder / "县农业农村局-交回.xlsx",
                         {row: {"text": "已关闭养殖场4家", "status_text": "正在推进"}},
                         edit=change_locked))
    return out


def test_06_collect_every_units_return_merged_lead_unit_first(qtbot, clerk, monkeypatch,
                                                              tmp_path_factory):
    from desktop.ui import prompts

    window = state["window"]
    files = returns(tmp_path_factory.mktemp("交回 的表"))
    monkeypatch.setattr(prompts, "open_files", lambda *a, **k: [str(f) for f in files])
    told = clerk.answer_next_box(shot="06-收集结果")
    clerk.menu(window, "文件", "导出", "收集填报表")
    clerk.wait_answered(told)
    assert "《县农业农村局-交回.xlsx》已拒收" in told["text"] and "第4行" in told["text"]
    assert told["text"].count("新记录 1 条") == 3
    assert shown_column(window, "编号")[0] == "1"
    qtbot.waitUntil(lambda: shown_column(window, "最新进展")[0].startswith("县住房城乡建设局："),
                    timeout=15000)
    progress = shown_column(window, "最新进展")[0]
    assert progress.startswith("县住房城乡建设局：扩容工程完成调试"), progress
    assert "县财政局：扩容资金1200万元已全部拨付" in progress
    assert progress.index("县发展改革局") < progress.index("县财政局")   # the problem's order
    first = register_rows(window)[0]
    assert first["status"] == "in_progress"    # 已完成 only when every unit says so
    assert window.actions_.undo.text().startswith("撤销 收集填报表")
    clerk.shot("06-收集后台账")


# -- 7. the merged words adjusted before they go up -------------------------------------------
def test_07_adjust_the_merged_words_in_the_problem_dialog(qtbot, clerk):
    from tests.ui.helpers import double_click_row

    window = state["window"]
    double_click_row(qtbot, window.register_view.table, 0)
    dialog = clerk.dialog("problemDialog")
    tabs = find(dialog, "problemTabs")
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("各单位填报"))
    units = find(dialog, "unitReportsTable")
    assert units.rowCount() == 3
    merged = find(dialog, "mergedText")
    merged.selectAll()
    type_text(qtbot, merged, "扩容工程完成调试，进入试运行；扩容资金已全部拨付。")
    clerk.shot("07-调整汇总进展")
    clerk.click(find(dialog, "saveMerged", QPushButton))
    qtbot.waitUntil(lambda: shown_column(window, "最新进展")[0].startswith("扩容工程完成调试，进入试运行；"),
                    timeout=15000)
    clerk.click(find(dialog, "closeProblem", QPushButton))
    clerk.wait_closed(dialog)


# -- 8. fill-back into the superior's own workbook -------------------------------------------
def _fill_back(qtbot, clerk, monkeypatch, template, out, shot: str) -> dict:
    from desktop.ui import prompts

    window = state["window"]
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(template))
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(out))
    as_of = clerk.answer_next_input(text=f"{dt.date.today():%Y年%-m月%-d日}", shot=f"{shot}-截至")
    told = clerk.answer_next_box(button="否", shot=shot)
    clerk.menu(window, "文件", "导出", "填回上级表")
    clerk.wait_answered(as_of)
    return clerk.wait_answered(told)


def test_08_fill_back_only_progress_and_status_and_refuse_another_countys(qtbot, clerk,
                                                                          monkeypatch, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "县台账-已填报.xlsx"
    told = _fill_back(qtbot, clerk, monkeypatch, COUNTY, out, "08-填回上级表")
    assert out.exists(), told
    before, after = load_workbook(COUNTY).active, load_workbook(out).active
    changed = {(c.row, c.column_letter) for row in after.iter_rows() for c in row
               if c.value != before[c.coordinate].value}
    rows = {r for r, _ in changed}
    assert {col for _, col in changed} <= {"I", "J", "H", "A"}, changed
    assert after["I5"].value.startswith("扩容工程完成调试，进入试运行；")
    today = dt.date.today()
    assert any(f"{today.year}年{today.month}月{today.day}日" in str(c.value or "")
               for row in after.iter_rows(max_row=2) for c in row), "截至日期未更新"
    assert rows - {1, 2} <= set(range(5, 23))

    other = tmp_path / "另一个县.xlsx"
    book = load_workbook(COUNTY)
    sheet = book.active
    for r in range(5, 23):
        if sheet.cell(r, 2).value:
            sheet.cell(r, 2).value = f"另一县的问题{r}：河道采砂未整治"
    book.save(other)
    refused = _fill_back(qtbot, clerk, monkeypatch, other, tmp_path / "另一县-已填报.xlsx",
                         "08-另一县被拒绝")
    assert not (tmp_path / "另一县-已填报.xlsx").exists()
    assert "第5行" in refused["text"] or "不是" in refused["text"], refused["text"]
