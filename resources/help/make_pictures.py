"""Draws the help page's pictures from the program itself (run by hand after the window changes):

    python resources/help/make_pictures.py

Builds a demo register in a temporary folder and renders each view with
`python -m desktop --screenshot`; then, in a window of its own, the import dialog on the county
sample ledger and a problem's dialog on its 进展情况 tab. Every picture is scaled to 1000 px wide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "img"
VIEWS = ("register", "dashboard", "report")
SAMPLE = ROOT / "tests" / "fixtures" / "samples" / "ledger_county_problems.xlsx"


def _run(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, check=True)


def _save(image, name: str) -> None:
    from PySide6.QtCore import Qt

    image.scaledToWidth(1000, Qt.TransformationMode.SmoothTransformation).save(
        str(OUT / f"{name}.png"), "PNG")
    print(f"已生成 {OUT / f'{name}.png'}")


def _settle(app, ms: int = 1500) -> None:
    import time

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _dialogs(db: str, ledger: Path) -> None:
    """The import dialog and a problem dialog, drawn in this process."""
    sys.path.insert(0, str(ROOT))
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    app = application()
    window = MainWindow(open_session(db), window_settings(), remember_layout=False)
    window.resize(1600, 1000)
    window.show()
    dialog = window.commands.import_ledger(str(ledger))
    dialog.resize(1400, 860)
    _settle(app, 4000)
    dialog.round.setCurrentText("XX县第二轮中央督察整改")
    dialog.feedback.field.line.setText("2021年7月20日")
    _settle(app)
    _save(dialog.grab().toImage(), "import")
    dialog.close()
    problem = window.commands.open_problem(window.register_view.model.all_rows()[2]["id"])
    problem.tabs.setCurrentWidget(problem.progress)
    problem.progress.text.setPlainText("主体工程完成七成，正在组织中期核查")
    problem.progress.next_steps.setPlainText("下月完成管网验收")
    _settle(app)
    _save(problem.grab().toImage(), "problem")
    problem.discard_and_close()
    window.close()


def main() -> int:
    from PySide6.QtGui import QImage

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(QT_QPA_PLATFORM="offscreen", RECTIFICATION_LEDGER_HOME=tmp)
        env = dict(os.environ)
        db = str(Path(tmp) / "演示台账.db")
        _run("demo", "--db", db, env=env)
        OUT.mkdir(exist_ok=True)
        for view in VIEWS:
            shot = Path(tmp) / f"{view}.png"
            _run("--db", db, "--screenshot", str(shot), "--view", view, env=env)
            _save(QImage(str(shot)), view)
        ledger = Path(tmp) / "上级下发" / "XX县督察整改问题清单.xlsx"
        ledger.parent.mkdir()
        shutil.copy(SAMPLE, ledger)
        _dialogs(db, ledger)
    return 0


if __name__ == "__main__":
    sys.exit(main())
