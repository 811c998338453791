"""Chinese everywhere: a CJK font for Qt and Qt's own Chinese translation (qtbase_zh_CN).

Font fallback order (the first one present is used as the application font):
1. Windows: Microsoft YaHei UI, Microsoft YaHei, SimSun (宋体).
2. Linux: Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Droid Sans Fallback.
3. macOS: PingFang SC, Hiragino Sans GB, Heiti SC.
4. A font file under resources/fonts (.ttf, .otf, .ttc), registered with QFontDatabase —
   bundle one there for machines that have no Chinese font at all.
If none is found the Qt default stays and a warning is logged.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

log = logging.getLogger(__name__)

PREFERRED_FAMILIES = {
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei", "SimSun"],
    "linux": ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
              "Droid Sans Fallback"],
    "darwin": ["PingFang SC", "Hiragino Sans GB", "Heiti SC"],
}
POINT_SIZE = 10
TRANSLATIONS = ("qtbase_zh_CN",)


def _platform_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _bundled_families() -> list[str]:
    folder = resource_path("fonts")
    if not folder.is_dir():
        return []
    families: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
            font_id = QFontDatabase.addApplicationFont(str(path))
            families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families


def choose_cjk_family() -> str | None:
    """The first family of the fallback order that this machine has."""
    present = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES.get(_platform_key(), []):
        if family in present:
            return family
    for family in (f for fams in PREFERRED_FAMILIES.values() for f in fams):
        if family in present:
            return family
    bundled = _bundled_families()
    return bundled[0] if bundled else None


def install_cjk_font(app: QApplication) -> str | None:
    family = choose_cjk_family()
    if family is None:
        log.warning("未找到中文字体：界面中的汉字可能显示为方框。请在 resources/fonts 放入中文字体文件。")
        return None
    font = QFont(family, POINT_SIZE)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    return family


def install_translations(app: QCoreApplication) -> list[QTranslator]:
    """Load Qt's Chinese translations (buttons of Qt's own dialogs) and set the Chinese locale."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(resource_path("translations"))]
    loaded: list[QTranslator] = []
    for name in TRANSLATIONS:
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            log.warning("未找到 Qt 中文翻译 %s", name)
    return loaded
