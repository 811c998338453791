"""What openpyxl would drop when it saves a workbook, found by looking inside the file.

Fill-back writes into the superior's own workbook; before it does, the clerk is told by name
what will not survive the save (pictures, shapes, charts, extended validation, …) so nothing
disappears silently.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_PARTS = [
    (re.compile(r"^xl/media/"), "图片"),
    (re.compile(r"^xl/charts/chart"), "图表"),
    (re.compile(r"^xl/drawings/drawing\d+\.xml$"), "图形、文本框或批注框等绘图对象"),
    (re.compile(r"^xl/pivotTables/"), "数据透视表"),
    (re.compile(r"^xl/slicers/|^xl/slicerCaches/"), "切片器"),
    (re.compile(r"^xl/ctrlProps/|^xl/activeX/"), "表单控件"),
    (re.compile(r"^xl/embeddings/"), "嵌入的对象"),
    (re.compile(r"^xl/vbaProject\.bin$"), "宏（VBA）"),
    (re.compile(r"^xl/threadedComments/"), "新式批注（会话式批注）"),
]
_SHEET_MARKS = [
    (b"x14:dataValidation", "引用其他工作表的数据有效性（扩展数据验证）"),
    (b"x14:conditionalFormatting", "扩展条件格式（如数据条、图标集的新样式）"),
    (b"x14:sparklineGroup", "迷你图"),
]


def features_lost_on_save(path: str | Path, *, keep_vba: bool = False) -> list[str]:
    """Names (Chinese) of the things in this .xlsx/.xlsm that saving through openpyxl drops."""
    found: list[str] = []
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            for pattern, label in _PARTS:
                if label == "宏（VBA）" and keep_vba:
                    continue
                if any(pattern.search(n) for n in names) and label not in found:
                    found.append(label)
            for name in names:
                if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                    _marks_in(zf, name, found)
    except Exception:  # noqa: BLE001 — a list of warnings; the file itself was checked before
        return found
    return found


def _marks_in(zf: zipfile.ZipFile, name: str, found: list[str]) -> None:
    """The sheet streamed in chunks (with an overlap for marks cut in two), never read whole."""
    tail = b""
    with zf.open(name) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            for mark, label in _SHEET_MARKS:
                if mark in data and label not in found:
                    found.append(label)
            tail = data[-64:]
