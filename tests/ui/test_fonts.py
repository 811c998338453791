"""Chinese renders: a CJK family is chosen, Qt's own dialogs speak Chinese."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.fonts import PREFERRED_FAMILIES, choose_cjk_family


def test_a_cjk_font_from_the_fallback_order_is_the_application_font():
    family = choose_cjk_family()
    assert family is not None, "本机没有中文字体：请安装 Noto Sans CJK 或在 resources/fonts 放入字体"
    assert family in {f for fams in PREFERRED_FAMILIES.values() for f in fams} | set(
        QFontDatabase.families())
    assert QApplication.font().family() == family
    assert QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese)


def test_qt_dialog_buttons_are_translated():
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    box = QMessageBox(QMessageBox.Icon.Question, "标题", "内容",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    texts = {box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Yes,
                                                              QMessageBox.StandardButton.No)}
    assert all("是" in t or "否" in t for t in texts), texts
    box.deleteLater()
