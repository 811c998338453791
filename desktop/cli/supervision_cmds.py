"""report flagged, export archive, export chronicle (CONTRACT.md).

    python -m desktop report flagged --db PATH [--pdf OUT.pdf] [--xlsx OUT.xlsx] [--as-of DATE]
    python -m desktop export archive --db PATH --out DIR
    python -m desktop export chronicle --db PATH --out OUT.docx|OUT.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db
from desktop.cli.register_cmds import parse_date


def add_report_flagged(kinds) -> None:
    p = kinds.add_parser("flagged", help="挂牌督办问题清单（PDF、Excel）")
    add_db(p)
    p.add_argument("--pdf", metavar="OUT.pdf", help="输出 PDF")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="输出 Excel 工作簿")
    p.add_argument("--as-of", help="截至日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(func=cmd_flagged)


def _target(path: str | None, suffix: str) -> Path | None:
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise Refused(f"输出文件“{path}”的扩展名应为 {suffix}。")
    if target.is_dir():
        raise Refused(f"“{path}”是一个文件夹，请给出文件名。")
    return target


def cmd_flagged(args: argparse.Namespace) -> int:
    from desktop.reports.flagged import build_flagged

    pdf, xlsx = _target(args.pdf, ".pdf"), _target(args.xlsx, ".xlsx")
    flagged = build_flagged(open_db(args), parse_date(args.as_of, "截至日期"))
    print(flagged.doc.lines[0])
    for cells in flagged.doc.rows:
        print(f"{cells[1]}．{cells[2]}（{cells[3]}，督办领导：{cells[4]}）{cells[10]}")
    try:
        if xlsx:
            from desktop.reports.table_xlsx import write_table_xlsx

            print(f"已生成 Excel：{write_table_xlsx(flagged.doc, xlsx)}")
        if pdf:
            from desktop.ui.supervision.table_pdf import write_table_pdf

            print(f"已生成 PDF：{pdf}（{write_table_pdf(flagged.doc, pdf)} 页）")
    except OSError as exc:
        raise Refused(f"无法写入输出文件：{exc}") from exc
    return 0


def archive_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR", help="存放档案的文件夹")


def run_archive(args: argparse.Namespace) -> int:
    from desktop.ledger.writing.archive import INDEX_NAME, export_archive

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise Refused(f"“{out}”是一个文件，请给出文件夹。")
    try:
        result = export_archive(open_db(args), out)
    except OSError as exc:
        raise Refused(f"无法写入档案文件夹：{exc}") from exc
    print(f"已导出佐证材料档案：{result.problems} 个问题、{result.files} 个文件 → {out}"
          f"（目录：{INDEX_NAME}）")
    if result.missing:
        print("以下材料在佐证材料文件夹中找不到（已在目录中标为缺失）：" + "；".join(result.missing))
    return 0


def chronicle_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="OUT.docx|OUT.xlsx", help="大事记文件")


def run_chronicle(args: argparse.Namespace) -> int:
    from desktop.ledger.writing.chronicle_out import export_chronicle

    if Path(args.out).suffix.lower() not in (".docx", ".xlsx"):
        raise Refused(f"大事记只能导出为 .docx 或 .xlsx，“{args.out}”不是。")
    try:
        path, count = export_chronicle(open_db(args), args.out)
    except OSError as exc:
        raise Refused(f"无法写入输出文件：{exc}") from exc
    print(f"已导出大事记 {count} 条 → {path}")
    return 0
