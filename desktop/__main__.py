"""python -m desktop: the window, or a command of the command line (CONTRACT.md)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli import command_names
    from desktop.cli import main as cli_main

    names = command_names()
    index = _command_index(argv, names)
    wants_cli = "--version" in argv or "-h" in argv or "--help" in argv
    if index is not None:   # "--db X export ledger …" reads as "export ledger … --db X"
        return cli_main(argv[index:] + argv[:index])
    if wants_cli:
        return cli_main(argv)
    from desktop.ui.app import main as window_main

    return window_main(argv)


def _command_index(argv: list[str], names: set[str]) -> int | None:
    """Where the command word is, skipping options given before it and their values."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in names:
            return i
        if not arg.startswith("-"):
            return None
        i += 1 if "=" in arg else 2
    return None


if __name__ == "__main__":
    sys.exit(main())
