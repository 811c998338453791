"""Helpers shared by the command modules: opening the register, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys

from db.connection import RegisterError, open_register
from desktop.cli import Refused


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="台账文件（默认在用户数据目录）")


def open_db(args: argparse.Namespace):
    try:
        return open_register(args.db)
    except RegisterError as exc:
        raise Refused(str(exc)) from exc


def print_json(data: object) -> None:
    try:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error
        sys.stderr.close()
