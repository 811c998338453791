"""What the clerk does with mouse and keyboard, and what the test checks about the screen.

Menus are opened by clicking the menu bar and the item; message boxes are answered by clicking
their buttons while they are on screen. Before any box is answered the test checks that it is the
window the window manager made active and that no progress window is left open over it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from tests.ui.helpers import choose, type_text  # noqa: F401 - re-exported for the steps

CLICK = 560   # longer than a double click, so two clicks never read as one


def active_x_window() -> int:
    """The window the window manager made active (_NET_ACTIVE_WINDOW), as an X window id."""
    out = subprocess.run(["xprop", "-root", "_NET_ACTIVE_WINDOW"], capture_output=True,
                         text=True, check=True).stdout
    word = out.rsplit(" ", 1)[-1].strip()
    return int(word, 16) if word.startswith("0x") else 0   # "not found." before any window


def open_progress_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


class Clerk:
    def __init__(self, qtbot, shots: Path):
        self.qtbot, self.shots = qtbot, shots
        self.boxes: list[str] = []       # every message box answered, title and text

    # -- looking ------------------------------------------------------------------------
    def shot(self, name: str) -> Path:
        """The whole screen as the clerk sees it, window manager's frames included."""
        QApplication.processEvents()
        self.qtbot.wait(120)
        path = self.shots / f"{name}.png"
        assert QGuiApplication.primaryScreen().grabWindow(0).save(str(path)), path
        return path

    # -- menus --------------------------------------------------------------------------
    def menu(self, window, *path: str) -> None:
        """Click through the menu bar: menu(window, "文件", "导出", "收集填报表…")."""
        bar = window.menuBar()
        action = next(a for a in bar.actions() if a.text().startswith(path[0]))
        self.qtbot.mouseClick(bar, _left(), pos=bar.actionGeometry(action).center())
        menu = action.menu()
        for label in path[1:]:
            self.qtbot.waitUntil(menu.isVisible)
            item = next(a for a in menu.actions() if a.text().startswith(label))
            assert item.isEnabled(), f"菜单项“{label}”不可用"
            rect = menu.actionGeometry(item)
            self.qtbot.mouseMove(menu, rect.center())
            self.qtbot.wait(CLICK)
            if item.menu() is not None:
                menu = item.menu()
                continue
            self.qtbot.mouseClick(menu, _left(), pos=rect.center())
        self.qtbot.waitUntil(lambda: not any(isinstance(w, QMenu) and w.isVisible()
                                             for w in QApplication.topLevelWidgets()))

    def click(self, widget: QAbstractButton) -> None:
        self.qtbot.waitUntil(lambda: widget.isVisible() and widget.isEnabled(), timeout=15000)
        self.qtbot.mouseClick(widget, _left())

    # -- message boxes ------------------------------------------------------------------
    def answer_next_box(self, button: str = "", shot: str = "") -> dict:
        """Arm a watcher: the next message box is checked, shot, and answered with `button`
        (its text, e.g. "确定", "是"; empty: the default button). Returns a dict that fills in
        with the box's title and text once answered."""
        seen: dict = {}
        timer = QTimer()
        timer.setInterval(50)

        def look() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or not box.isVisible() or "title" in seen:
                return
            timer.stop()
            self.qtbot.wait(700)   # the window manager maps and focuses the box; a late
            # progress window (shown after its delay) would appear over it by now
            seen.update(title=box.windowTitle(), text=box.text(), progress=open_progress_windows(),
                        active=active_x_window() == int(box.winId()))
            if shot:
                self.shot(shot)
            target = next((b for b in box.buttons() if button and b.text().replace("&", "")
                           .startswith(button)), box.defaultButton() or box.buttons()[0])
            self.boxes.append(f"{seen['title']}：{seen['text']}")
            self.qtbot.mouseClick(target, _left())

        timer.timeout.connect(look)
        timer.start()
        seen["_timer"] = timer
        return seen

    def wait_answered(self, seen: dict, timeout: int = 60000) -> dict:
        self.qtbot.waitUntil(lambda: "text" in seen, timeout=timeout)
        self.qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), QMessageBox))
        assert not seen["progress"], f"进度窗口仍留在提示框“{seen['title']}”之上"
        assert seen["active"], f"提示框“{seen['title']}”不是当前活动窗口（被别的窗口挡住）"
        seen.pop("_timer").stop()
        return seen

    def wait_closed(self, widget: QWidget, timeout: int = 15000) -> None:
        """Until the window is off screen (closed, or deleted after closing)."""
        self.qtbot.waitUntil(lambda: not shiboken6.isValid(widget) or not widget.isVisible(),
                             timeout=timeout)

    def dialog(self, name: str, timeout: int = 15000) -> QDialog:
        """The dialog with objectName `name` once it is on screen and active."""
        def shown() -> QDialog | None:
            return next((w for w in QApplication.topLevelWidgets()
                         if w.objectName() == name and w.isVisible()), None)
        self.qtbot.waitUntil(lambda: shown() is not None, timeout=timeout)
        dialog = shown()
        self.qtbot.waitUntil(lambda: active_x_window() == int(dialog.winId()), timeout=timeout)
        return dialog


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
