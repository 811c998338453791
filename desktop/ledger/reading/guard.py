"""The one guarded way into any workbook the program reads, for calamine and openpyxl alike.

    extents = check_workbook(path)               # bounded look at the bytes, or LedgerRefused
    with reader_errors(path):                    # every reader failure becomes LedgerRefused
        ...
    wb = load_for_editing(path, keep_vba=True)   # openpyxl, after the same checks

Files are checked before they are parsed: empty, truncated, not Excel at all (web pages and CSV
saved as .xls), password-protected, damaged zips (any error zipfile can raise), absurdly large
files, and sheets whose value cells, cells or merges would make a reader allocate far more than
the sheet holds (extent.py). Reader failures of every kind, including the Rust reader's panics
(pyo3's PanicException derives from BaseException, not Exception) and memory errors, become a
Chinese refusal that says what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading import biff_extent
from desktop.ledger.reading import extent as ex

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_LEGACY_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_BOOK_VALUES = 4_000_000           # value cells of all sheets together
MAX_PARTS = 20_000                    # a workbook's zip entries (zipfile keeps an object each)
MAX_EDIT_CELLS = 500_000              # cells openpyxl would make, merged cells included
MAX_EDIT_MERGES = 30_000              # openpyxl's merge bookkeeping slows past this
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
RESAVE = "请在 Excel 或 WPS 中打开该文件，另存为“Excel 工作簿(*.xlsx)”后再导入。"
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit, LedgerRefused)


def damaged(path: Path, detail: object = "") -> LedgerRefused:
    why = f"（{str(detail)[:200]}）" if str(detail) else ""
    return LedgerRefused(f"文件“{path.name}”已损坏或不完整{why}，程序无法读取。"
                         f"请重新获取该文件；如能在 Excel 或 WPS 中打开，{RESAVE}")


@contextmanager
def reader_errors(path: Path) -> Iterator[None]:
    """Whatever a reader raises inside becomes a refusal naming the file (panics included)."""
    try:
        yield
    except _PASS_THROUGH:
        raise
    except MemoryError as exc:
        raise LedgerRefused(f"文件“{path.name}”内容过多，读取时内存不足，已拒绝读取。"
                            "请删除多余内容或拆分文件后再导入。") from exc
    except BaseException as exc:  # noqa: BLE001 — Rust panics are BaseException
        text = str(exc)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise _encrypted(path) from exc
        raise damaged(path, f"{type(exc).__name__}: {text}" if text else type(exc).__name__) from exc


def _encrypted(path: Path) -> LedgerRefused:
    return LedgerRefused(f"文件“{path.name}”设有打开密码，程序无法读取。"
                         "请在 Excel 或 WPS 中输入密码打开，取消密码后另存，再导入。")


def check_workbook(path: Path) -> dict[str, ex.SheetExtent]:
    """Check the file before any reader sees it; the extents of its parts (xlsx: by part name,
    xls: "sheet1"… in stream order)."""
    try:
        extents = _check_contents(path)
        values = sum(e.values for e in extents.values())
        if values > MAX_BOOK_VALUES:
            raise ex.TooLarge(f"各工作表有内容的单元格合计超过 {MAX_BOOK_VALUES // 10000} 万个")
        return extents
    except OSError as exc:       # no permission, locked by another program, vanished meanwhile
        raise LedgerRefused(f"无法打开文件“{path.name}”（{exc.strerror or exc}）。请确认文件没有被其他程序"
                            "独占打开、且有读取权限，然后再试。") from exc
    except ex.TooLarge as exc:
        raise ex.refuse_large(path.name, exc) from exc


def _check_contents(path: Path) -> dict[str, ex.SheetExtent]:
    if not path.exists():
        raise LedgerRefused(f"找不到文件“{path}”。请检查路径是否正确。")
    if path.is_dir():
        raise LedgerRefused(f"“{path}”是一个文件夹，请选择 Excel 文件。")
    size = path.stat().st_size
    if size == 0:
        raise LedgerRefused(f"文件“{path.name}”是空文件（0 字节）。请重新获取该文件。")
    with path.open("rb") as fh:
        head = fh.read(8)
    limit = MAX_LEGACY_BYTES if head == _OLE else MAX_FILE_BYTES
    if size > limit:
        raise LedgerRefused(f"文件“{path.name}”有 {size // (1024 * 1024)} MB，超出台账的合理大小"
                            f"（{limit // (1024 * 1024)} MB）。请删除图片等多余内容或拆分后再导入。")
    if head.startswith(_ZIP):
        return _check_zip(path)
    if head == _OLE:
        return _check_ole(path)
    raise LedgerRefused(f"文件“{path.name}”不是 Excel 格式（可能是网页、文本或 CSV "
                        f"改了扩展名）。{RESAVE}")


def entries_declared(path: Path) -> int:
    """The entry count in the zip's end record, read before zipfile builds one object per entry
    (0xFFFF, the ZIP64 marker, counts as too many: no workbook has that many parts)."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 12 > len(tail):
        return 0                                  # no end record: zipfile will say damaged
    return int.from_bytes(tail[at + 10:at + 12], "little")


