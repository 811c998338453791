"""import FILE...: superiors' ledgers into the register (CONTRACT.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db, print_json
from desktop.cli.outputs import check_output_file
from desktop.core.deadlines import first_date


def register(sub) -> None:
    p = sub.add_parser("import", help="导入上级下发的台账（.xlsx/.xlsm/.xls）、Word 问题清单或整改方案正文（.docx/.txt）")
    p.add_argument("files", nargs="+", metavar="FILE", help="台账文件，可多个")
    add_db(p)
    p.add_argument("--sheet", metavar="NAME", help="指定工作表（默认自动识别）")
    p.add_argument("--round", metavar="NAME",
                   help="问题所属的督察批次（默认取表格标题；各行有“问题来源”的按各行的来源）")
    p.add_argument("--feedback-date", metavar="DATE",
                   help="新建批次的反馈日期，如 2022-06-30 或 2022年6月30日（用于序时进度）")
    p.add_argument("--kind", choices=("problems", "petitions"),
                   help="指定台账种类：problems 问题台账，petitions 信访件台账（默认自动识别）")
    p.add_argument("--map", metavar="表头=字段,…", dest="column_map",
                   help="逐列指定含义，如 \"被督察单位=responsible_units,计划完成时间=deadline\"；"
                        "字段名见 DOMAIN.md（也可写中文，如 责任单位），“不导入”不导入该列；"
                        "导入后记住，同样格式的表格下次照此读取")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入台账")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.add_argument("--failed-out", metavar="FILE", help="把未能导入的行写入此工作簿（附原因列）")
    p.set_defaults(func=cmd_import)


def _refused_json(path: str, message: str) -> dict:
    """A refused file in the same shape as any other result: nothing read, one error."""
    from desktop.ledger.errors import Issue
    from desktop.ledger.importing.result import ImportResult

    return ImportResult(Path(path).name, "", "", [], errors=[Issue("", 0, "", message)]).as_json()


def _failed_out(base: str, index: int, count: int) -> Path:
    path = Path(base)
    return path if count == 1 else path.with_name(f"{path.stem}-{index + 1}{path.suffix}")


def _feedback_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    day, note = first_date(text)
    if day is None:
        raise Refused(f"反馈日期“{text}”不是日期{('：' + note) if note else ''}。请写成 2022-06-30 或"
                      " 2022年6月30日。台账未改变。")
    return day


def cmd_import(args: argparse.Namespace) -> int:
    for i in range(len(args.files) if args.failed_out else 0):   # before anything is imported
        check_output_file(_failed_out(args.failed_out, i, len(args.files)), "未导入行的工作簿")
    from desktop.ledger.long_work import lasting_objects

    feedback_date = _feedback_date(args.feedback_date)
    db = open_db(args)
    with lasting_objects():
        return _import_files(args, db, feedback_date)


def _import_files(args: argparse.Namespace, db, feedback_date: dt.date | None) -> int:
    from desktop.ledger.errors import LedgerRefused
    from desktop.ledger.importing.importer import commit_reading, remembered_reading

    outputs, refused = [], []
    for i, file in enumerate(args.files):
        try:
            reading, saved = remembered_reading(db, file, sheet=args.sheet, kind=args.kind,
                                                column_map=args.column_map)
            result = commit_reading(db, reading, round_name=args.round or saved.get("round"),
                                    dry_run=args.dry_run, feedback_date=feedback_date)
        except LedgerRefused as exc:
            refused.append(str(exc))
            outputs.append(_refused_json(file, str(exc)))
            print(f"未导入：{exc}", file=sys.stderr)
            continue
        if args.failed_out and reading.skipped_rows:
            from desktop.ledger.writing.failed_rows import write_failed_rows

            write_failed_rows(reading, _failed_out(args.failed_out, i, len(args.files)))
        outputs.append(result.as_json())
        if not args.json:
            print("\n".join(result.summary_lines()))
        if result.errors:
            refused.append(result.errors[0].message)
    if args.json:
        print_json(outputs[0] if len(outputs) == 1 else outputs)
    if refused:
        raise Refused(f"有 {len(refused)} 个文件未能导入，台账中这些文件的内容未改变。")
    return 0
