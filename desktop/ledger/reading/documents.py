"""Word documents and plain text as books of sheets, read like a workbook.

    open_book(path)   # a workbook, a .docx, or a .txt of plan text: sheet_names, hidden, grid(name)

A .docx gives one sheet per table ("表格1", …; a table continued over pages is one) and, when its
paragraphs hold a numbered plan with units, the sheet "方案正文" (plan_grid). When a table holds
a ledger, the plan text is read only when asked for by name. A .txt (text pasted in the import
dialog is saved as one) gives the plan text only. Old Word (.doc), password-protected, damaged and
empty documents are refused, saying what was found.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.core.plan_text import PlanText, read_plan
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading import grid as workbooks
from desktop.ledger.reading.document_guard import AS_DOCX as _AS_DOCX
from desktop.ledger.reading.document_guard import check_docx, document_errors, read_plan_text
from desktop.ledger.reading.grid import Grid
from desktop.ledger.reading.guard import MAX_PARTS, entries_declared
from desktop.ledger.reading.layout import find_layout
from desktop.ledger.reading.plan_grid import TEXT_SHEET, plan_grid

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_NUMBERS = "“一、”“（一）”“1.”“（1）”"


class DocumentBook:
    """Sheets read from a document: its tables and its plan text."""

    def __init__(self, path: Path, tables: list[Grid], plan: PlanText):
        self.path, self.plan = path, plan
        self._grids = {g.name: g for g in tables}
        if plan.problems:
            self._grids[TEXT_SHEET] = plan_grid(plan)
        self.sheet_names = list(self._grids)
        ledger_table = any(find_layout(g) for g in tables)
        self.hidden = {TEXT_SHEET} if ledger_table and plan.problems else set()
        if not ledger_table and not plan.problems:
            raise LedgerRefused(_nothing_found(path, tables, plan))

    def grid(self, name: str) -> Grid:
        grid = self._grids[name]
        return Grid(grid.name, [list(r) for r in grid.rows], list(grid.merges))

    def close(self) -> None:
        pass


def _nothing_found(path: Path, tables: list[Grid], plan: PlanText) -> str:
    if tables:
        head = next((r for r in tables[0].rows if any(r)), [])
        words = "、".join(str(v).replace("\n", "") for v in head if v)[:60]
        found = (f"文档“{path.name}”中有{len(tables)}张表格，但表头中没有问题列"
                 f"（第一张表的表头：{words}），")
    else:
        found = f"文档“{path.name}”中没有表格，"
    if plan.items:
        found += (f"正文中有{plan.items}个编号条目，但都没有写“牵头单位：”“责任单位：”或“完成时限：”，"
                  "无法确定哪些是要整改的问题。")
    else:
        found += f"正文中也没有{_NUMBERS}这样的编号条目。"
    return found + ("请确认这是整改方案或问题清单；问题清单的表头应有“问题”或“整改任务”等列，"
                    "方案正文的每一项应写明牵头单位、责任单位或完成时限。")


def _docx(path: Path) -> DocumentBook:
    import docx

    from desktop.ledger.reading.docx_numbering import Numbering
    from desktop.ledger.reading.docx_tables import document_tables

    check_docx(path)
    with document_errors(path):
        document = docx.Document(str(path))
        tables, lines = document_tables(document.element.body, Numbering(document))
        plan = read_plan(lines)
    return DocumentBook(path, tables, plan)


def _text(path: Path) -> DocumentBook:
    text = read_plan_text(path)
    with document_errors(path):
        plan = read_plan(text.splitlines())
    return DocumentBook(path, [], plan)


def document_kind(path: Path) -> str | None:
    """"docx", "doc", "text", or None for anything else (read as a workbook, whose checks also
    say why a file cannot be opened at all)."""
    try:
        return _kind(path)
    except OSError:
        return None


def _kind(path: Path) -> str | None:
    if not path.is_file() or path.stat().st_size == 0:
        return None
    with path.open("rb") as fh:
        head = fh.read(8)
        if head.startswith(_ZIP):
            named_docx = "docx" if path.suffix.lower() == ".docx" else None
            if entries_declared(path) > MAX_PARTS:
                return named_docx            # refused by the checks of its kind, unlisted
            try:
                with zipfile.ZipFile(path) as zf:
                    return "docx" if "word/document.xml" in zf.namelist() else None
            except Exception:  # noqa: BLE001 — any damage: the checks of its kind say which
                return named_docx
        if head == _OLE:
            start = fh.read(4 * 1024 * 1024)
            if _WORD_STREAM in start or path.suffix.lower() == ".doc":
                return "doc"
            if _ENCRYPTED in start and path.suffix.lower() in (".docx", ".docm"):
                return "locked-docx"
            return None
    return "text" if path.suffix.lower() == ".txt" else None


def open_book(path: str | Path):
    path = Path(path)
    kind = document_kind(path)
    if kind == "docx":
        return _docx(path)
    if kind == "text":
        return _text(path)
    if kind == "doc":
        raise LedgerRefused(f"文件“{path.name}”是旧版 Word 文档（.doc），程序只能读取 .docx。{_AS_DOCX}")
    if kind == "locked-docx":
        raise LedgerRefused(f"文档“{path.name}”设有打开密码，程序无法读取。"
                            "请在 Word 或 WPS 中输入密码打开，取消密码后另存为 .docx，再导入。")
    return workbooks.open_book(path)
