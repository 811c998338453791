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
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QWidget,
)

from tests.ui.helpers import choose, type_text

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
        self.qtbot.wait(CLICK)     # a click soon after the last one would read as a double click
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

    # -- modal windows ------------------------------------------------------------------
    def answer_next_box(self, button: str = "", shot: str = "") -> dict:
        """Arm a watcher: the next message box is checked, shot, and answered with `button`
        (its text, e.g. "确定", "是"; empty: the default button). Returns a dict that fills in
        with the box's title and text once answered."""
        def act(box: QMessageBox) -> None:
            target = next((b for b in box.buttons() if button and b.text().replace("&", "")
                           .startswith(button)), box.defaultButton() or box.buttons()[0])
            self.qtbot.mouseClick(target, _left())
        return self.on_next_modal(lambda w: isinstance(w, QMessageBox), act, shot)

    def answer_next_input(self, *, text: str | None = None, item: str | None = None,
                          shot: str = "") -> dict:
        """The next input dialog (a name to type, or an item to pick) answered and accepted."""
        def act(dialog: QInputDialog) -> None:
            if item is not None:
                choose(self.qtbot, dialog.findChild(QComboBox), item)
            if text is not None:
                line = dialog.findChild(QLineEdit) or dialog.findChild(QPlainTextEdit)
                line.selectAll()
                type_text(self.qtbot, line, text)
            self.click_ok(dialog)
        return self.on_next_modal(lambda w: isinstance(w, QInputDialog), act, shot)

    def click_ok(self, dialog: QWidget) -> None:
        box = dialog.findChild(QDialogButtonBox)
        self.qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), _left())

    def on_next_modal(self, match, act, shot: str = "") -> dict:
        """Arm a watcher for the next modal window `match` accepts: once it is on screen, check it
        is the active window with no progress window over it, shoot it, then `act(window)`."""
        seen: dict = {}
        timer = QTimer()
        timer.setInterval(50)

        def look() -> None:
            window = QApplication.activeModalWidget()
            if window is None or not match(window) or not window.isVisible() or "title" in seen:
                return
            timer.stop()
            self.qtbot.wait(700)   # the window manager maps and focuses the window; a late
            # progress window (shown after its delay) would appear over it by now
            seen.update(title=window.windowTitle(), progress=open_progress_windows(),
                        text=window.text() if isinstance(window, QMessageBox) else "",
                        active=active_x_window() == int(window.winId()), window=window)
            if shot:
                self.shot(shot)
            self.boxes.append(f"{seen['title']}：{seen['text']}")
            act(window)

        timer.timeout.connect(look)
        timer.start()
        seen["_timer"] = timer
        return seen

    def wait_answered(self, seen: dict, timeout: int = 60000) -> dict:
        self.qtbot.waitUntil(lambda: "text" in seen, timeout=timeout)
        self.wait_closed(seen.pop("window"), timeout=timeout)
        assert not seen["progress"], f"进度窗口仍留在提示框“{seen['title']}”之上"
        assert seen["active"], f"窗口“{seen['title']}”不是当前活动窗口（被别的窗口挡住）"
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
