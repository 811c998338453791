"""Every test gets its own data folder: nothing touches the real user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = FIXTURES / "samples"  # a copy of shared/samples, so the tests never depend on a sibling folder


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("用户 数据")
    monkeypatch.setenv("RECTIFICATION_LEDGER_HOME", str(home))
    return home


@pytest.fixture
def register(tmp_path):
    from db.connection import open_register

    db = open_register(tmp_path / "台账 测试.db")
    yield db
    db.close()


@pytest.fixture
def samples() -> Path:
    return SAMPLES
