"""python -m desktop: the window, or a command of the command line (CONTRACT.md)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from desktop.cli import command_names
    from desktop.cli import main as cli_main

    first = next((a for a in argv if not a.startswith("-")), None)
    wants_cli = "--version" in argv or "-h" in argv or "--help" in argv
    if wants_cli or (first is not None and first in command_names()):
        return cli_main(argv)
    from desktop.ui.app import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())
