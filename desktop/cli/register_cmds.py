"""demo, dump, check, backup, undo: the register itself."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db, print_json
from desktop.cli.outputs import check_output_file
from desktop.core.dates import parse_typed_date


def register(sub) -> None:
    p = sub.add_parser("demo", help="创建演示台账（63项重点任务及一年的月度进展）")
    add_db(p)
    p.add_argument("--as-of", help="演示数据的截至日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("dump", help="以 JSON 输出整个台账")
    add_db(p)
    p.set_defaults(func=cmd_dump)
    p = sub.add_parser("check", help="检查台账完整性和结构版本")
    add_db(p)
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("backup", help="备份台账（SQLite 备份接口）")
    add_db(p)
    p.add_argument("--out", metavar="FILE", help="备份文件（默认在用户数据目录的 backups）")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("undo", help="撤销最近一次更改（一次导入、收集或编辑）")
    add_db(p)
    p.set_defaults(func=cmd_undo)
    p = sub.add_parser("redo", help="重做最近一次撤销的更改")
    add_db(p)
    p.set_defaults(func=cmd_redo)


def parse_date(text: str | None, what: str = "日期") -> dt.date | None:
    """A date given on the command line, in any form clerks write (desktop.core.dates)."""
    try:
        return parse_typed_date(text)
    except ValueError as exc:
        raise Refused(f"{what}：{exc}") from exc


def cmd_demo(args: argparse.Namespace) -> int:
    from db.demo import build_demo

    as_of = parse_date(args.as_of, "截至日期")
    if args.db:
        check_output_file(args.db, "台账文件")
    db = open_db(args)
    if db["problems"].count:
        raise Refused("该台账已有数据，未写入演示数据。请用 --db 指定一个新的台账文件。")
    count = build_demo(db, as_of=as_of)
    print(f"已创建演示台账：{count} 项重点任务，含一年的月度进展。")
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from db.records import dump_register

    print_json(dump_register(open_db(args)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from db.backup import check_register

    result = check_register(open_db(args))
    print(f"结构版本：{result.schema_version}（程序版本需要 {result.latest_version}）")
    print("记录数：" + "，".join(f"{k} {v}" for k, v in result.counts.items()))
    for message in result.messages:
        print(message)
    print("检查通过，台账完好。" if result.ok else "检查未通过，请从备份恢复或联系维护人员。")
    return 0 if result.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    if args.out:
        check_output_file(args.out, "备份文件")
    from db.backup import backup_register

    out = backup_register(open_db(args), args.out)
    print(f"已备份到：{out}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from db.changes import undo

    return _step_back_or_forth(undo(open_db(args)), "撤销", "没有可以撤销的操作。")


def cmd_redo(args: argparse.Namespace) -> int:
    from db.changes import redo

    return _step_back_or_forth(redo(open_db(args)), "重做", "没有可以重做的操作"
                               "（撤销之后又有新的更改时，被撤销的操作不能再重做）。")


def _step_back_or_forth(info, verb: str, nothing: str) -> int:
    """Say which step was undone or redone (or that there was none); exit 0 either way."""
    print(nothing if info is None
          else f"已{verb}：{info.name}（{info.created_at}，{info.changes} 处更改）")
    return 0
