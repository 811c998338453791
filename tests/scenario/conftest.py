"""The clerk's month (../shared/MONTH.md) through the real window on a real screen.

Collected only under tests/scenario/screen.py, which starts Xvfb with openbox and sets
RECTIFICATION_LEDGER_SCENARIO=1: Qt cannot change its platform once the off-screen tests have
made their QApplication, so the month runs in a pytest of its own. The steps share one data folder
and one register, in file order, as a clerk's month does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

if os.environ.get("RECTIFICATION_LEDGER_SCENARIO") != "1":
    collect_ignore_glob = ["test_*.py"]

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("RECTIFICATION_LEDGER_SHOTS", ROOT / "build" / "scenario"))


@pytest.fixture(scope="session")
def month_home(tmp_path_factory) -> Path:
    """One data folder for the whole month (Chinese and a space in its path, as on a laptop)."""
    home = tmp_path_factory.mktemp("整改 台账 用户")
    return home


@pytest.fixture(autouse=True)
def own_data_folder(month_home, monkeypatch) -> Path:
    """Overrides the per-test data folder of tests/conftest.py: the month keeps one."""
    monkeypatch.setenv("RECTIFICATION_LEDGER_HOME", str(month_home))
    return month_home


@pytest.fixture(scope="session")
def shots() -> Path:
    for old in SHOTS.glob("*.png") if SHOTS.exists() else []:
        old.unlink()
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture
def clerk(qtbot, shots):
    from tests.scenario.clerk import Clerk

    return Clerk(qtbot, shots)
