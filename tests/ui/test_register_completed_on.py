"""The register view's 实际完成时间 column: hidden while no problem has an actual completion
date, shown once one has (set in the problem dialog), and shown or hidden by hand from the
header's context menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.ui.register_view.model import COLUMNS

COMPLETED = next(i for i, c in enumerate(COLUMNS) if c.key == "completed_on")


def menu_action(view, title: str):
    view.column_menu.popup(QPoint(5, 5))
    menu = view.column_menu.menu
    (action,) = [a for a in menu.actions() if a.text() == title]
    return menu, action


def shown(view, problem_id: int) -> str:
    model = view.model
    return model.data(model.index(model.row_of(problem_id), COMPLETED))


def test_the_column_shows_once_a_problem_has_a_completion_date(qtbot, window):
    view = window.register_view
    assert COLUMNS[COMPLETED].title == "实际完成时间"
    assert view.table.isColumnHidden(COMPLETED)
    pid = view.selected_id()
    dialog = window.commands.open_problem(pid)
    qtbot.waitExposed(dialog)
    dialog.fields.w["completed_on"].setText("2024-05-18")
    with qtbot.waitSignal(window.changed, timeout=5000):
        dialog.save_button.click()
    dialog.close()
    assert not view.table.isColumnHidden(COMPLETED)
    assert shown(view, pid) == "2024-05-18"


def test_the_header_menu_shows_and_hides_columns(qtbot, window):
    view = window.register_view
    menu, action = menu_action(view, "实际完成时间")
    assert not action.isChecked()
    action.trigger()
    menu.close()
    assert not view.table.isColumnHidden(COMPLETED)
    view.reload()                      # the clerk's choice holds over the automatic one
    assert not view.table.isColumnHidden(COMPLETED)
    menu, action = menu_action(view, "最新进展")
    action.trigger()
    menu.close()
    assert view.table.isColumnHidden(len(COLUMNS) - 1)
    header = view.table.horizontalHeader()
    assert header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
