"""`collect FILE... --db PATH [--json]`: record the progress units sent back on their forms."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db, print_json
from desktop.core.status import status_label


def register(sub) -> None:
    p = sub.add_parser("collect", help="收集各单位交回的填报表，记为本期进展")
    p.add_argument("files", nargs="+", metavar="FILE", help="交回的填报表（.xlsx）")
    add_db(p)
    p.add_argument("--period", metavar="YYYY-MM",
                   help="本次收集的填报期间（默认最近一次生成填报表的期间）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入台账")
    p.add_argument("--json", action="store_true", help="以 JSON 输出每份填报表的结果")
    p.set_defaults(func=cmd_collect)


def cmd_collect(args: argparse.Namespace) -> int:
    from desktop.ledger.forms.collect import collect_forms

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise Refused("找不到文件：" + "、".join(missing) + "。未收集任何填报表。")
    try:
        result = collect_forms(open_db(args), args.files, period=args.period,
                               dry_run=args.dry_run, newer_wins=True)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    if args.json:
        print_json(dataclasses.asdict(result))
    else:
        _print_human(result, args.dry_run)
    if result.refused:
        print(f"有 {len(result.refused)} 份填报表被拒收（见上），"
              + ("其余填报表已记录。" if result.committed else "本次未记录任何内容。"),
              file=sys.stderr)
        return 0 if result.committed else 1
    return 0


def _print_human(result, dry_run: bool) -> None:
    from desktop.ledger.forms.collect import edit_kept_message

    for f in result.files:
        name = Path(f.file).name
        if f.refused:
            print(f"《{name}》：已拒收。{f.refused}")
            for error in f.errors:
                print(f"  {error['message']}")
            continue
        codes = "、".join(r["code"] for r in f.recorded)
        print(f"《{name}》（{f.unit}，{f.period}）：新记录 {len(f.recorded)} 条"
              + (f"（问题 {codes}）" if codes else "") + "，"
              f"已收集过 {len(f.unchanged)} 条，同一单位两个版本 {len(f.conflicts)} 条，"
              f"未填写 {f.empty_rows} 行" + (f"，跳过 {len(f.skipped)} 条" if f.skipped else ""))
        for skipped in f.skipped:
            print(f"  第{skipped['row']}行：{skipped['reason']}")
    for conflict in result.conflicts:
        print(f"同一单位两个版本：{conflict['message']}")
    for merged in result.merged:
        print(f"问题{merged['code']}（{merged['round']}）{merged['period']} 汇总进展："
              f"{merged['text'] or '（无进展文字）'}；状态：{status_label(merged['status'])}")
    for merged in result.edits_kept:
        print(edit_kept_message(merged))
    if result.committed:
        print(f"已记录为一个操作“{result.step_name}”，可用 undo 撤销。")
    elif dry_run:
        print("试运行：未写入台账。")
    elif not result.refused:
        print("没有新的进展需要记录，台账未改变。")
