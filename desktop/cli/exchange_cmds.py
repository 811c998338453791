"""`export package --out F.zip [--round R] [--unit U]` and `merge F.zip [--json] [--dry-run]`:
exchange packages between laptops and offices (desktop/exchange)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import Refused
from desktop.cli.common import add_db, open_db, print_json


def package_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="OUT.zip", help="交换包文件（.zip）")
    p.add_argument("--round", metavar="批次", help="只打包这个督察批次的问题")
    p.add_argument("--unit", metavar="单位", help="只打包这个单位牵头或负责的问题")
    p.add_argument("--json", action="store_true", help="以 JSON 输出打包结果")


def run_package(args: argparse.Namespace) -> int:
    from desktop.exchange.package_out import export_package

    try:
        result = export_package(open_db(args), args.out, round_name=args.round, unit=args.unit)
    except (ValueError, OSError) as exc:
        raise Refused(f"{exc}") from exc
    if args.json:
        print_json({"file": str(result.path), "problems": result.problems, "rows": result.rows,
                    "files": result.files, "changes": result.changes,
                    "missing_files": result.missing_files})
    else:
        print(result.summary())
    return 0


def register(sub) -> None:
    p = sub.add_parser("merge", help="合并另一台电脑或单位的交换包（按批次和编号对应，可撤销）")
    p.add_argument("package", metavar="PACKAGE.zip", help="交换包文件")
    add_db(p)
    p.add_argument("--dry-run", action="store_true", help="只检查并列出将合并的内容和冲突，不写入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出合并结果")
    p.set_defaults(func=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.exchange.merge import PackageRefused, merge_package

    if not Path(args.package).is_file():
        raise Refused(f"找不到交换包：{args.package}。台账未改变。")
    try:
        result = merge_package(open_db(args), args.package, dry_run=args.dry_run)
    except PackageRefused as exc:
        raise Refused(str(exc)) from exc
    if args.json:
        print_json(result.as_json())
        return 0
    for line in result.summary_lines():
        print(line)
    if result.conflicts:
        print(f"有 {len(result.conflicts)} 处冲突，命令行保留了本台账的值；"
              "如需逐项选择，请在窗口中用“文件 → 合并交换包”。")
    if args.dry_run:
        print("试运行：未写入台账。")
    return 0
