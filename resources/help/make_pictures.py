"""Draws the help page's pictures from the program itself (run by hand after the window changes):

    python resources/help/make_pictures.py

Builds a demo register in a temporary folder, imports the county sample ledger into it, and
renders each view with `python -m desktop --screenshot`, then scales them to 1000 px wide.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "img"
VIEWS = ("register", "dashboard", "report")


def _run(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, check=True)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RECTIFICATION_LEDGER_HOME=tmp)
        db = str(Path(tmp) / "演示台账.db")
        _run("demo", "--db", db, env=env)
        OUT.mkdir(exist_ok=True)
        app = QGuiApplication.instance() or QGuiApplication(["pictures"])
        for view in VIEWS:
            shot = Path(tmp) / f"{view}.png"
            _run("--db", db, "--screenshot", str(shot), "--view", view, env=env)
            image = QImage(str(shot)).scaledToWidth(1000, Qt.TransformationMode.SmoothTransformation)
            image.save(str(OUT / f"{view}.png"), "PNG")
            print(f"已生成 {OUT / f'{view}.png'}")
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
