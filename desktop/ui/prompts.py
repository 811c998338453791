"""Every modal question the window asks, in one place so tests can patch them.

File dialogs start in the folder the clerk last used for a file (remembered in the window
settings), else in 文档 — never in the program's own folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

LAST_FOLDER_KEY = "dialogs/last_folder"


def last_folder() -> Path:
    """The folder of the last file chosen or saved; else the clerk's 文档 folder."""
    from desktop.ui.settings import window_settings

    saved = window_settings().value(LAST_FOLDER_KEY)
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_folder(path: str | Path) -> None:
    from desktop.ui.settings import window_settings

    target = Path(path)
    folder = target if target.is_dir() else target.parent
    settings = window_settings()
    settings.setValue(LAST_FOLDER_KEY, str(folder))
    settings.sync()


def _placed(suggested: str) -> str:
    """A bare suggested file name goes into the last-used folder."""
    return str(last_folder() / suggested) if Path(suggested).parent == Path(".") else suggested

LEDGER_FILTER = "台账或整改方案 (*.xlsx *.xlsm *.xls *.docx *.txt);;所有文件 (*)"
REGISTER_FILTER = "整改台账 (*.db);;所有文件 (*)"
WORKBOOK_FILTER = "Excel 工作簿 (*.xlsx);;所有文件 (*)"
EVIDENCE_FILTER = ("所有文件 (*);;PDF (*.pdf);;图片 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;"
                   "Word (*.doc *.docx);;Excel (*.xls *.xlsx)")
PDF_FILTER = "PDF 文件 (*.pdf);;所有文件 (*)"
NOTICE_FILTER = "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"
WORD_OR_WORKBOOK_FILTER = "Word 文档 (*.docx);;Excel 工作簿 (*.xlsx)"


def open_file(parent: QWidget | None, title: str, filters: str, folder: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder or str(last_folder()), filters)
    if path:
        remember_folder(path)
    return path or None


def open_files(parent: QWidget | None, title: str, filters: str, folder: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder or str(last_folder()), filters)
    if paths:
        remember_folder(paths[0])
    return list(paths)


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, _placed(suggested), filters)
    if path:
        remember_folder(path)
    return path or None


def choose_folder(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, folder or str(last_folder()))
    if chosen:
        remember_folder(chosen)
    return chosen or None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_text(parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, text=default)
    return text.strip() if ok and text.strip() else None


def open_folder(path: str) -> None:
    """Show a folder in the system's file manager."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    """One of the items, or None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return text if ok and text else None
