"""Every workbook the program writes, written from a register (and source sheets) full of text
typed to look like formulas: no worksheet XML holds an <f>, and the text is kept as text."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from desktop.cli import main
from desktop.ledger.importing.importer import read_ledger
from desktop.ledger.writing.cells import write_text
from desktop.ledger.writing.failed_rows import write_failed_rows
from desktop.ledger.writing.fill_back import fill_back
from desktop.reports.monthly import build_monthly
from desktop.reports.monthly_xlsx import write_monthly_xlsx
from tests.ledger.forms_support import DANGEROUS, formulas_in
from tests.ledger.writing.test_formula_safety import dangerous_register, strings_in

HEADER = ["序号", "问题描述", "整改措施", "整改时限", "责任单位", "整改进展", "整改状态"]


def hostile_ledger(path, *, header_extra: str = "=HYPERLINK(\"http://x\",\"点我\")"):
    """A superior's sheet whose every text cell (and one header) looks like a formula; typed as
    text, as a clerk's copy-paste leaves it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    for c, name in enumerate([*HEADER, header_extra], start=1):
        write_text(ws.cell(1, c), name)
    for r, text in enumerate(DANGEROUS, start=2):
        ws.cell(r, 1, r - 1)
        for c, value in enumerate([text, text, "2024年底前", text, text, "推进中", text], start=2):
            write_text(ws.cell(r, c), value)
    write_text(ws.cell(len(DANGEROUS) + 2, 2), "合计")
    write_text(ws.cell(len(DANGEROUS) + 3, 1), "=cmd|' /C calc'!A0")   # a row that is skipped
    wb.save(path)
    return path


def test_the_monthly_report_workbook_has_no_formula(register, tmp_path):
    sheet = build_monthly(dangerous_register(register), "2024-11", as_of=dt.date(2024, 11, 30))
    out = write_monthly_xlsx(sheet, tmp_path / "月报.xlsx")
    assert formulas_in(out) == []
    assert any(s.startswith("=SUM") for s in strings_in(out))


def test_the_failed_rows_workbook_header_and_rows_have_no_formula(tmp_path):
    reading = read_ledger(hostile_ledger(tmp_path / "上级.xlsx"))
    assert reading.skipped_rows
    out = write_failed_rows(reading, tmp_path / "未导入.xlsx")
    assert formulas_in(out) == []
    assert "=cmd|' /C calc'!A0" in strings_in(out)


def test_fill_back_into_a_hostile_template_writes_no_formula(register, tmp_path):
    template = hostile_ledger(tmp_path / "上级.xlsx")
    assert main(["import", str(template), "--db", str(tmp_path / "台账 测试.db")]) == 0
    result = fill_back(register, template, tmp_path / "回填.xlsx")
    assert result.filled
    assert formulas_in(tmp_path / "回填.xlsx") == []
    assert "=HYPERLINK(\"http://x\")" in strings_in(tmp_path / "回填.xlsx")


def test_every_command_line_writer_on_hostile_text_writes_no_formula(tmp_path):
    db = str(tmp_path / "台账.db")
    template = hostile_ledger(tmp_path / "上级.xlsx")
    assert main(["import", str(template), "--db", db, "--failed-out",
                 str(tmp_path / "未导入.xlsx")]) == 0
    outputs = [tmp_path / "未导入.xlsx", tmp_path / "台账出.xlsx", tmp_path / "月报.xlsx",
               tmp_path / "回填.xlsx"]
    assert main(["export", "ledger", "--db", db, "--out", str(outputs[1])]) == 0
    assert main(["report", "monthly", "--db", db, "--month", "2024-11", "--xlsx",
                 str(outputs[2])]) == 0
    assert main(["export", "fill-back", "--db", db, "--template", str(template), "--out",
                 str(outputs[3])]) == 0
    assert main(["export", "unit-forms", "--db", db, "--out", str(tmp_path / "表")]) == 0
    outputs += sorted((tmp_path / "表").glob("*.xlsx"))
    more = {"周报.xlsx": ["report", "weekly", "--week", "2024-W47", "--xlsx"],
            "挂牌.xlsx": ["report", "flagged", "--xlsx"],
            "大事记.xlsx": ["export", "chronicle", "--out"]}
    for name, args in more.items():
        assert main([*args, str(tmp_path / name), "--db", db]) == 0, name
        outputs.append(tmp_path / name)
    assert main(["export", "archive", "--db", db, "--out", str(tmp_path / "档案")]) == 0
    outputs.append(tmp_path / "档案" / "档案目录.xlsx")
    assert len(outputs) > 9
    for out in outputs:
        assert formulas_in(out) == [], out.name
