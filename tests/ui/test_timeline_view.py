"""挂图作战 in the window: the chart, its grouping and zoom, PDF and A3 printing."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from tests.ui.helpers import choose
from tests.ui.test_views import click_nav


def _wait_chart(qtbot, view, **expected):
    def ready():
        if view.chart is None or view.hint.text().startswith("正在"):
            return False
        t = view.chart.timeline
        return all(getattr(t, k) == v for k, v in expected.items())
    qtbot.waitUntil(ready, timeout=30000)


def test_timeline_view_groups_zooms_and_exports(qtbot, window, monkeypatch, tmp_path):
    from desktop.ui import prompts

    click_nav(qtbot, window, "挂图作战")
    assert window.current_view() == "timeline"
    view = window.timeline
    _wait_chart(qtbot, view, group_by="unit")
    assert view.canvas is not None and view.canvas.height() > 2000
    assert re.match(r"63 个问题、\d+ 条措施", view.hint.text())
    assert len(view.chart.timeline.groups) > 5
    choose(qtbot, view.group, "按督察批次")
    _wait_chart(qtbot, view, group_by="round")
    assert [g.name for g in view.chart.timeline.groups] == ["2020年度生态文明建设重点任务（演示）"]
    wide = view.canvas.width()
    choose(qtbot, view.zoom, "按季度")
    qtbot.waitUntil(lambda: view.canvas.width() < wide, timeout=30000)
    qtbot.mouseClick(view.measures, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.chart is not None and len(view.chart.timeline.bars) == 63,
                    timeout=30000)
    out = tmp_path / "挂图 作战.pdf"
    monkeypatch.setattr(prompts, "save_file", lambda *a: str(out))
    with qtbot.waitSignal(window.tasks.done, timeout=30000):
        qtbot.mouseClick(view.buttons["timelinePdf"], Qt.MouseButton.LeftButton)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"1190.88 841.68" in data     # A3 landscape


def test_printing_draws_every_page_on_a3_landscape(qtbot, window, monkeypatch, tmp_path):
    from desktop.ui import timeline_print

    click_nav(qtbot, window, "挂图作战")
    view = window.timeline
    _wait_chart(qtbot, view)
    shown = []
    monkeypatch.setattr(timeline_print, "print_preview",
                        lambda parent, pages, title: shown.append((pages, title)))
    qtbot.mouseClick(view.buttons["timelinePrint"], Qt.MouseButton.LeftButton)
    (pages, title), = shown
    assert len(pages) >= 4 and title.startswith("整改任务挂图作战图")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "打印.pdf"))
    printer.setPageLayout(timeline_print.a3_landscape())
    assert timeline_print.paint_pages(printer, pages[:2]) == 2
    data = (tmp_path / "打印.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 2
