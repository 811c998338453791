"""`export ledger | unit-forms`: workbooks out of the register.

Each sub-command is one entry in SUBCOMMANDS: (name, help, add_arguments, run). Adding one
(fill-back) is a function for its arguments, a function that runs it, and a line in the list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from desktop.cli import ChineseParser, Refused
from desktop.cli import supervision_cmds as sup
from desktop.cli.common import add_db, open_db, print_json
from desktop.cli.exchange_cmds import package_args, run_package
from desktop.cli.outputs import check_output_file, check_output_folder
from desktop.cli.register_cmds import parse_date


def _ledger_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="OUT.xlsx", help="输出的台账工作簿")
    p.add_argument("--as-of", help="表头“截至”日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--title", help="标题（默认按填报单位或督察批次生成）")
    p.add_argument("--office", help="填报单位（默认取设置中的单位名称）")


def run_ledger(args: argparse.Namespace) -> int:
    from desktop.ledger.writing.export_ledger import export_ledger

    check_output_file(args.out)
    result = export_ledger(open_db(args), args.out, as_of=parse_date(args.as_of, "截至日期"),
                           title=args.title, office=args.office)
    print(f"已导出台账：{result.path}（{result.problems} 个问题、{result.measures} 条措施，"
          f"共 {result.rows} 行）")
    return 0


def _unit_forms_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR", help="存放填报表的文件夹")
    p.add_argument("--period", metavar="YYYY-MM|YYYY-Www",
                   help="填报期间：月 YYYY-MM 或 ISO 周 YYYY-Www（默认本月）")
    p.add_argument("--unit", action="append", metavar="单位", help="只生成这些单位的填报表（可重复）")
    p.add_argument("--round", action="append", metavar="督察批次", help="只含这些批次的问题（可重复）")
    p.add_argument("--include-completed", action="store_true",
                   help="也包括已完成、已销号的问题（默认只问尚未完成的问题）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出生成的文件")


def run_unit_forms(args: argparse.Namespace) -> int:
    from desktop.ledger.forms.unit_forms import export_unit_forms

    check_output_folder(args.out, "存放填报表的文件夹")
    try:
        forms = export_unit_forms(open_db(args), args.out, period=args.period, units=args.unit,
                                  rounds=args.round, include_completed=args.include_completed)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    if args.json:
        print_json([{"unit": f.unit, "period": f.period, "file": str(f.path),
                     "problems": f.problems} for f in forms]
                   + [{"unit": u["unit"], "undistributed": True, "reason": u["reason"],
                       "codes": u["codes"]} for u in forms.undistributed])
        return 0
    for form in forms:
        print(f"{form.unit}：{form.problems} 个问题 → {form.path.name}")
    for group in forms.undistributed:
        print(f"未分发：{group['reason']}（涉及问题 {'、'.join(group['codes'][:20])}）")
    print(f"共生成 {len(forms)} 份填报表，保存在：{args.out}" if forms
          else "台账中没有需要填报的单位，未生成填报表。")
    return 0


def _fill_back_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--template", required=True, metavar="SUPERIOR.xlsx", help="上级下发的表格（不会被修改）")
    p.add_argument("--out", required=True, metavar="OUT.xlsx", help="回填后的新文件")
    p.add_argument("--as-of", help="取截至该日期（所在月份）的最新进展 YYYY-MM-DD（默认当前）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出回填结果")


def run_fill_back(args: argparse.Namespace) -> int:
    from desktop.ledger.errors import LedgerRefused
    from desktop.ledger.writing.fill_back import fill_back
    from desktop.ledger.writing.workbook_features import features_lost_on_save

    check_output_file(args.out)
    for lost in features_lost_on_save(args.template):    # said before anything is written
        print(f"注意：上级表格中的{lost}在保存时无法保留，请在回填后的文件中核对。", file=sys.stderr)
    try:
        result = fill_back(open_db(args), args.template, args.out,
                           as_of=parse_date(args.as_of, "截至日期"))
    except LedgerRefused as exc:
        raise Refused(str(exc)) from exc
    if args.json:
        print_json(result.as_json())
        return 0
    rows = "、".join(str(f["row"]) for f in result.filled)
    print(f"已回填 {len(result.filled)} 个问题（工作表“{result.sheet}”第 {rows} 行）→ {result.path}")
    if result.no_progress:
        print(f"尚无进展、未填写：{'、'.join(result.no_progress)}")
    if result.not_in_register:
        print(f"上级表格中有、本台账中没有（未填写）：{'、'.join(result.not_in_register)}")
    if result.not_in_template:
        print(f"本台账中有、上级表格中没有（未添加）：{'、'.join(result.not_in_template)}")
    for row in result.disagree:
        print(f"第{row['row']}行问题{row['code']}与本台账的问题内容不符，未填写："
              f"上级表为“{row['template']}”，本台账为“{row['register']}”")
    if result.as_of_cells:
        print(f"已把表头的截至日期改为{args.as_of or '今天'}（{'、'.join(result.as_of_cells)}）")
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    return 0


Run = Callable[[argparse.Namespace], int]
SUBCOMMANDS: list[tuple[str, str, Callable[[argparse.ArgumentParser], None], Run]] = [
    ("ledger", "导出整洁、可打印的整改台账工作簿", _ledger_args, run_ledger),
    ("unit-forms", "为每个责任单位生成本期进展填报表", _unit_forms_args, run_unit_forms),
    ("fill-back", "把进展和状态填回上级下发的表格（另存新文件）", _fill_back_args, run_fill_back),
    ("package", "导出交换包，交给另一台电脑或单位合并", package_args, run_package),
    ("archive", "导出佐证材料档案（每个问题一个文件夹和档案目录）", sup.archive_args, sup.run_archive),
    ("chronicle", "导出大事记（Word 或 Excel）", sup.chronicle_args, sup.run_chronicle),
]


def register(sub) -> None:
    parser = sub.add_parser("export", help="导出台账、回填上级表格、生成单位填报表")
    parser.set_defaults(func=lambda args: _missing(parser))
    inner = parser.add_subparsers(dest="export_kind", metavar="类型", parser_class=ChineseParser)
    for name, help_text, add_arguments, run in SUBCOMMANDS:
        p = inner.add_parser(name, help=help_text)
        add_db(p)
        add_arguments(p)
        p.set_defaults(func=run)


def _missing(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2
