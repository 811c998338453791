"""Window tests: a real window on a demo register, off screen; no window may be left open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def no_leftover_windows(qapp):
    from desktop.ui.app import application

    application()
    yield
    QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"测试结束后仍有窗口未关闭：{[w.objectName() or type(w).__name__ for w in left]}"


@pytest.fixture
def demo_path(tmp_path):
    from db.connection import open_register
    from db.demo import build_demo

    path = tmp_path / "演示 台账.db"
    db = open_register(path)
    build_demo(db)
    db.close()
    return path


@pytest.fixture
def window(qtbot, demo_path):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    win = MainWindow(open_session(demo_path), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def county_window(qtbot, demo_path, samples):
    """The demo register (problems numbered 1–63) with the county sample (numbered 1–8) in a
    round of its own: codes alone would mix them up."""
    from db.connection import open_register
    from desktop.ledger.importing.importer import import_file
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import open_session
    from desktop.ui.settings import window_settings

    db = open_register(demo_path)
    import_file(db, samples / "ledger_county_problems.xlsx", round_name="县级督察整改")
    db.close()
    win = MainWindow(open_session(demo_path), window_settings(), remember_layout=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
