"""Helpers for window tests: pick from a combo box, double-click a table row."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an item of a combo box the way a clerk does: open the list and click the item."""
    # an editable combo box opens its list from the arrow; a click on its text only edits
    where = QPoint(combo.width() - 8, combo.height() // 2) if combo.isEditable() else combo.rect().center()
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton, pos=where)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = combo.findText(text)
    assert index >= 0, f"下拉框中没有“{text}”"
    view.scrollTo(view.model().index(index, 0))
    rect = view.visualRect(view.model().index(index, 0))
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a popup ignores a release just after opening
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == text


def double_click_row(qtbot, table, row: int) -> None:
    table.scrollTo(table.model().index(row, 2))
    rect = table.visualRect(table.model().index(row, 2))
    point = QPoint(rect.center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def type_text(qtbot, widget, text: str) -> None:
    """Type text the way Chinese is typed: ASCII by keys, Chinese committed by the input method."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)
