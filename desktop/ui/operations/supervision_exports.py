"""挂牌督办清单 and 督办通知单 (PDF / Excel), the evidence archive and the chronicle, as operations
whose Outcome (desktop.ui.operations.export_ops) the window shows."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop.ui.changes import Changes
from desktop.ui.operations.export_ops import Outcome
from desktop.ui.tasks import Progress


def _write(doc, out: str | Path) -> str:
    """PDF or Excel by the name's suffix (a name without either becomes a PDF)."""
    if Path(out).suffix.lower() not in (".pdf", ".xlsx"):
        out = Path(out).with_name(Path(out).name + ".pdf")
    if Path(out).suffix.lower() == ".pdf":
        from desktop.ui.supervision.table_pdf import write_table_pdf

        return f"{Path(out).name}（{write_table_pdf(doc, out)} 页）"
    from desktop.reports.table_xlsx import write_table_xlsx

    return write_table_xlsx(doc, out).name


def flagged_list_to(out: str | Path):
    def work(db: Database, _progress: Progress) -> Outcome:
        from desktop.reports.flagged import build_flagged

        flagged = build_flagged(db)
        written = _write(flagged.doc, out)
        return Outcome("挂牌督办清单", [f"已导出挂牌督办清单：{written}",
                                   f"共 {len(flagged.items)} 个挂牌督办问题。"],
                       Changes(message=f"已导出挂牌督办清单：{written}"))
    return work


def notice_to(problem_id: int, out: str | Path):
    def work(db: Database, _progress: Progress) -> Outcome:
        from desktop.reports.flagged import build_notice

        try:
            doc = build_notice(db, problem_id)
        except ValueError as exc:
            return Outcome("督办通知单", [str(exc)], refused=True)
        written = _write(doc, out)
        return Outcome("督办通知单", [f"已生成督办通知单：{written}"],
                       Changes(message=f"已生成督办通知单：{written}"))
    return work


def archive_to(folder: str | Path):
    def work(db: Database, progress: Progress) -> Outcome:
        from desktop.ledger.writing.archive import INDEX_NAME, export_archive

        result = export_archive(db, folder, progress)
        lines = [f"已导出佐证材料档案：{result.problems} 个问题、{result.files} 个文件",
                 f"位置：{result.out}（目录：{INDEX_NAME}）"]
        if result.missing:
            lines.append("找不到的材料（目录中标为缺失）：" + "；".join(result.missing))
        return Outcome("佐证材料档案", lines, Changes(message=lines[0]))
    return work


def chronicle_to(out: str | Path):
    def work(db: Database, _progress: Progress) -> Outcome:
        from desktop.ledger.writing.chronicle_out import export_chronicle

        path, count = export_chronicle(db, out)
        return Outcome("大事记", [f"已导出大事记 {count} 条：{path}"],
                       Changes(message=f"已导出大事记：{path.name}"))
    return work
