"""report timeline: the 挂图作战 wall chart as an A3 landscape PDF (CONTRACT.md).

    python -m desktop report timeline --db PATH --pdf OUT.pdf [--by unit|round]
                                      [--zoom month|quarter] [--no-measures] [--as-of DATE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db


def register(kinds) -> None:
    p = kinds.add_parser("timeline", help="挂图作战图：各问题和措施的时间进度条（A3 横向 PDF）")
    add_db(p)
    p.add_argument("--pdf", metavar="OUT.pdf", required=True, help="输出 PDF（A3 横向）")
    p.add_argument("--by", choices=("unit", "round"), default="unit",
                   help="分组：unit 按牵头单位（默认），round 按督察批次")
    p.add_argument("--zoom", choices=("month", "quarter"), default="month",
                   help="时间刻度：month 按月（默认），quarter 按季度")
    p.add_argument("--no-measures", action="store_true", help="只画问题，不画整改措施")
    p.add_argument("--as-of", help="截至日期 YYYY-MM-DD（默认今天），即图中的“今天”线")
    p.set_defaults(func=cmd_timeline)


def cmd_timeline(args: argparse.Namespace) -> int:
    from desktop.cli.register_cmds import parse_date
    from desktop.cli.report_cmds import _writable
    from desktop.reports.fonts import cjk_fonts_found
    from desktop.reports.timeline import build_timeline
    from desktop.reports.timeline_pages import write_timeline_pdf

    as_of = parse_date(args.as_of, "截至日期") or dt.date.today()
    pdf = _writable(args.pdf, ".pdf")
    timeline = build_timeline(open_db(args), as_of, group_by=args.by,
                              measures=not args.no_measures)
    if not timeline.bars:
        raise Refused("台账中还没有问题，无法生成挂图作战图。请先导入台账。")
    if not cjk_fonts_found():
        print("提示：未找到中文字体，图中的中文可能显示为方框。", file=sys.stderr)
    try:
        pages = write_timeline_pdf(timeline, pdf, zoom=args.zoom, measures=not args.no_measures)
    except OSError as exc:
        raise Refused(f"无法写入输出文件：{exc}") from exc
    problems = sum(not b.is_measure for b in timeline.bars)
    print(timeline.title)
    print(f"共 {problems} 个问题、{len(timeline.bars) - problems} 条措施，分 {len(timeline.groups)} 组。")
    print(f"已生成 PDF：{pdf}（A3 横向，{pages} 页）")
    return 0
