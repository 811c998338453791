"""summary and report monthly (CONTRACT.md): the disclosure paragraph and the monthly sheet.

    python -m desktop summary --db PATH [--as-of DATE]
    python -m desktop report monthly --db PATH --month YYYY-MM [--pdf OUT.pdf] [--xlsx OUT.xlsx]
                                     [--page-size A4|A3]
    python -m desktop report weekly --db PATH --week YYYY-Www [--pdf OUT.pdf] [--xlsx OUT.xlsx]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli import Refused, timeline_cmd
from desktop.cli.common import add_db, open_db
from desktop.cli.outputs import check_output_file
from desktop.cli.register_cmds import parse_date
from desktop.cli.supervision_cmds import add_report_flagged


def register(sub) -> None:
    p = sub.add_parser("summary", help="输出信息公开用的整改进展段落")
    add_db(p)
    p.add_argument("--as-of", help="截至日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(func=cmd_summary)
    report = sub.add_parser("report", help="报表")
    kinds = report.add_subparsers(dest="report", metavar="报表", required=True,
                                  parser_class=type(report))
    p = kinds.add_parser("monthly", help="月度整改进展情况表（含段落和图表）")
    add_db(p)
    p.add_argument("--month", required=True, help="月份 YYYY-MM")
    p.add_argument("--pdf", metavar="OUT.pdf", help="输出 PDF")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="输出 Excel 工作簿")
    p.add_argument("--page-size", choices=("A4", "A3"), default="A4", help="纸张（横向），默认 A4")
    p.set_defaults(func=cmd_monthly)
    p = kinds.add_parser("weekly", help="信息周报告：一周的整改进展情况表（与月报同表、同口径）")
    add_db(p)
    p.add_argument("--week", required=True, help="ISO 周 YYYY-Www，例如 2022-W23")
    p.add_argument("--pdf", metavar="OUT.pdf", help="输出 PDF")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="输出 Excel 工作簿")
    p.add_argument("--page-size", choices=("A4", "A3"), default="A4", help="纸张（横向），默认 A4")
    p.set_defaults(func=cmd_weekly)
    timeline_cmd.register(kinds)
    add_report_flagged(kinds)


def cmd_summary(args: argparse.Namespace) -> int:
    from desktop.reports.snapshot import take_snapshot

    as_of = parse_date(args.as_of, "截至日期") or dt.date.today()
    print(take_snapshot(open_db(args), as_of).paragraph())
    return 0


def _writable(path: str, suffix: str) -> Path:
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise Refused(f"输出文件“{path}”的扩展名应为 {suffix}。")
    if target.exists() and target.is_dir():
        raise Refused(f"“{path}”是一个文件夹，请给出文件名。")
    return check_output_file(target)


def cmd_monthly(args: argparse.Namespace) -> int:
    from desktop.reports.monthly import build_monthly, parse_month

    try:
        parse_month(args.month)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    pdf = _writable(args.pdf, ".pdf") if args.pdf else None
    xlsx = _writable(args.xlsx, ".xlsx") if args.xlsx else None
    return _output(args, build_monthly(open_db(args), args.month), pdf, xlsx)


def cmd_weekly(args: argparse.Namespace) -> int:
    from desktop.reports.monthly import build_weekly, parse_week

    try:
        week = parse_week(args.week)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    pdf = _writable(args.pdf, ".pdf") if args.pdf else None
    xlsx = _writable(args.xlsx, ".xlsx") if args.xlsx else None
    return _output(args, build_weekly(open_db(args), week), pdf, xlsx)


def _output(args: argparse.Namespace, sheet, pdf: Path | None, xlsx: Path | None) -> int:
    """Print the sheet's title, paragraph and count; write its Excel and PDF when asked."""
    from desktop.reports.fonts import cjk_fonts_found

    print(sheet.title)
    print(sheet.paragraph)
    print(f"共 {len(sheet.rows)} 个问题。")
    if (pdf or xlsx) and not cjk_fonts_found():
        print("提示：未找到中文字体（微软雅黑、黑体、宋体或 Noto CJK），图表中的中文可能显示为方框。",
              file=sys.stderr)
    try:
        if xlsx:
            from desktop.reports.monthly_xlsx import write_monthly_xlsx

            write_monthly_xlsx(sheet, xlsx, page_size=args.page_size)
            print(f"已生成 Excel：{xlsx}")
        if pdf:
            from desktop.ui.printing import write_pdf

            pages = write_pdf(sheet, pdf, page_size=args.page_size)
            print(f"已生成 PDF：{pdf}（{pages} 页）")
    except OSError as exc:
        raise Refused(f"无法写入输出文件：{exc}") from exc
    return 0
