"""The start page: what an empty register shows instead of an empty table — import the
superior's ledger, open the demo register, or read the help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

INTRO = ("<h2>欢迎使用整改台账</h2>"
         "<p>这个台账还是空的。通常从上级下发的整改台账（Excel）开始：程序会自动找出工作表、"
         "表头和每个问题的整改措施，先给您预览，确认后再导入。导入和以后的每一次修改都可以撤销。</p>")


def register_is_empty(db) -> bool:
    (empty,) = db.execute("SELECT NOT (EXISTS (SELECT 1 FROM problems)"
                          " OR EXISTS (SELECT 1 FROM petitions))").fetchone()
    return bool(empty)


class StartPage(QWidget):
    def __init__(self, window):
        super().__init__(objectName="startPage")
        self.window_ = window
        intro = QLabel(INTRO, wordWrap=True, objectName="startIntro")
        intro.setMaximumWidth(720)
        self.import_button = QPushButton("导入上级台账…", objectName="startImport")
        self.demo_button = QPushButton("打开演示台账", objectName="startDemo")
        self.help_button = QPushButton("使用说明", objectName="startHelp")
        notes = ("选择上级下发的 .xlsx / .xls 台账或信访件清单",
                 "63 项演示任务和一年的月度进展，随便试，不影响正式台账",
                 "一个月的工作：导入、分发、收集、填回、报表、备份")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(intro)
        for button, note in zip((self.import_button, self.demo_button, self.help_button), notes):
            button.setMinimumSize(320, 44)
            button.setToolTip(note)
            layout.addSpacing(12)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(QLabel(note, objectName="hint"))
        layout.addStretch(1)
        commands = window.commands
        self.import_button.clicked.connect(lambda: commands.import_ledger())
        self.demo_button.clicked.connect(commands.open_demo)
        self.help_button.clicked.connect(commands.show_help)

    def follow(self, *_args) -> None:
        """Stand in for the register view while the register is empty."""
        window = self.window_
        stack, on_register = window.stack, window.nav.currentRow() == 0
        if on_register and register_is_empty(window.session.db):
            stack.setCurrentWidget(self)
        elif stack.currentWidget() is self:
            stack.setCurrentIndex(window.nav.currentRow())


def install_start_page(window) -> StartPage:
    page = StartPage(window)
    window.stack.addWidget(page)
    window.nav.currentRowChanged.connect(page.follow)
    window.changed.connect(page.follow)
    page.follow()
    return page
