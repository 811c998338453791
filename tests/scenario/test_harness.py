"""The screen the month runs on: a real window manager that stacks and focuses windows."""

from __future__ import annotations

import subprocess

from tests.scenario.clerk import Clerk, active_x_window


def test_a_window_manager_runs_and_focuses_the_window(qtbot, shots, tmp_path):
    from PySide6.QtWidgets import QLabel

    manager = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                             capture_output=True, text=True, check=True)
    assert "window id" in manager.stdout
    label = QLabel("整改台账：窗口管理器测试")
    qtbot.addWidget(label)
    label.show()
    label.activateWindow()
    qtbot.waitUntil(lambda: active_x_window() == int(label.winId()), timeout=10000)
    Clerk(qtbot, shots).shot("00-屏幕")
    label.close()
