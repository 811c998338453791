"""The frozen folder runs: tests/frozen/smoke.py's checks, one test each, on one build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import smoke


@pytest.fixture(scope="module")
def frozen(tmp_path_factory):
    """(build folder, environment, work folder, the folder's listing before any run)."""
    existing = os.environ.get("RECTIFICATION_LEDGER_FROZEN_DIST")
    dist = Path(existing).resolve() if existing else smoke.build(tmp_path_factory.mktemp("frozen"))
    work = tmp_path_factory.mktemp("整改台账 冒烟 ")
    return dist, smoke.frozen_env(work / "用户 家"), work, smoke.listing(dist)


def test_version(frozen):
    smoke.check_version(*frozen[:3])


def test_first_run_creates_the_register_in_the_data_folder_and_says_where(frozen):
    smoke.check_first_run_uses_data_folder(*frozen[:3])


def test_demo_dump_check_backup_on_chinese_paths_with_spaces(frozen):
    smoke.check_demo_dump_check_backup(*frozen[:3])


def test_import_of_xlsx_and_legacy_xls_ledgers(frozen):
    smoke.check_import_of_sample_ledgers(*frozen[:3])


def test_exports_collect_report_summary_undo(frozen):
    smoke.check_every_other_command(*frozen[:3])


def test_window_screenshots_are_1600x1000(frozen):
    if not smoke.window_exists():
        pytest.skip("the window (desktop/ui/app.py) is not there yet")
    smoke.check_screenshots(*frozen[:3])


def test_nothing_was_written_beside_the_program(frozen):
    dist, _env, _work, before = frozen
    after = smoke.listing(dist)
    assert sorted(set(after) - set(before)) == []
    assert after == before
