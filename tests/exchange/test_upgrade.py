"""A register made before exchange packages existed is upgraded (backed up first) and exchanges
like any other: its rows' first versions come from the audit trail it already has."""

from __future__ import annotations

import shutil
import sqlite3

from db.connection import open_register
from tests.exchange.support import cli, cli_json, county_register, edit


def as_before_exchange(path) -> None:
    """The register file as the program before migration 0007 left it."""
    legacy = sqlite3.connect(str(path))
    legacy.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_exchange'")
    for table in ("exchange_versions", "exchange_partners", "exchange_exports"):
        legacy.execute(f"DROP TABLE {table}")
    legacy.commit()
    legacy.close()


def test_an_older_register_upgrades_and_exchanges(tmp_path, capsys, own_data_folder):
    county_register(tmp_path / "县.db").close()
    shutil.copy(tmp_path / "县.db", tmp_path / "旧 台账.db")     # the same ledger, another laptop
    as_before_exchange(tmp_path / "旧 台账.db")
    upgraded = open_register(tmp_path / "旧 台账.db")
    assert "exchange_versions" in upgraded.table_names()
    assert list((own_data_folder / "backups").glob("*升级前.db"))
    edit(upgraded, "旧台账的修改", {"2": {"supervisor": "李副县长"}})
    upgraded.close()
    cli(capsys, "export", "package", "--db", tmp_path / "旧 台账.db", "--out", tmp_path / "旧.zip")
    merged = cli_json(capsys, "merge", tmp_path / "旧.zip", "--db", tmp_path / "县.db")
    assert merged["conflicts"] == [] and merged["problems_updated"] == 1
