"""The program timed as it is installed: its own modules compiled to bytecode.

An installed program starts from bytecode: PyInstaller's folder holds it, `bootstrap.py run`
compiles the sources once, and Python writes it on the first start anywhere else. pandas,
openpyxl and LibreOffice are timed as pip and Debian installed them, compiled likewise. Where
PYTHONDONTWRITEBYTECODE is set (as on the test machine), nothing would ever write ours, and
every timed start would compile the program's sources again; so each benchmark compiles them
first, as an installation does, and says so.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compile_program() -> str:
    """Bytecode for desktop/ and db/ (written beside the sources, in __pycache__); a line for
    the benchmark's output."""
    ok = all(compileall.compile_dir(ROOT / name, quiet=1) for name in ("desktop", "db"))
    setting = os.environ.get("PYTHONDONTWRITEBYTECODE")
    return (f"bytecode: desktop/ and db/ compiled first, as installed"
            f"{'' if ok else ' (some files failed to compile)'}"
            f"{'; PYTHONDONTWRITEBYTECODE=' + setting + ' here' if setting else ''}")
