"""The guarded way into Word documents and plan text, as guard.py is for workbooks.

    check_docx(path)            # bounded look at the package, or LedgerRefused
    with document_errors(path): # every reader failure (memory, lxml, python-docx) → LedgerRefused
        ...
    text = read_plan_text(path) # a .txt of plan text: bounded, not binary, UTF-8 or GBK

python-docx reads every part of the package into memory and lxml builds a tree of every element of
the document, so the package is streamed here first, in bounded chunks: damaged zips (any error
zipfile can raise), too many parts, too much unpacked, a document part too large or with too many
elements, and XML declaring entities (Word never writes a DTD; a "billion laughs" does). Tables
too wide or too large for a ledger are refused while they are read (docx_tables.py).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading import guard

MAX_DOCX_UNPACKED = 256 * 1024 * 1024       # every part, pictures included, unpacked
MAX_DOCX_PART = 48 * 1024 * 1024           # one XML part (the document's body), unpacked
MAX_DOCX_ELEMENTS = 1_500_000               # XML elements of all parts: lxml makes a node each
MAX_TEXT_BYTES = 8 * 1024 * 1024            # a plan's text: some 2.7 million Chinese characters
MAX_TABLE_COLUMNS = 1_000                   # Word itself stops at 63
MAX_TABLE_CELLS = 400_000                   # all tables together, spanned cells counted
MAX_TABLES = 3_000                          # a list over 200 pages is some 200 tables
AS_DOCX = "请在 Word 或 WPS 中打开，另存为“Word 文档(*.docx)”后再导入。"
_CHUNK = 1 << 20
_XML = (".xml", ".rels")


class TableTooLarge(Exception):
    """A table wider or larger than any ledger (docx_tables.py); the message says which."""


def damaged(path: Path, detail: object = "") -> LedgerRefused:
    why = f"（{str(detail)[:200]}）" if str(detail) else ""
    return LedgerRefused(f"文档“{path.name}”已损坏或不完整{why}，程序无法读取。"
                         "请重新获取该文件；如能在 Word 或 WPS 中打开，请另存为“Word 文档(*.docx)”后再导入。")


def too_large(path: Path, what: str) -> LedgerRefused:
    return LedgerRefused(f"文档“{path.name}”{what}，超出整改方案或问题清单的合理大小，已拒绝读取。"
                         "请删除多余的内容（图片、空表格、大量空行）或拆分文档后再导入。")


@contextmanager
def document_errors(path: Path) -> Iterator[None]:
    """Whatever python-docx or lxml raise inside becomes a refusal naming the document."""
    try:
        yield
    except (KeyboardInterrupt, SystemExit, GeneratorExit, LedgerRefused):
        raise
    except MemoryError as exc:
        raise too_large(path, "内容过多，读取时内存不足") from exc
    except TableTooLarge as exc:
        raise too_large(path, str(exc)) from exc
    except BaseException as exc:  # noqa: BLE001 — lxml, zipfile and python-docx raise many types
        text = str(exc)
        raise damaged(path, f"{type(exc).__name__}: {text}" if text else type(exc).__name__) from exc


def check_docx(path: Path) -> None:
    """The package checked before python-docx sees it."""
    try:
        size = path.stat().st_size
        if size > guard.MAX_FILE_BYTES:
            raise too_large(path, f"有 {size // (1024 * 1024)} MB")
        if guard.entries_declared(path) > guard.MAX_PARTS:
            raise too_large(path, f"包含的部件数量异常（超过 {guard.MAX_PARTS} 个）")
        with zipfile.ZipFile(path) as zf:
            _check_parts(zf, path)
    except (LedgerRefused, MemoryError):
        raise
    except OSError as exc:
        raise LedgerRefused(f"无法打开文件“{path.name}”（{exc.strerror or exc}）。请确认文件没有被其他程序"
                            "独占打开、且有读取权限，然后再试。") from exc
    except Exception as exc:  # noqa: BLE001 — BadZipFile, NotImplementedError, UnicodeDecodeError,
        raise damaged(path, exc) from exc  # zlib.error, EOFError, RuntimeError (encrypted member)…


def _check_parts(zf: zipfile.ZipFile, path: Path) -> None:
    infos = zf.infolist()
    if sum(max(i.file_size, 0) for i in infos) > MAX_DOCX_UNPACKED:
        raise too_large(path, f"解压后超过 {MAX_DOCX_UNPACKED // (1024 * 1024)} MB")
    elements = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.filename.lower().endswith(_XML):
            elements += _scan_xml(zf, info, path)
            if elements > MAX_DOCX_ELEMENTS:
                raise too_large(path, f"的 XML 元素超过 {MAX_DOCX_ELEMENTS // 10000} 万个")
        else:
            with zf.open(info) as fh:      # read through: a damaged picture is found here
                while fh.read(_CHUNK):
                    pass


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> int:
    """One XML part streamed: its size bounded, no DTD, its elements counted."""
    count, read, tail = 0, 0, b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            read += len(chunk)
            if read > MAX_DOCX_PART:
                raise too_large(path, f"的部件 {info.filename} 解压后超过 "
                                      f"{MAX_DOCX_PART // (1024 * 1024)} MB")
            data = tail + chunk
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                raise LedgerRefused(f"文档“{path.name}”的部件 {info.filename} 含有实体声明（DOCTYPE），"
                                    "Word 不会写出这样的文档，可能是恶意构造的文件，已拒绝读取。"
                                    "请确认文件来源。")
            count += chunk.count(b"<") - chunk.count(b"</")
            tail = data[-16:]
    return count


def read_plan_text(path: Path) -> str:
    """A .txt of plan text, decoded: bounded in size, refused when binary."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise LedgerRefused(f"文本文件“{path.name}”有 {size // (1024 * 1024)} MB，超出整改方案正文的合理大小"
                                f"（{MAX_TEXT_BYTES // (1024 * 1024)} MB），已拒绝读取。"
                                "请确认选择的是方案正文，或拆分后再导入。")
        data = path.read_bytes()
    except OSError as exc:
        raise LedgerRefused(f"无法打开文件“{path.name}”（{exc.strerror or exc}）。"
                            "请确认有读取权限，然后再试。") from exc
    if b"\x00" in data:
        raise _not_text(path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise _not_text(path)


def _not_text(path: Path) -> LedgerRefused:
    return LedgerRefused(f"文件“{path.name}”不是可读的文本（可能是图片、压缩包或其他程序的文件改了扩展名）。"
                         "请把方案正文另存为纯文本（UTF-8 或 GBK 编码）后再导入，或在导入窗口中粘贴正文。")


def _mostly_text(text: str) -> bool:
    """Control characters other than line breaks and tabs are rare in any text a clerk saves."""
    controls = sum(1 for ch in text[:200_000] if ch < " " and ch not in "\r\n\t\f\v")
    return controls * 100 <= len(text[:200_000])