def _check_zip(path: Path) -> dict[str, ex.SheetExtent]:
    import zipfile

    if entries_declared(path) > MAX_PARTS:
        raise LedgerRefused(f"文件“{path.name}”包含的部件数量异常（超过 {MAX_PARTS} 个），不像是台账，"
                            "已拒绝读取。请确认文件来源。")
    try:
        with zipfile.ZipFile(path) as zf:
            names = {n.lower() for n in zf.namelist()}
            if "xl/workbook.xml" not in names:
                raise LedgerRefused(f"文件“{path.name}”不是 Excel 工作簿（可能是 Word 文档或其他压缩包）。"
                                    "请确认选择的是台账的 Excel 文件。")
            if sum(max(i.file_size, 0) for i in zf.infolist()) > MAX_UNPACKED_BYTES:
                raise LedgerRefused(f"文件“{path.name}”解压后超过 1 GB，不像是台账，已拒绝读取。"
                                    "请确认文件来源，或删除多余内容后再导入。")
            return ex.scan_xlsx(zf)
    except (LedgerRefused, ex.TooLarge, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 — zipfile raises BadZipFile, NotImplementedError,
        raise damaged(path, exc) from exc  # UnicodeDecodeError, zlib.error, EOFError, struct.error…


def _check_ole(path: Path) -> dict[str, ex.SheetExtent]:
    data = path.read_bytes()
    if _ENCRYPTED in data[:8 * 1024 * 1024]:
        raise _encrypted(path)
    try:
        from xlrd.compdoc import CompDoc

        doc = CompDoc(data, logfile=_Quiet())
        stream = doc.get_named_stream("Workbook") or doc.get_named_stream("Book")
    except Exception as exc:  # noqa: BLE001 — xlrd's CompDocError, IndexError, struct.error…
        raise damaged(path, exc) from exc
    if not stream:
        raise LedgerRefused(f"文件“{path.name}”不是 Excel 工作簿（可能是 Word 或其他 Office 文件）。"
                            "请确认选择的是台账的 Excel 文件。")
    try:
        sheets = biff_extent.scan_biff(bytes(stream))
    except biff_extent.Encrypted as exc:
        raise _encrypted(path) from exc
    return {f"sheet{i}": s for i, s in enumerate(sheets)}


class _Quiet:
    def write(self, _text: str) -> None:
        pass


def check_for_editing(path: Path) -> None:
    """The bounds openpyxl needs: it makes an object for every cell and every merged cell."""
    extents = check_workbook(path)
    cells = sum(e.cells + e.merged_cells for e in extents.values())
    merges = sum(e.merges for e in extents.values())
    if merges > MAX_EDIT_MERGES:
        raise LedgerRefused(f"文件“{path.name}”有 {merges} 处合并单元格，超出程序能安全打开的数量"
                            f"（{MAX_EDIT_MERGES // 10000} 万处）。请取消多余的合并后再试。")
    if cells > MAX_EDIT_CELLS:
        raise LedgerRefused(f"文件“{path.name}”共有约 {cells} 个单元格（含合并区域和只有格式的空单元格），"
                            f"超出程序能安全打开的大小（{MAX_EDIT_CELLS // 10000} 万个）。"
                            "请删除多余的空行空列、取消整表合并后再试。")


def load_for_editing(path: str | Path, *, checked: bool = False, **options):
    """openpyxl's load_workbook after the checks (`checked`: check_for_editing already ran), its
    errors (ParseError, BadZipFile, zlib.error, KeyError, IndexError, …) refused in Chinese."""
    from openpyxl import load_workbook

    path = Path(path)
    if not checked:
        check_for_editing(path)
    with path.open("rb") as fh:
        legacy = fh.read(8) == _OLE
    if legacy:
        raise LedgerRefused(f"文件“{path.name}”是旧版 .xls 格式，此处只能读取 .xlsx。{RESAVE}")
    with reader_errors(path):
        return load_workbook(path, **options)
