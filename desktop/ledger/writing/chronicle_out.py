"""大事记 out: the chronicle in date order as a Word document (python-docx) or a workbook.

    export_chronicle(db, out) -> (path, entries)    # by the suffix: .docx or .xlsx
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from db.chronicle import chronicle_list
from db.settings import signature_defaults
from desktop.ledger.writing.cells import write_value

COLUMNS = ("序号", "日期", "类型", "标题", "内容")


def _cn_date(iso: str) -> str:
    try:
        return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日"
    except ValueError:
        return iso


def export_chronicle(db, out: str | Path) -> tuple[Path, int]:
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in (".docx", ".xlsx"):
        raise ValueError(f"大事记只能导出为 Word（.docx）或 Excel（.xlsx），“{target.name}”不是。")
    entries = chronicle_list(db)
    office = signature_defaults(db).get("unit", "")
    title = f"{office}整改工作大事记" if office else "整改工作大事记"
    target.parent.mkdir(parents=True, exist_ok=True)
    (_write_docx if suffix == ".docx" else _write_xlsx)(target, title, entries)
    return target, len(entries)


def _write_docx(path: Path, title: str, entries: list[dict]) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    heading = doc.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for entry in entries:
        para = doc.add_paragraph()
        para.add_run(f"{_cn_date(entry['happened_on'])}　").bold = True
        para.add_run(f"【{entry['kind'] or '其他'}】{entry['title']}")
        if entry["content"]:
            doc.add_paragraph(entry["content"])
    if not entries:
        doc.add_paragraph("暂无大事记。")
    doc.save(path)


def _write_xlsx(path: Path, title: str, entries: list[dict]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "大事记"
    ws.merge_cells("A1:E1")
    write_value(ws["A1"], title).font = Font(bold=True, size=15)
    for col, name in enumerate(COLUMNS, start=1):
        write_value(ws.cell(2, col), name).font = Font(bold=True)
    for r, entry in enumerate(entries, start=3):
        for col, value in enumerate((r - 2, entry["happened_on"], entry["kind"], entry["title"],
                                     entry["content"]), start=1):
            write_value(ws.cell(r, col), value).alignment = Alignment(wrap_text=True,
                                                                      vertical="top")
    for letter, width in zip("ABCDE", (6, 12, 8, 36, 60)):
        ws.column_dimensions[letter].width = width
    wb.save(path)
