"""Helpers shared by the command modules: opening the register, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli import Refused


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="台账文件（默认在用户数据目录）")


def open_db(args: argparse.Namespace):
    from db.connection import RegisterError, default_register_path, open_register, read_only_reason

    first_run = not args.db and not default_register_path().exists()
    try:
        db = open_register(args.db)
    except RegisterError as exc:
        raise Refused(str(exc)) from exc
    if read_only_reason(db):    # said once, on stderr; every write is refused with it
        print(f"注意：{read_only_reason(db)}", file=sys.stderr)
    if first_run:  # say where the new register is, on stderr so JSON output stays clean
        print(f"首次使用：已在用户数据目录创建台账 {default_register_path()}", file=sys.stderr)
    return db


def print_json(data: object) -> None:
    try:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error
        sys.stderr.close()
