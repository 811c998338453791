"""import FILE...: superiors' ledgers into the register (CONTRACT.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db, print_json
from desktop.cli.outputs import check_output_file
from desktop.ledger.errors import Issue, LedgerRefused
from desktop.ledger.importing.importer import ImportResult, commit_reading, remembered_reading
from desktop.ledger.writing.failed_rows import write_failed_rows


def register(sub) -> None:
    p = sub.add_parser("import", help="导入上级下发的台账（.xlsx/.xlsm/.xls）")
    p.add_argument("files", nargs="+", metavar="FILE", help="台账文件，可多个")
    add_db(p)
    p.add_argument("--sheet", metavar="NAME", help="指定工作表（默认自动识别）")
    p.add_argument("--round", metavar="NAME", help="问题所属的督察批次（默认取表格标题）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入台账")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.add_argument("--failed-out", metavar="FILE", help="把未能导入的行写入此工作簿（附原因列）")
    p.set_defaults(func=cmd_import)


def _refused_json(path: str, message: str) -> dict:
    """A refused file in the same shape as any other result: nothing read, one error."""
    return ImportResult(Path(path).name, "", "", [], errors=[Issue("", 0, "", message)]).as_json()


def _failed_out(base: str, index: int, count: int) -> Path:
    path = Path(base)
    return path if count == 1 else path.with_name(f"{path.stem}-{index + 1}{path.suffix}")


def cmd_import(args: argparse.Namespace) -> int:
    for i in range(len(args.files) if args.failed_out else 0):   # before anything is imported
        check_output_file(_failed_out(args.failed_out, i, len(args.files)), "未导入行的工作簿")
    db = open_db(args)
    outputs, refused = [], []
    for i, file in enumerate(args.files):
        try:
            reading, saved = remembered_reading(db, file, sheet=args.sheet)
            result = commit_reading(db, reading, round_name=args.round or saved.get("round"),
                                    dry_run=args.dry_run)
        except LedgerRefused as exc:
            refused.append(str(exc))
            outputs.append(_refused_json(file, str(exc)))
            print(f"未导入：{exc}", file=sys.stderr)
            continue
        if args.failed_out and reading.skipped_rows:
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
