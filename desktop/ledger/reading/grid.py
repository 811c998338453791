"""Opening a workbook safely and reading a sheet as a grid of values with its merged ranges.

python-calamine reads both .xlsx/.xlsm and legacy .xls, returns merged ranges for both, and reads
a ledger some twenty times faster than openpyxl (tests/bench/import_bench.py); openpyxl stays the
writer. Files are checked before they are parsed: empty, truncated, not Excel at all (web pages
saved as .xls are common), password-protected, or absurdly large files are refused with a message
that says what to do.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.ledger.errors import LedgerRefused

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_ROWS, MAX_COLUMNS = 200_000, 400
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_RESAVE = "请在 Excel 或 WPS 中打开该文件，另存为“Excel 工作簿(*.xlsx)”后再导入。"


@dataclass
class Grid:
    """One sheet: rows of cell values (None, str, int, float, bool, date, datetime) and merges
    as 0-based inclusive (first_row, first_col, last_row, last_col)."""
    name: str
    rows: list[list]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    _origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False)
    _starting: dict[int, list] = field(default_factory=dict, repr=False)
    width: int = 0

    def __post_init__(self) -> None:
        self.width = max((len(r) for r in self.rows), default=0)
        for r0, c0, r1, c1 in self.merges:
            self._starting.setdefault(r0, []).append((r0, c0, r1, c1))
            if self.raw(r0, c0) is None:
                self._lift(r0, c0, r1, c1)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self._origin[(r, c)] = (r0, c0)

    def _lift(self, r0: int, c0: int, r1: int, c1: int) -> None:
        """A merged range whose text sits in another of its cells (as some programs save it)
        shows that text: it is moved to the range's first cell."""
        for r in range(r0, min(r1, len(self.rows) - 1) + 1):
            for c in range(c0, min(c1, len(self.rows[r]) - 1) + 1):
                if self.rows[r][c] is not None and r0 < len(self.rows) and c0 < len(self.rows[r0]):
                    self.rows[r0][c0], self.rows[r][c] = self.rows[r][c], None
                    return

    @property
    def height(self) -> int:
        return len(self.rows)

    def raw(self, r: int, c: int):
        row = self.rows[r] if r < len(self.rows) else ()
        return row[c] if c < len(row) else None

    def value(self, r: int, c: int):
        """The cell's value, a merged cell reading the value of its range's first cell."""
        origin = self._origin.get((r, c))
        return self.raw(*origin) if origin else self.raw(r, c)

    def merged_from(self, r: int, c: int) -> tuple[int, int] | None:
        """The first cell of the merged range this cell lies inside (None for a range's first cell)."""
        return self._origin.get((r, c))

    def merges_starting(self, r: int) -> list[tuple[int, int, int, int]]:
        """The merged ranges whose first row is r."""
        return self._starting.get(r, [])


def _plain(value):
    if value == "" or value is None:
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


class Book:
    """An opened workbook; sheets are read when asked for."""

    def __init__(self, path: Path):
        self.path = path
        self._wb = _open_calamine(path)
        self.sheet_names: list[str] = list(self._wb.sheet_names)
        self.hidden: set[str] = {m.name for m in self._wb.sheets_metadata   # Hidden, VeryHidden
                                 if not str(m.visible).endswith(".Visible")}

    def grid(self, name: str) -> Grid:
        try:
            sheet = self._wb.get_sheet_by_name(name)
        except Exception as exc:  # calamine raises its own error types for damaged sheets
            raise LedgerRefused(f"工作表“{name}”无法读取（{exc}）。{_RESAVE}") from exc
        if sheet.height > MAX_ROWS or sheet.width > MAX_COLUMNS:
            raise LedgerRefused(
                f"工作表“{name}”有 {sheet.height} 行 {sheet.width} 列，超出台账的合理大小"
                f"（最多 {MAX_ROWS} 行、{MAX_COLUMNS} 列）。请删除多余的空行空列或拆分文件后再导入。")
        rows = [[_plain(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
        merges = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
        return Grid(name, rows, merges)

    def close(self) -> None:
        self._wb.close()


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise LedgerRefused(f"文件“{path.name}”已损坏或不完整（可能没有下载完）。"
                            "请重新获取该文件后再导入。") from exc
    if "xl/workbook.xml" not in names:
        raise LedgerRefused(f"文件“{path.name}”不是 Excel 工作簿（可能是 Word 文档或其他压缩包）。"
                            "请确认选择的是台账的 Excel 文件。")
    if unpacked > MAX_UNPACKED_BYTES:
        raise LedgerRefused(f"文件“{path.name}”解压后超过 1 GB，不像是台账，已拒绝读取。"
                            "请确认文件来源，或删除多余内容后再导入。")


def _check_file(path: Path) -> None:
    try:
        _check_contents(path)
    except OSError as exc:       # no permission, locked by another program, vanished meanwhile
        raise LedgerRefused(f"无法打开文件“{path.name}”（{exc.strerror or exc}）。请确认文件没有被其他程序"
                            "独占打开、且有读取权限，然后再导入。") from exc


def _check_contents(path: Path) -> None:
    if not path.exists():
        raise LedgerRefused(f"找不到文件“{path}”。请检查路径是否正确。")
    if path.is_dir():
        raise LedgerRefused(f"“{path}”是一个文件夹，请选择 Excel 文件。")
    size = path.stat().st_size
    if size == 0:
        raise LedgerRefused(f"文件“{path.name}”是空文件（0 字节）。请重新获取该文件。")
    if size > MAX_FILE_BYTES:
        raise LedgerRefused(f"文件“{path.name}”有 {size // (1024 * 1024)} MB，超出台账的合理大小"
                            "（200 MB）。请删除图片等多余内容或拆分后再导入。")
    with path.open("rb") as fh:
        head = fh.read(8)
        if head.startswith(_ZIP):
            _check_zip(path)
        elif head == _OLE:
            if _ENCRYPTED in fh.read(4 * 1024 * 1024):
                raise LedgerRefused(f"文件“{path.name}”设有打开密码，程序无法读取。"
                                    "请在 Excel 或 WPS 中输入密码打开，取消密码后另存，再导入。")
        else:
            raise LedgerRefused(f"文件“{path.name}”不是 Excel 格式（可能是网页、文本或 CSV "
                                f"改了扩展名）。{_RESAVE}")


def _open_calamine(path: Path):
    from python_calamine import CalamineWorkbook

    _check_file(path)
    try:
        with path.open("rb") as fh:   # by content, not by extension: a .xls renamed .xlsx reads
            return CalamineWorkbook.from_filelike(fh)
    except Exception as exc:  # calamine's errors carry no stable types; the message is kept
        text = str(exc)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise LedgerRefused(f"文件“{path.name}”设有密码保护，程序无法读取。"
                                "请在 Excel 或 WPS 中取消密码后另存，再导入。") from exc
        raise LedgerRefused(f"文件“{path.name}”无法读取（{text}）。{_RESAVE}") from exc


def open_book(path: str | Path) -> Book:
    return Book(Path(path))
