"""The window's actions, menus and toolbar (文件, 编辑, 视图, 帮助)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar


@dataclass
class Actions:
    new: QAction
    open: QAction
    import_ledger: QAction
    export_ledger: QAction
    fill_back: QAction
    unit_forms: QAction
    collect: QAction
    backup: QAction
    restore: QAction
    print_preview: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    settings: QAction
    help: QAction
    about: QAction
    views: list[QAction] = field(default_factory=list)
    paste_plan: QAction | None = None
    units: QAction | None = None


def _action(window: QMainWindow, text: str, name: str, shortcut=None, icon=None,
            tip: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if tip:
        action.setStatusTip(tip)
    return action


def build_actions(window: QMainWindow) -> Actions:
    sp = QStyle.StandardPixmap
    key = QKeySequence.StandardKey
    a = Actions(
        new=_action(window, "新建台账…", "newRegister", key.New, sp.SP_FileIcon, "新建一个空台账文件"),
        open=_action(window, "打开台账…", "openRegister", key.Open, sp.SP_DialogOpenButton,
                     "打开一个台账文件（.db）"),
        import_ledger=_action(window, "导入…", "importLedger", "Ctrl+I", sp.SP_ArrowDown,
                              "导入上级下发的 Excel 台账或信访件清单"),
        export_ledger=_action(window, "台账…", "exportLedger", "Ctrl+E", sp.SP_ArrowUp,
                              "把整个台账导出为可打印的 Excel"),
        fill_back=_action(window, "填回上级表…", "fillBack", tip="按上级原表格式填回进展"),
        unit_forms=_action(window, "分发填报表…", "unitForms", tip="为每个责任单位生成填报表"),
        collect=_action(window, "收集填报表…", "collectForms", tip="读入各单位交回的填报表"),
        backup=_action(window, "备份…", "backup", None, sp.SP_DriveHDIcon, "把台账备份为一个文件"),
        restore=_action(window, "恢复…", "restore", tip="从备份文件恢复台账"),
        print_preview=_action(window, "打印预览…", "printPreview", key.Print),
        quit=_action(window, "退出", "quit", key.Quit),
        undo=_action(window, "撤销", "undo", "Ctrl+Z", sp.SP_ArrowBack),
        redo=_action(window, "重做", "redo", "Ctrl+Y", sp.SP_ArrowForward),
        find=_action(window, "查找…", "find", key.Find, sp.SP_FileDialogContentsView,
                     "在台账中查找问题"),
        settings=_action(window, "设置…", "settings", key.Preferences, tip="单位名称、统计口径、反馈日期"),
        help=_action(window, "使用说明", "help", key.HelpContents),
        about=_action(window, "关于整改台账", "about"),
    )
    a.paste_plan = _action(window, "粘贴整改方案正文…", "pastePlan", tip="粘贴方案正文，按编号和牵头单位读入问题")
    a.units = _action(window, "单位…", "units", tip="合并、改名单位，列出单位组的成员")
    a.export_ledger.setIconText("导出台账")
    a.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    a.quit.setMenuRole(QAction.MenuRole.QuitRole)
    return a


def build_menus(window: QMainWindow, a: Actions, view_names: list[str]) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("文件(&F)")
    file_menu.setObjectName("fileMenu")
    file_menu.addActions([a.new, a.open])
    file_menu.addSeparator()
    file_menu.addActions([a.import_ledger, a.paste_plan])
    export = QMenu("导出", file_menu, objectName="exportMenu")
    export.addActions([a.export_ledger, a.fill_back, a.unit_forms, a.collect])
    file_menu.addMenu(export)
    file_menu.addSeparator()
    file_menu.addActions([a.backup, a.restore])
    file_menu.addSeparator()
    file_menu.addAction(a.print_preview)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit = bar.addMenu("编辑(&E)")
    edit.setObjectName("editMenu")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addAction(a.find)
    edit.addSeparator()
    edit.addAction(a.units)
    edit.addAction(a.settings)
    view_menu = bar.addMenu("视图(&V)")
    view_menu.setObjectName("viewMenu")
    for i, name in enumerate(view_names):
        action = _action(window, name, f"view{i}", f"Ctrl+{i + 1}")
        action.setCheckable(True)
        a.views.append(action)
        view_menu.addAction(action)
    help_menu = bar.addMenu("帮助(&H)")
    help_menu.setObjectName("helpMenu")
    help_menu.addActions([a.help, a.about])


def build_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    bar = QToolBar("工具栏", window, objectName="mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addActions([a.import_ledger, a.export_ledger])
    bar.addSeparator()
    bar.addActions([a.undo, a.redo])
    bar.addSeparator()
    bar.addActions([a.find, a.backup])
    window.addToolBar(bar)
    return bar
