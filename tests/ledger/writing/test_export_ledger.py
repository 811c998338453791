"""The printable ledger: its shape, its print settings, and that our importer reads it back."""

from __future__ import annotations

import subprocess
import sys

import pytest
from openpyxl import load_workbook

from desktop.core.status import STATUS_CODES, STATUS_LABELS
from desktop.ledger.writing.export_ledger import export_ledger
from desktop.ledger.writing.ledger_layout import COLUMNS
from tests.ledger.forms_support import AS_OF, add_problem, demo

HEADERS = ["序号", "问题编号", "督察批次", "类别", "问题名称", "问题描述", "整改目标", "整改措施",
           "整改时限", "责任单位", None, "督办领导", "责任人", "整改进展", "整改状态"]


@pytest.fixture
def demo_ledger(register, tmp_path):
    demo(register)
    result = export_ledger(register, tmp_path / "导出 台账.xlsx", as_of=AS_OF, office="XX县整改办")
    return register, result, load_workbook(result.path)


def test_title_as_of_and_two_row_header(demo_ledger):
    _, _, wb = demo_ledger
    ws = wb.active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].value == "XX县整改办整改落实情况台账" and "A1:O1" in merged
    row2 = [v for v in next(ws.iter_rows(min_row=2, max_row=2, values_only=True)) if v]
    assert row2 == ["填报单位：XX县整改办", "截至：2024年5月20日"]
    assert [c.value for c in ws[3]] == HEADERS
    assert ws["J4"].value == "牵头单位" and ws["K4"].value == "配合单位"
    assert "J3:K3" in merged and "A3:A4" in merged and "O3:O4" in merged


def test_one_row_per_measure_with_problem_cells_merged_down(demo_ledger):
    db, result, wb = demo_ledger
    ws = wb.active
    merged = {str(r) for r in ws.merged_cells.ranges}
    counts = [max(1, n) for (n,) in db.execute(
        "SELECT (SELECT count(*) FROM measures m WHERE m.problem_id = p.id) FROM problems p "
        "ORDER BY p.round_id, coalesce(p.seq, 1e9), length(p.code), p.code").fetchall()]
    assert result.rows == sum(counts) and result.problems == 63
    row = 5
    for number, height in enumerate(counts, start=1):
        assert ws.cell(row, 1).value == number
        for col in "ABCDEFGLMNO":
            assert (f"{col}{row}:{col}{row + height - 1}" in merged) == (height > 1)
        for col in "HIJK":  # measure-level cells are never merged
            assert not any(str(r).startswith(f"{col}{row}:") for r in merged)
        row += height
    assert ws.max_row == row - 1


def test_print_settings_widths_wrapping_and_status_list(demo_ledger):
    _, result, wb = demo_ledger
    ws = wb.active
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$3:$4"
    setup = ws.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 8, 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    for col, column in zip("ABCDEFGHIJKLMNO", COLUMNS):
        assert ws.column_dimensions[col].width == column.width
    body = ws["F5"]
    assert body.alignment.wrap_text and body.border.left.style == "thin"
    assert ws.row_dimensions[5].height > 15
    (rule,) = ws.data_validations.dataValidation
    assert rule.type == "list" and str(rule.sqref) == f"O5:O{4 + result.rows}"
    assert rule.formula1.strip('"').split(",") == [STATUS_LABELS[c] for c in STATUS_CODES]


def test_problem_without_measures_is_one_row_with_its_own_deadline_and_units(register, tmp_path):
    add_problem(register, code="1", deadline_text="2024年底前", lead_units=["县水利局"],
                responsible_units=["城关镇", "县林业局"], progress="已完成一半",
                status="in_progress", status_text="正在推进")
    add_problem(register, code="2", measures=[{"content": "拆除违建", "deadline_text": "立行立改",
                                               "lead_units": ["县自然资源局"]}])
    ws = load_workbook(export_ledger(register, tmp_path / "a.xlsx").path).active
    assert [c.value for c in ws[5]][1:] == [
        "1", "第二轮中央督察", None, "问题1", None, None, None, "2024年底前", "县水利局",
        "城关镇、县林业局", None, None, "已完成一半", "正在推进"]
    assert ws["H6"].value == "拆除违建" and ws.max_row == 6


def test_without_any_measures_the_measure_column_is_left_out(register, tmp_path):
    add_problem(register, code="1", deadline_text="2024年底前")
    ws = load_workbook(export_ledger(register, tmp_path / "a.xlsx").path).active
    assert "整改措施" not in [c.value for c in ws[3]]
    assert ws.page_setup.paperSize == 8  # still 14 columns: A3


def test_kept_original_columns_follow_under_their_headers(register, tmp_path):
    add_problem(register, code="1", extra={"备注": "市级挂牌", "整改进展": "不重复"})
    add_problem(register, code="2", extra={"完成时间": "2022-05-01"})
    ws = load_workbook(export_ledger(register, tmp_path / "a.xlsx").path).active
    headers = [c.value for c in ws[3]]
    assert headers[-2:] == ["备注", "完成时间"] and headers.count("整改进展") == 1
    assert ws.cell(5, len(headers) - 1).value == "市级挂牌"
    assert ws.cell(6, len(headers)).value == "2022-05-01"


def test_empty_register_still_gives_a_valid_ledger(register, tmp_path):
    result = export_ledger(register, tmp_path / "空.xlsx")
    ws = load_workbook(result.path).active
    assert result.rows == 0 and ws["A3"].value == "序号"


def test_export_ledger_command(register, tmp_path):
    demo(register)
    db_path = register.execute("PRAGMA database_list").fetchone()[2]
    out = tmp_path / "输出 目录" / "台账.xlsx"
    done = subprocess.run([sys.executable, "-m", "desktop", "export", "ledger", "--db", db_path,
                           "--out", str(out), "--as-of", "2024-05-20"],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "63 个问题" in done.stdout and out.exists()
    bad = subprocess.run([sys.executable, "-m", "desktop", "export", "ledger", "--db", db_path,
                          "--out", str(out), "--as-of", "2024-5"],
                         capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 1 and "不是日期" in bad.stderr


def test_progress_is_reported_and_cancelling_leaves_no_file(register, tmp_path):
    from desktop.ledger.long_work import Cancelled

    demo(register)
    seen = []
    export_ledger(register, tmp_path / "a.xlsx", progress=lambda *a: seen.append(a))
    assert seen[0] == (0, 63, "写入台账")
    with pytest.raises(Cancelled, match="已取消导出"):
        export_ledger(register, tmp_path / "b.xlsx", cancel=lambda: True)
    assert not (tmp_path / "b.xlsx").exists()
