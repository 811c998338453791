"""--screenshot (CONTRACT.md): render the window off screen at 1600×1000, save a PNG, exit 0."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

SIZE = (1600, 1000)


def save_screenshot(app: QApplication, window, out: str, view: str) -> int:
    window.resize(*SIZE)
    window.show_view(view)
    window.show()
    result = {"code": 1}

    def grab() -> None:
        window.resize(*SIZE)
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        image = window.grab().toImage()
        if image.save(str(target), "PNG"):
            result["code"] = 0
            print(f"已保存截图：{target}（{image.width()}×{image.height()}）")
        else:
            print(f"无法保存截图到：{target}", file=sys.stderr)
        window.close()
        app.quit()

    def when_idle() -> None:  # views that compute off the UI thread finish first
        if window.tasks.busy and waited["ms"] < 60000:
            waited["ms"] += 100
            QTimer.singleShot(100, when_idle)
        else:
            QTimer.singleShot(300, grab)

    waited = {"ms": 0}
    QTimer.singleShot(100, when_idle)
    app.exec()
    return result["code"]
