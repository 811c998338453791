"""The window's entry point: `python -m desktop [--db PATH] [--screenshot OUT.png --view V]`."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from db.connection import RegisterError
from desktop import APP_ID, APP_NAME, __version__
from desktop.cli import EXIT_REFUSED, ChineseParser
from desktop.paths import resource_path
from desktop.ui import prompts
from desktop.ui.fonts import install_cjk_font, install_translations
from desktop.ui.settings import window_settings
from desktop.ui.style import APP_STYLE

VIEW_NAMES = ("register", "dashboard", "petitions", "report", "timeline", "supervision")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = ChineseParser(prog="python -m desktop", description="整改台账 窗口")
    parser.add_argument("--db", metavar="PATH", help="台账文件（默认在用户数据目录）")
    parser.add_argument("--screenshot", metavar="OUT.png", help="离屏渲染窗口并保存截图后退出")
    parser.add_argument("--view", choices=VIEW_NAMES, default="register",
                        help="截图时显示的视图（默认 register）")
    return parser.parse_args(argv)


def application() -> QApplication:
    """The QApplication, set up once: names, Chinese font and translations, the style sheet."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_ID)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    if not app.property("ledger_ready"):
        app.setStyle("Fusion")
        install_cjk_font(app)
        app._translators = install_translations(app)
        app.setStyleSheet(APP_STYLE)
        app.setWindowIcon(app_icon())
        app.setProperty("ledger_ready", True)
    return app


def app_icon() -> QIcon:
    """The program's icon in every size drawn by resources/icons/make_icon.py."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"app_{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    app = application()
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import LAST_REGISTER_KEY, start_session

    settings = window_settings()
    try:
        session = start_session(args.db, None if args.screenshot
                                else settings.value(LAST_REGISTER_KEY),
                                lock=not args.screenshot)
    except RegisterError as exc:
        if args.screenshot:
            print(str(exc), file=sys.stderr)
        else:
            prompts.warn(None, "无法打开台账", str(exc))
        return EXIT_REFUSED
    if args.screenshot:
        from desktop.ui.screenshot import save_screenshot

        window = MainWindow(session, settings, remember_layout=False)
        return save_screenshot(app, window, args.screenshot, args.view)
    window = MainWindow(session, settings)
    window.show()
    return app.exec()
