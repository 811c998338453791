"""档案整理: the evidence archive, one folder per problem (编号-问题) with its files, and the index
workbook 档案目录.xlsx (problem, file, title, date, pages where known).

    export_archive(db, out_dir, progress=None) -> ArchiveResult

Files are copied from the evidence folder under their original names (a second file of the same
name gets " (2)"); a stored file that has gone missing is listed in the index as 缺失 and in
the result, never silently dropped.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from db.evidence_files import stored_path
from db.records import rows
from desktop.ledger.writing.cells import write_value

INDEX_NAME = "档案目录.xlsx"
INDEX_COLUMNS = ("序号", "问题编号", "问题", "文件夹", "文件", "材料名称", "材料日期", "页数",
                 "对应措施", "SHA-256", "状态")
_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')


@dataclass
class ArchiveResult:
    out: Path
    problems: int = 0
    files: int = 0
    missing: list[str] = field(default_factory=list)


def folder_name(code: str, title: str) -> str:
    name = _UNSAFE.sub(" ", f"{code}-{title}").strip(" .")
    return name[:60].rstrip(" .") or code


def _unique(folder: Path, name: str) -> Path:
    target, n = folder / name, 2
    while target.exists():
        stem, suffix = Path(name).stem, Path(name).suffix
        target, n = folder / f"{stem} ({n}){suffix}", n + 1
    return target


def _evidence(db) -> list[dict]:
    return rows(db, "SELECT e.*, p.code, p.title AS problem_title, p.description, m.seq AS"
                    " measure_seq FROM evidence e JOIN problems p ON p.id = e.problem_id"
                    " LEFT JOIN measures m ON m.id = e.measure_id"
                    " ORDER BY p.round_id, coalesce(p.seq, 1e9), length(p.code), p.code,"
                    " coalesce(e.dated, ''), e.id")


def export_archive(db, out_dir: str | Path, progress=None) -> ArchiveResult:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = ArchiveResult(out)
    items, index, folders = _evidence(db), [], set()
    for n, item in enumerate(items, start=1):
        folder = out / folder_name(item["code"], item["problem_title"] or item["description"][:30])
        folder.mkdir(exist_ok=True)
        folders.add(folder.name)
        source = stored_path(db, item["path"])
        safe_name = _UNSAFE.sub("_", item["file_name"]) or f"{item['sha256'][:12]}"
        if source.exists():
            target = _unique(folder, safe_name)
            shutil.copyfile(source, target)
            result.files, state = result.files + 1, "已归档"
        else:
            target, state = folder / safe_name, "缺失"
            result.missing.append(f"{item['code']}：{item['file_name']}")
        index.append((n, item["code"], item["problem_title"], folder.name, target.name,
                      item["title"], item["dated"] or "", item["pages"],
                      item["measure_seq"] or "", item["sha256"], state))
        if progress is not None:
            progress.update(n, len(items), item["file_name"])
    result.problems = len(folders)
    _write_index(out / INDEX_NAME, index)
    return result


def _write_index(path: Path, index: list[tuple]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "档案目录"
    for col, name in enumerate(INDEX_COLUMNS, start=1):
        write_value(ws.cell(1, col), name).font = Font(bold=True)
    for r, values in enumerate(index, start=2):
        for col, value in enumerate(values, start=1):
            write_value(ws.cell(r, col), value)
    for letter, width in zip("ABCDEFGHIJK", (6, 10, 36, 30, 30, 24, 12, 6, 8, 20, 8)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.save(path)
