"""The clerk's month, steps 9–11: the month printed, a problem closed with evidence, a flag and
accountability, undo and redo, quit and start again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tests.scenario.clerk import CLICK, type_text
from tests.scenario.month import (
    COUNTY_ROUND,
    MONTH_,
    click_row,
    find,
    pdf_pages,
    register_rows,
    show_tab,
    state,
    submit_form,
)


# -- 9. the month printed ----------------------------------------------------------------------
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
    pages = pdf_pages(pdf)
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
    assert "王某某" in "".join(pdf_pages(pdf))

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
