"""Registers the program may not write: a read-only file is opened read-only and says so (it can
be dumped, checked and exported); a register made by a newer version refuses every write
(import, undo, collect, settings), exit 1 with the register unchanged."""

from __future__ import annotations

import os
import sqlite3

import pytest

from db.changes import undo
from db.connection import RegisterReadOnly, open_register, read_only_reason
from desktop.cli import main
from tests.conftest import SAMPLES
from tests.fuzz.harness import register_digest

LEDGER = SAMPLES / "ledger_county_problems.xlsx"


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "台账 只读.db"
    assert main(["import", str(LEDGER), "--db", str(path)]) == 0
    return path


def _newer(path):
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('rectification_ledger', '9999_from_the_future', 'x')")
    conn.commit()
    conn.close()


def test_a_read_only_file_is_opened_read_only_and_said_so(filled, capsys, tmp_path):
    os.chmod(filled, 0o444)
    try:
        before = register_digest(filled)
        assert main(["dump", "--db", str(filled)]) == 0
        assert main(["check", "--db", str(filled)]) == 0
        assert main(["export", "ledger", "--db", str(filled), "--out",
                     str(tmp_path / "出.xlsx")]) == 0
        err = capsys.readouterr().err
        assert "只读" in err and "不是有效的台账" not in err
        for argv in (["import", str(SAMPLES / "petitions_county.xlsx")], ["undo"]):
            assert main([*argv, "--db", str(filled)]) == 1
            assert "只读" in capsys.readouterr().err
        assert register_digest(filled) == before
    finally:
        os.chmod(filled, 0o644)


def test_a_register_from_a_newer_version_refuses_every_write(filled, capsys, tmp_path):
    _newer(filled)
    before = register_digest(filled)
    for argv in (["import", str(SAMPLES / "petitions_county.xlsx")], ["undo"],
                 ["import", str(LEDGER)], ["demo"]):
        assert main([*argv, "--db", str(filled)]) == 1, argv
        err = capsys.readouterr().err
        assert "更新版本" in err and "Traceback" not in err
    assert main(["dump", "--db", str(filled)]) == 0
    assert register_digest(filled) == before
    assert main(["check", "--db", str(filled)]) == 1
    assert "升级本程序" in capsys.readouterr().out


def test_the_service_layer_refuses_too(filled):
    _newer(filled)
    db = open_register(filled)
    assert "更新版本" in read_only_reason(db)
    with pytest.raises(RegisterReadOnly):
        undo(db)
    db.close()
