"""File → 导出 entries for the supervision outputs, hooked into the window in one call.

objectNames: exportFlaggedList (挂牌督办清单…), exportArchiveMenu (佐证材料档案…),
exportChronicleMenu (大事记…).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def install_supervision_actions(window) -> dict[str, QAction]:
    view = window.supervision
    entries = (("exportFlaggedList", "挂牌督办清单…", "flagged", lambda: view.flagged.export("pdf")),
               ("exportArchiveMenu", "佐证材料档案…", "closure", view.closure.export_archive),
               ("exportChronicleMenu", "大事记…", "chronicle", view.chronicle.export))
    menu = window.findChild(QMenu, "exportMenu")
    made = {}
    for name, text, pane, run in entries:
        action = QAction(text, window, objectName=name)
        action.triggered.connect(lambda _=False, p=pane, r=run: (
            window.show_view("supervision"), view.show_pane(p), r()))
        if menu is not None:
            menu.addAction(action)
        made[name] = action
    return made
