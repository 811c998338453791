"""帮助 → 使用说明: the offline help page (resources/help/index.html) that walks the clerk's month,
with pictures of the program; one window, raised again when asked twice."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from desktop.paths import resource_path

HELP_PAGE = ("help", "index.html")


class HelpWindow(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle("使用说明 — 整改台账")
        self.resize(980, 760)
        self.browser = QTextBrowser(objectName="helpBrowser")
        self.browser.setOpenExternalLinks(False)
        page = resource_path(*HELP_PAGE)
        self.browser.setSearchPaths([str(page.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)


def show_help(window) -> HelpWindow:
    found = window.findChild(HelpWindow, "helpWindow")
    if found is None:
        found = HelpWindow(window)
    found.show()
    found.raise_()
    found.activateWindow()
    return found
