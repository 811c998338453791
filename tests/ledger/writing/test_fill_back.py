"""Fill-back writes progress and status into the superior's own workbook and changes nothing else."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from db.changes import recorded_step
from db.progress import add_progress_report
from desktop.cli import main as cli
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.importing.importer import import_file
from desktop.ledger.writing.fill_back import fill_back

YELLOW = "FFFFF2CC"


def result_header_top(path) -> int:
    from desktop.ledger.reading.ledger import read_ledger

    return read_ledger(path).header_rows[0]


def superior_template(path, *, image: bool = False):
    wb = Workbook()
    ws = wb.active
    ws.title = "整改清单"
    ws.append(["市级督察反馈问题整改推进表"])
    ws.append(["序号", "问题编号", "反馈问题", "整改措施", "整改时限", "是否完成整改", "目前进展情况",
               "整改状态", "内部备注"])
    rows = [(1, "SJ-01", "城区污水直排", "截污纳管", "2022年底"),
            (None, None, None, "清淤疏浚", "2022年6月"),
            (2, "SJ-02", "工地扬尘", "安装喷淋", "立行立改"),
            (3, "SJ-03", "垃圾填埋场渗滤液", "建处理站", "2023年底")]
    for row in rows:
        ws.append([*row, None, None, None, "勿删"])
    ws.append(["合计", None, None, None, None, None, None, None, "=COUNTA(B3:B6)"])
    for rng in ("A1:I1", "A3:A4", "B3:B4", "C3:C4", "F3:F4", "G3:G4", "H3:H4"):
        ws.merge_cells(rng)
    for r in range(3, 7):
        ws[f"G{r}"].fill = PatternFill("solid", fgColor=YELLOW)
    ws.column_dimensions["C"].width = 31
    ws.column_dimensions["I"].hidden = True
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "2:2"
    dv = DataValidation(type="list", formula1='"完成整改,按序时推进,滞后,未启动"')
    dv.add("H3:H6")
    ws.add_data_validation(dv)
    notes = wb.create_sheet("填报说明")
    notes["A1"] = "请于每月25日前报送"
    if image:
        from PIL import Image as PILImage

        PILImage.new("RGB", (8, 8), "red").save(path.with_suffix(".png"))
        notes.add_image(Image(str(path.with_suffix(".png"))), "C3")
    wb.save(path)
    return path


def report(db, code: str, period: str, text: str, status: str, percent=None) -> None:
    (pid,) = db.execute("SELECT id FROM problems WHERE code = ?", [code]).fetchone()
    with recorded_step(db, "报进展") as step:
        add_progress_report(step, pid, period=period, text=text, status=status, percent=percent)


@pytest.fixture
def filled_register(register, tmp_path):
    template = superior_template(tmp_path / "市级 推进表.xlsx")
    import_file(register, template)
    report(register, "SJ-01", "2022-05", "管网完成60%", "behind_schedule")
    report(register, "SJ-01", "2022-06", "=管网完成100%，已验收", "completed")
    report(register, "SJ-02", "2022-06", "喷淋已安装", "on_schedule")
    return register, template


def cells(ws) -> dict:
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row}


def test_only_progress_cells_change_and_keep_their_style(filled_register, tmp_path):
    db, template = filled_register
    before = template.read_bytes()
    out = tmp_path / "回填 结果.xlsx"
    result = fill_back(db, template, out)
    assert template.read_bytes() == before                       # the template is never written
    assert result.filled == [{"code": "SJ-01", "row": 3}, {"code": "SJ-02", "row": 5}]
    assert result.no_progress == ["SJ-03"]
    old_wb, new_wb = load_workbook(template), load_workbook(out)
    assert old_wb.sheetnames == new_wb.sheetnames
    old, new = old_wb["整改清单"], new_wb["整改清单"]
    changed = {k for k in cells(old).keys() | cells(new).keys() if cells(old).get(k) != cells(new).get(k)}
    assert changed == {(3, 6), (3, 7), (3, 8), (5, 6), (5, 7), (5, 8)}
    assert new["G3"].value == "=管网完成100%，已验收" and new["G3"].data_type == "s"
    assert (new["F3"].value, new["H3"].value) == ("是", "完成整改")    # the superior's own words
    assert (new["F5"].value, new["H5"].value) == ("否", "按序时推进")
    assert new["G3"].fill.fgColor.rgb == YELLOW
    assert new["I7"].value == "=COUNTA(B3:B6)"                   # their formulas stay formulas
    assert {str(r) for r in new.merged_cells.ranges} == {str(r) for r in old.merged_cells.ranges}
    assert new.column_dimensions["C"].width == 31 and new.column_dimensions["I"].hidden
    assert new.page_setup.orientation == "landscape" and new.print_title_rows == "$2:$2"
    assert len(new.data_validations.dataValidation) == 1
    with zipfile.ZipFile(out) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml").replace(b"<f>COUNTA", b"")


def test_as_of_takes_the_report_of_that_month(filled_register, tmp_path):
    db, template = filled_register
    fill_back(db, template, tmp_path / "五月.xlsx", as_of=dt.date(2022, 5, 31))
    ws = load_workbook(tmp_path / "五月.xlsx")["整改清单"]
    assert (ws["G3"].value, ws["H3"].value, ws["F3"].value) == ("管网完成60%", "滞后", "否")
    assert ws["G5"].value is None                                # nothing reported by May


def test_codes_on_one_side_only_are_reported(filled_register, tmp_path):
    db, template = filled_register
    wb = load_workbook(template)
    ws = wb["整改清单"]
    ws["B6"] = "SJ-09"
    wb.save(tmp_path / "少一个.xlsx")
    result = fill_back(db, tmp_path / "少一个.xlsx", tmp_path / "出.xlsx")
    assert result.not_in_register == ["SJ-09"] and result.not_in_template == ["SJ-03"]


def test_refusals(filled_register, tmp_path, samples):
    db, template = filled_register
    with pytest.raises(LedgerRefused, match="同一个文件"):
        fill_back(db, template, template)
    no_columns = tmp_path / "无进展列.xlsx"
    wb = Workbook()
    wb.active.append(["序号", "问题编号", "反馈问题", "整改时限"])
    wb.active.append([1, "SJ-01", "城区污水直排", "2022年底"])
    wb.save(no_columns)
    with pytest.raises(LedgerRefused, match="没有找到进展或状态列"):
        fill_back(db, no_columns, tmp_path / "y.xlsx")


def test_warns_what_saving_would_drop(register, tmp_path):
    template = superior_template(tmp_path / "带图片.xlsx", image=True)
    import_file(register, template)
    result = fill_back(register, template, tmp_path / "出.xlsx")
    assert "图片" in result.lost_on_save


def test_command_line(filled_register, tmp_path, capsys):
    db, template = filled_register
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.conn.commit()
    out = tmp_path / "命令 回填.xlsx"
    assert cli(["export", "fill-back", "--db", path, "--template", str(template), "--out", str(out),
                "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in got["filled"]] == ["SJ-01", "SJ-02"]
    assert cli(["export", "fill-back", "--db", path, "--template", str(template),
                "--out", str(template)]) == 1


def test_legacy_xls_is_filled_into_an_xlsx_copy(register, tmp_path, samples):
    import_file(register, samples / "ledger_town_legacy.xls")
    report(register, "1", "2021-11", "管网完成2.5公里", "on_schedule")
    result = fill_back(register, samples / "ledger_town_legacy.xls", tmp_path / "镇 回填.xls",
                       as_of=dt.date(2021, 11, 30))
    assert result.path.suffix == ".xlsx" and any(".xls" in w for w in result.lost_on_save)
    ws = load_workbook(result.path)["Sheet1"]
    assert ws["F3"].value == "管网完成2.5公里" and ws["B4"].value == "河道两岸垃圾乱堆"
    assert ws["E3"].value == dt.datetime(2021, 12, 31) and "A1:F1" in {str(r) for r in ws.merged_cells.ranges}


def test_petition_ledger_filled_in_its_own_words(register, tmp_path, samples):
    template = samples / "petitions_county.xlsx"
    import_file(register, template)
    register.execute("UPDATE petitions SET status = 'done', result = '已拆除并复绿'"
                     " WHERE code = 'D2XX202104150007'")
    register.conn.commit()
    result = fill_back(register, template, tmp_path / "信访 回填.xlsx")
    assert len(result.filled) == 6 and not result.not_in_register
    old, new = load_workbook(template).active, load_workbook(tmp_path / "信访 回填.xlsx").active
    row = next(r for r in range(3, 9) if new[f"B{r}"].value == "D2XX202104150007")
    assert (new[f"H{row}"].value, new[f"I{row}"].value) == ("已拆除并复绿", "已办结")
    changed = {k for k in cells(old) if cells(old)[k] != cells(new).get(k)}
    assert changed == {(row, 8), (row, 9)}


@pytest.mark.parametrize("name,progress_col,status_col", [
    ("ledger_county_problems.xlsx", 9, 10), ("ledger_work_points_2020.xlsx", 8, 9)])
def test_every_sample_ledger_fills_only_its_progress_and_status(register, tmp_path, samples,
                                                                name, progress_col, status_col):
    import_file(register, samples / name)
    with recorded_step(register, "报进展") as step:
        for (pid,) in register.execute("SELECT id FROM problems").fetchall():
            add_progress_report(step, pid, period="2099-01", text=f"第{pid}项本月进展",
                                status="on_schedule")
    out = tmp_path / f"回填-{name}"
    result = fill_back(register, samples / name, out)
    count = register["problems"].count
    assert len(result.filled) == count and not result.not_in_register
    old, new = load_workbook(samples / name).active, load_workbook(out).active
    changed = {k for k in cells(old).keys() | cells(new).keys() if cells(old).get(k) != cells(new).get(k)}
    as_of_line = {k for k in changed if k[0] < result_header_top(samples / name)}
    assert {new.cell(*k).coordinate for k in as_of_line} == set(result.as_of_cells)
    assert all(str(dt.date.today().year) in new.cell(*k).value for k in as_of_line)
    changed -= as_of_line
    assert {c for _, c in changed} == {progress_col, status_col}
    rows = {r for r, c in changed if c == progress_col}
    assert len(rows) == count and {r for r, _ in changed} == rows
    assert all(new.cell(r, status_col).value == "达到序时进度" for r in rows)
