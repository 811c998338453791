"""Every modal question the window asks, in one place so tests can patch them."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

LEDGER_FILTER = "Excel 台账 (*.xlsx *.xlsm *.xls);;所有文件 (*)"
REGISTER_FILTER = "整改台账 (*.db);;所有文件 (*)"
WORKBOOK_FILTER = "Excel 工作簿 (*.xlsx);;所有文件 (*)"
EVIDENCE_FILTER = ("所有文件 (*);;PDF (*.pdf);;图片 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff);;"
                   "Word (*.doc *.docx);;Excel (*.xls *.xlsx)")
PDF_FILTER = "PDF 文件 (*.pdf);;所有文件 (*)"
NOTICE_FILTER = "PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"
WORD_OR_WORKBOOK_FILTER = "Word 文档 (*.docx);;Excel 工作簿 (*.xlsx)"


def open_file(parent: QWidget | None, title: str, filters: str, folder: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path or None


def open_files(parent: QWidget | None, title: str, filters: str, folder: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    return list(paths)


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def choose_folder(parent: QWidget | None, title: str, folder: str = "") -> str | None:
    return QFileDialog.getExistingDirectory(parent, title, folder) or None


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
