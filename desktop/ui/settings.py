"""The window's settings (layout, last register) in an INI file in the user's data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.paths import data_dir

FILE_NAME = "窗口设置.ini"


def window_settings() -> QSettings:
    """Settings stored beside the registers (RECTIFICATION_LEDGER_HOME moves them too)."""
    settings = QSettings(str(data_dir() / FILE_NAME), QSettings.Format.IniFormat)
    return settings
