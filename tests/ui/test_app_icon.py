"""The window carries the program's icon (the same one the frozen executable has)."""

from __future__ import annotations

from desktop.ui.app import app_icon, application


def test_application_icon_has_every_size(qtbot):
    app = application()
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    assert not app.windowIcon().isNull()
