"""The command line (CONTRACT.md): thin over the services, Chinese messages, exit codes 0/1/2.

Each command lives in its own module with `register(subparsers)`; COMMAND_MODULES lists them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop import __version__

COMMAND_MODULES = ["desktop.cli.register_cmds", "desktop.cli.import_cmd", "desktop.cli.export_cmds",
                   "desktop.cli.collect_cmd", "desktop.cli.report_cmds",
                   "desktop.cli.exchange_cmds"]

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(Exception):
    """The input was refused; nothing was changed. The message is for the clerk, in Chinese."""


class ChineseParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with a Chinese hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"用法错误：{message}\n使用 --help 查看说明。\n")
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="python -m desktop", description="整改台账 命令行")
    parser.add_argument("--version", action="version", version=f"整改台账 {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def command_names() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    if not getattr(args, "func", None):
        build_parser().print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or EXIT_OK)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 — the last guard (Rust panics are BaseException)
        from desktop.cli.failures import explain
        print(explain(exc), file=sys.stderr)
        return EXIT_REFUSED
