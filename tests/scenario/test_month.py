"""A clerk's month (../shared/MONTH.md) through the real window, step by step.

Each test is one step of the month and leaves the window and the register to the next, as the
clerk's month does; only the file dialogs are answered by the test (patched prompts), every
menu, button and message box is clicked on screen. A screenshot of each step lands in
build/scenario/ (RECTIFICATION_LEDGER_SHOTS moves it).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from tests.conftest import SAMPLES
from tests.scenario.clerk import CLICK, Clerk, type_text

COUNTY = SAMPLES / "ledger_county_problems.xlsx"
TOWN = SAMPLES / "ledger_town_legacy.xls"
MONTH_ = dt.date.today().strftime("%Y-%m")

state: dict = {}


@pytest.fixture
def clerk(qtbot, shots) -> Clerk:
    return Clerk(qtbot, shots)


def find(parent: QWidget, name: str, kind=QWidget):
    widget = parent.findChild(kind, name)
    assert widget is not None, f"找不到控件 {name}"
    return widget


def register_rows(window) -> list[dict]:
    return window.register_view.model.all_rows()


def shown_column(window, title: str) -> list[str]:
    """What the register table shows in the column headed `title`, row by row."""
    model = window.register_view.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert title in titles, f"台账没有“{title}”列：{titles}"
    column = titles.index(title)
    return [model.data(model.index(r, column)) or "" for r in range(model.rowCount())]


# -- 1. first start -----------------------------------------------------------------------
def test_01_first_start_shows_the_start_page(qtbot, clerk, month_home):
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import LAST_REGISTER_KEY, start_session
    from desktop.ui.settings import window_settings

    application()
    settings = window_settings()
    session = start_session(None, settings.value(LAST_REGISTER_KEY))
    window = MainWindow(session, settings)
    window.show()
    qtbot.waitExposed(window)
    state["window"] = window
    page = window.stack.currentWidget()
    assert page.objectName() == "startPage"
    buttons = {b.objectName(): b.text() for b in page.findChildren(QPushButton)}
    assert set(buttons) >= {"startImport", "startDemo", "startHelp"}
    assert month_home in session.path.parents
    clerk.shot("01-首次启动-开始页")


# -- 2. the county ledger ------------------------------------------------------------------
def test_02_import_the_county_ledger_from_the_start_page(qtbot, clerk, monkeypatch):
    from desktop.ui import prompts

    window = state["window"]
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(COUNTY))
    clerk.click(find(window, "startImport", QPushButton))
    dialog = clerk.dialog("importDialog")
    commit = find(dialog, "commitImport", QPushButton)
    qtbot.waitUntil(commit.isEnabled, timeout=30000)
    assert find(dialog, "importSheet").currentText() == "整改台账"
    assert find(dialog, "importHeaderRows", QLabel).text() == "第 3、4 行"
    tabs = [dialog.preview.tabText(i) for i in range(dialog.preview.count())]
    assert {"问题（8）", "措施（18）", "将跳过的行（2）"} <= set(tabs)
    skipped = find(dialog, "previewSkipped")
    assert [skipped.item(r, 0).text() for r in range(skipped.rowCount())] == ["23", "24"]
    assert skipped.item(1, 1).text().startswith("注释行")
    feedback = find(dialog, "importFeedbackDate")
    assert feedback.isEnabled()
    type_text(qtbot, feedback, "2021年7月20日")
    clerk.shot("02-导入县台账-预览")
    clerk.click(commit)
    done = find(dialog, "cancelImport", QPushButton)
    qtbot.waitUntil(lambda: done.text() == "完成", timeout=30000)
    clerk.shot("02-导入县台账-结果")
    clerk.click(done)
    clerk.wait_closed(dialog)
    rows = register_rows(window)
    assert len(rows) == 8
    assert all(text.strip() for text in shown_column(window, "问题"))
    assert set(shown_column(window, "批次")) == {"XX县贯彻落实第二轮中央生态环境保护督察报告整改方案问题清单"}
    assert all(r["assessment"] for r in rows), "序时进度未按反馈日期评估"
    assert window.stack.currentWidget() is window.register_view
    clerk.shot("02-导入县台账-台账")


# -- 3. the town's legacy ledger ------------------------------------------------------------
def _import_town(qtbot, clerk, monkeypatch, shot: str):
    from desktop.ui import prompts

    window = state["window"]
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(TOWN))
    clerk.menu(window, "文件", "导入")
    dialog = clerk.dialog("importDialog")
    qtbot.waitUntil(find(dialog, "commitImport", QPushButton).isEnabled, timeout=30000)
    clerk.shot(shot)
    return window, dialog


def _commit_and_close(qtbot, clerk, dialog, shot: str) -> None:
    clerk.click(find(dialog, "commitImport", QPushButton))
    done = find(dialog, "cancelImport", QPushButton)
    qtbot.waitUntil(lambda: done.text() == "完成", timeout=30000)
    clerk.shot(shot)
    clerk.click(done)
    clerk.wait_closed(dialog)


def test_03_import_the_town_ledger_with_its_units_column_as_lead_units(qtbot, clerk, monkeypatch):
    from tests.ui.helpers import choose

    window, dialog = _import_town(qtbot, clerk, monkeypatch, "03-镇台账-预览")
    units = find(dialog, "map_D")
    assert units.currentText() == "责任单位"
    choose(qtbot, units, "牵头单位")
    qtbot.waitUntil(find(dialog, "commitImport", QPushButton).isEnabled, timeout=30000)
    type_text(qtbot, find(dialog, "importFeedbackDate"), "2021.5.10")
    _commit_and_close(qtbot, clerk, dialog, "03-镇台账-结果")
    rows = register_rows(window)
    assert len(rows) == 11 and len(set(shown_column(window, "批次"))) == 2
    town = {r["code"]: r["lead_units"] for r in rows if r["round_id"] == rows[-1]["round_id"]}
    assert town == {"1": ["镇村建办"], "2": ["镇环卫所"], "3": ["镇安监站"]}, "责任单位列应按牵头单位导入"

    # the next file of the same template: the mapping is remembered, nothing to answer
    window, dialog = _import_town(qtbot, clerk, monkeypatch, "03-同一格式再次导入")
    assert find(dialog, "map_D").currentText() == "牵头单位"
    assert not find(dialog, "importFeedbackDate").isEnabled()
    _commit_and_close(qtbot, clerk, dialog, "03-再次导入-结果")
    assert len(register_rows(window)) == 11


# -- 4. progress by hand ---------------------------------------------------------------------
def test_04_record_progress_by_hand_then_undo_and_redo(qtbot, clerk):
    from tests.ui.helpers import double_click_row

    window = state["window"]
    table = window.register_view.table
    double_click_row(qtbot, table, 0)
    dialog = clerk.dialog("problemDialog")
    tabs = find(dialog, "problemTabs")
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("进展情况"))
    type_text(qtbot, find(dialog, "reportText"), "扩容工程设备安装完成，进入调试")
    type_text(qtbot, find(dialog, "reportDifficulties"), "资金缺口300万元")
    type_text(qtbot, find(dialog, "reportNextSteps"), "下月完成调试并试运行")
    status = find(dialog, "reportStatus")
    from tests.ui.helpers import choose
    choose(qtbot, status, "达到序时进度")
    percent = find(dialog, "reportPercent")
    percent.setFocus()
    percent.selectAll()
    type_text(qtbot, percent.lineEdit(), "80")
    clerk.shot("04-手工填报进展")
    clerk.click(find(dialog, "saveProblem", QPushButton))
    qtbot.waitUntil(lambda: "扩容工程设备安装完成" in shown_column(window, "最新进展")[0],
                    timeout=15000)
    pid = register_rows(window)[0]["id"]
    close = find(dialog, "closeProblem", QPushButton)
    clerk.click(close)
    clerk.wait_closed(dialog)
    row = next(r for r in register_rows(window) if r["id"] == pid)
    assert row["status"] == "on_schedule" and row["percent"] == 80
    _status_bar_and_dashboard_agree(qtbot, clerk, window)
    clerk.menu(window, "编辑", "撤销")
    qtbot.waitUntil(lambda: "扩容工程设备安装完成" not in shown_column(window, "最新进展")[0],
                    timeout=15000)
    clerk.menu(window, "编辑", "重做")
    qtbot.waitUntil(lambda: "扩容工程设备安装完成" in shown_column(window, "最新进展")[0],
                    timeout=15000)
    clerk.shot("04-撤销后重做")


def _status_bar_and_dashboard_agree(qtbot, clerk, window) -> None:
    import re

    summary = window.register_view.summary.text()
    behind = int(re.search(r"未达序时进度 (\d+)", summary).group(1))
    clerk.menu(window, "视图", "看板")
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.cards["total"].number.text() == str(len(register_rows(window))),
                    timeout=15000)
    assert dashboard.cards["behind"].number.text() == str(behind)
    clerk.shot("04-看板")
    clerk.menu(window, "视图", "台账")


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
COUNTY_ROUND = "XX县贯彻落实第二轮中央生态环境保护督察报告整改方案问题清单"


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


# -- 9. the month printed ----------------------------------------------------------------------
def _pdf_pages(path) -> list[str]:
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_09_print_the_month_preview_and_pdf_agree_with_the_dashboard(qtbot, clerk, monkeypatch,
                                                                      tmp_path):
    import subprocess
    import sys

    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from desktop.ui import prompts

    window = state["window"]
    clerk.menu(window, "视图", "报表")
    view = window.report
    qtbot.waitUntil(lambda: view.sheet is not None and not view.dirty, timeout=30000)
    assert view.month() == MONTH_ and view.sheet.title.endswith("整改进展情况表")
    assert {r.round for r in view.sheet.rows} == {COUNTY_ROUND, "XX镇环境问题整改台账"} or len(
        {r.round for r in view.sheet.rows}) == 2
    clerk.shot("09-报表")

    def look(preview) -> None:
        qtbot.wait(1500)              # the pages are painted
        clerk.shot("09-打印预览")
        qtbot.keyClick(preview, Qt.Key.Key_Escape)
    shown = clerk.on_next_modal(lambda w: isinstance(w, QPrintPreviewDialog), look)
    clerk.click(find(view, "printPreviewButton", QPushButton))
    clerk.wait_answered(shown)

    pdf = tmp_path / "月报 打印.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(pdf))
    clerk.click(find(view, "exportPdf", QPushButton))
    qtbot.waitUntil(lambda: "已导出 PDF" in window.statusBar().currentMessage(), timeout=60000)
    pages = _pdf_pages(pdf)
    flat = [page.replace(" ", "") for page in pages]
    assert all(f"第{n}页共{len(pages)}页" in page for n, page in enumerate(flat, start=1))
    assert view.sheet.title in pages[0]
    last = pages[-1]
    assert "填报人" in last and "审核人" in last
    assert any(r.progress and r.progress[:8] in last.replace(" ", "") for r in view.sheet.rows[-3:]) \
        or last.count("\n") > 8, "签字栏不应单独成页"

    stats = view.sheet.snapshot.problem_stats
    clerk.menu(window, "视图", "看板")
    qtbot.waitUntil(lambda: window.dashboard.cards["total"].number.text() == str(stats.total),
                    timeout=15000)
    assert window.dashboard.cards["completed"].number.text() == str(stats.group("completed"))
    said = subprocess.run([sys.executable, "-m", "desktop", "summary", "--db",
                           str(window.session.path)], capture_output=True, text=True, check=True)
    assert f"{stats.total}个问题" in said.stdout and f"完成整改{stats.group('completed')}个" in said.stdout
    assert view.sheet.paragraph.split("；")[0] in said.stdout or str(stats.total) in said.stdout
    clerk.shot("09-看板")


# -- 10. closure with evidence, a flag, accountability ------------------------------------------
def click_row(qtbot, table, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())


def show_tab(tabs, widget_name: str) -> None:
    tabs.setCurrentIndex(tabs.indexOf(find(tabs, widget_name)))


def submit_form(qtbot, clerk, name: str, fill=None, shot: str = "") -> None:
    form = clerk.dialog(name)
    if fill:
        fill(form)
    if shot:
        clerk.shot(shot)
    clerk.click(find(form, "formSubmit", QPushButton))
    clerk.wait_closed(form)


def test_10_close_a_problem_with_evidence_flag_another_and_hold_units_accountable(
        qtbot, clerk, monkeypatch, tmp_path):
    import subprocess
    import sys

    from desktop.ui import prompts
    from tests.ui.helpers import double_click_row

    window = state["window"]
    clerk.menu(window, "视图", "台账")
    evidence = tmp_path / "验收 报告.pdf"
    evidence.write_bytes("%PDF-1.4\n% 验收报告\n".encode())
    monkeypatch.setattr(prompts, "open_file", lambda *a, **k: str(evidence))
    double_click_row(qtbot, window.register_view.table, 1)      # county problem 2, completed
    dialog = clerk.dialog("problemDialog")
    tabs = find(dialog, "problemTabs")
    show_tab(tabs, "evidenceTab")
    clerk.click(find(dialog, "addEvidence", QPushButton))

    def evidence_form(form) -> None:
        clerk.click(find(form, "fileBrowse", QPushButton))
        type_text(qtbot, find(form, "title"), "验收报告")
    submit_form(qtbot, clerk, "evidenceDialog", evidence_form, "10-添加佐证材料")
    qtbot.waitUntil(lambda: find(dialog, "evidenceTable").rowCount() == 1, timeout=15000)
    show_tab(tabs, "closureTab")
    for button, fill in (("applyClosure", None),
                         ("verifyClosure", lambda f: type_text(qtbot, find(f, "person"), "李某")),
                         ("recordClosure", lambda f: type_text(qtbot, find(f, "doc"), "X整改办〔2026〕1号"))):
        clerk.click(find(dialog, button, QPushButton))
        submit_form(qtbot, clerk, "closureStepDialog", fill, f"10-{button}")
        qtbot.wait(300)
    qtbot.waitUntil(lambda: "已销号" in find(dialog, "closureStage", QLabel).text(), timeout=15000)
    clerk.shot("10-已销号")
    clerk.click(find(dialog, "closeProblem", QPushButton))
    clerk.wait_closed(dialog)

    clerk.menu(window, "视图", "督办销号")
    view = window.supervision
    sup_tabs = find(view, "supervisionTabs")
    show_tab(sup_tabs, "flaggedPane")
    proposals = find(view, "flagProposals")
    qtbot.waitUntil(lambda: proposals.rowCount() > 0, timeout=15000)
    click_row(qtbot, proposals, 0)
    clerk.click(find(view, "acceptProposal", QPushButton))
    submit_form(qtbot, clerk, "flagDialog", lambda f: type_text(qtbot, find(f, "leader"), "王某某"),
                "10-挂牌督办")
    flagged = find(view, "flaggedTable")
    qtbot.waitUntil(lambda: flagged.rowCount() == 1, timeout=15000)
    pdf = tmp_path / "挂牌督办 清单.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *a, **k: str(pdf))
    told = clerk.answer_next_box(button="否", shot="10-挂牌清单")
    clerk.click(find(view, "exportFlaggedPdf", QPushButton))
    clerk.wait_answered(told)
    assert "王某某" in "".join(_pdf_pages(pdf))

    show_tab(sup_tabs, "accountabilityPane")
    for unit, person, action in (("县农业农村局", "", "通报批评"), ("县农业农村局", "赵某", "约谈")):
        clerk.click(find(view, "addAccountability", QPushButton))

        def fill(form, unit=unit, person=person, action=action) -> None:
            type_text(qtbot, find(form, "unit"), unit)
            type_text(qtbot, find(form, "person"), person)
            find(form, "action").setCurrentText(action)
            type_text(qtbot, find(form, "link"), "6")
        submit_form(qtbot, clerk, "accountabilityDialog", fill, f"10-追责问责-{action}")
    qtbot.waitUntil(lambda: find(view, "accountabilityTable").rowCount() == 2, timeout=15000)
    said = subprocess.run([sys.executable, "-m", "desktop", "summary", "--db",
                           str(window.session.path)], capture_output=True, text=True, check=True)
    assert "对1个责任单位、1名责任人进行追责问责" in said.stdout, said.stdout
    clerk.shot("10-督办销号")


# -- 11. undo, redo, quit, start again ----------------------------------------------------------
def _count_in(view, name: str) -> int:
    return find(view, name).rowCount()


def step(qtbot, clerk, window, verb: str, how: str) -> None:
    """Undo (撤销) or redo (重做) by the 编辑 menu, the toolbar button or the keyboard."""
    action = window.actions_.undo if verb == "撤销" else window.actions_.redo
    if how == "menu":
        clerk.menu(window, "编辑", verb)
    elif how == "toolbar":
        qtbot.wait(CLICK)
        clerk.click(window.toolbar.widgetForAction(action))
    else:
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_Z if verb == "撤销" else Qt.Key.Key_Y,
                       Qt.KeyboardModifier.ControlModifier)


def test_11_undo_three_redo_three_quit_and_start_again(qtbot, clerk):
    window = state["window"]
    view = window.supervision
    assert _count_in(view, "accountabilityTable") == 2
    for how in ("menu", "toolbar", "keys"):     # each way a clerk undoes, each step in turn
        with qtbot.waitSignal(window.tasks.done, timeout=15000):
            step(qtbot, clerk, window, "撤销", how)
    qtbot.waitUntil(lambda: _count_in(view, "accountabilityTable") == 0
                    and _count_in(view, "flaggedTable") == 0, timeout=15000)
    clerk.shot("11-撤销三步")
    for how in ("menu", "toolbar", "keys"):
        with qtbot.waitSignal(window.tasks.done, timeout=15000):
            step(qtbot, clerk, window, "重做", how)
    qtbot.waitUntil(lambda: _count_in(view, "accountabilityTable") == 2
                    and _count_in(view, "flaggedTable") == 1, timeout=15000)
    clerk.shot("11-重做三步")

    window.showNormal()
    window.setGeometry(120, 90, 1280, 800)
    qtbot.wait(500)
    where = window.geometry()
    rows = len(register_rows(window))
    clerk.menu(window, "文件", "退出")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)

    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import LAST_REGISTER_KEY, start_session
    from desktop.ui.settings import window_settings

    settings = window_settings()
    again = MainWindow(start_session(None, settings.value(LAST_REGISTER_KEY)), settings)
    again.show()
    qtbot.waitExposed(again)
    state["window"] = again
    qtbot.waitUntil(lambda: len(register_rows(again)) == rows, timeout=15000)
    assert again.geometry().size() == where.size()
    assert abs(again.geometry().x() - where.x()) < 40 and abs(again.geometry().y() - where.y()) < 60
    clerk.shot("11-再次启动")
    _second_start_is_told(qtbot, clerk, again)
    again.close()


def _second_start_is_told(qtbot, clerk, window) -> None:
    """A second start of the program on the same register says it is open and opens nothing."""
    import os
    import subprocess
    import sys
    import time

    second = subprocess.Popen([sys.executable, "-m", "desktop"], env=dict(os.environ),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    found, end = "", time.monotonic() + 30
    while not found and time.monotonic() < end:
        qtbot.wait(300)
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "无法打开台账"],
                               capture_output=True, text=True).stdout.split()
        found = found[-1] if found else ""
    assert found, "第二次启动没有提示台账已打开"
    qtbot.wait(500)
    clerk.shot("11-第二次启动提示")
    # the clerk presses Enter on the box: the window manager focuses it, the key goes to it
    for _ in range(5):
        subprocess.run(["xdotool", "windowactivate", "--sync", found], check=False)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "Return"], check=True)
        try:
            second.wait(5)
            break
        except subprocess.TimeoutExpired:
            continue
    assert second.wait(5) == 1
    assert window.isVisible()
